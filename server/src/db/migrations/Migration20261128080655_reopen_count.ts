import { Migration } from '@mikro-orm/migrations';

export class Migration20261128080655_reopen_count extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "threads" add column "reopen_count" int not null default 0;`);
    this.addSql(`create index "threads_negative_open" on "threads" ("tone_score", "created_at") where "tone" = 'NEGATIVE' and "status" in ('ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "threads_negative_open";`);
    this.addSql(`alter table "threads" drop column "reopen_count";`);
  }

}
