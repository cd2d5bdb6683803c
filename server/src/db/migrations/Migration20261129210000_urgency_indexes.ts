import { Migration } from '@mikro-orm/migrations';

/**
 * The DEADLINE order became urgency first (inbox_urgency); the list indexes of that order follow
 * it, so the board and the inboxes still walk an index in their order and stop after the page.
 */
export class Migration20261129210000_urgency_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "threads_deadline";`);
    this.addSql(`drop index "threads_unit_deadline";`);
    this.addSql(`drop index "threads_unit_id_urgency_rank_urgent_at_id_index";`);
    this.addSql(`create index "threads_urgency" on "threads" ("urgency_rank", "urgent_at", "id");`);
    this.addSql(
      `create index "threads_unit_urgency" on "threads" ("unit_id", "urgency_rank", "urgent_at", "id") include ("is_public", "author_id", "escalated_to_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "threads_urgency";`);
    this.addSql(`drop index "threads_unit_urgency";`);
    this.addSql(`create index "threads_unit_id_urgency_rank_urgent_at_id_index" on "threads" ("unit_id", "urgency_rank", "urgent_at", "id");`);
    this.addSql(`create index "threads_deadline" on "threads" ("answer_due_at", "id");`);
    this.addSql(
      `create index "threads_unit_deadline" on "threads" ("unit_id", "answer_due_at", "id") include ("is_public", "author_id", "escalated_to_id");`,
    );
  }
}
