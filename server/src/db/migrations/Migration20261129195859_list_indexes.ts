import { Migration } from '@mikro-orm/migrations';

export class Migration20261129195859_list_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "threads_supported" on "threads" ("support_count", "created_at", "id");`);
    this.addSql(`create index "threads_deadline" on "threads" ("answer_due_at", "id");`);
    this.addSql(`create index "threads_unit_created" on "threads" ("unit_id", "created_at", "id") include ("is_public", "author_id", "escalated_to_id");`);
    this.addSql(`create index "threads_unit_deadline" on "threads" ("unit_id", "answer_due_at", "id") include ("is_public", "author_id", "escalated_to_id");`);
    this.addSql(`create index "threads_public_created" on "threads" ("created_at", "id") where "is_public";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "threads_supported";`);
    this.addSql(`drop index "threads_deadline";`);
    this.addSql(`drop index "threads_unit_created";`);
    this.addSql(`drop index "threads_unit_deadline";`);
    this.addSql(`drop index "threads_public_created";`);
  }

}
