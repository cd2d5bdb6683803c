import { Migration } from '@mikro-orm/migrations';

export class Migration20261128074450_monitoring extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "threads" add column "keywords" text[] not null default '{}';`);
    this.addSql(`create index "threads_place_id_created_at_index" on "threads" ("place_id", "created_at");`);
    this.addSql(`create index "threads_category_id_created_at_index" on "threads" ("category_id", "created_at");`);
    this.addSql(`create index "threads_keywords_gin" on "threads" using gin ("keywords");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "threads_place_id_created_at_index";`);
    this.addSql(`drop index "threads_category_id_created_at_index";`);
    this.addSql(`drop index "threads_keywords_gin";`);
    this.addSql(`alter table "threads" drop column "keywords";`);
  }

}
