import { Migration } from '@mikro-orm/migrations';

export class Migration20261129161628_account_disabled extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "users" add column "disabled_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "users" drop column "disabled_at";`);
  }

}
