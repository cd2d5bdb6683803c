import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard's overdue table (monitoring.service.ts, `overdue`): open threads past a deadline,
 * earliest deadline first, ten of them. Without this index it read and sorted every open overdue
 * thread; with it, it walks the index in its order and stops after the page.
 */
export class Migration20261129230000_overdue_open_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "threads_overdue_open" on "threads" (least("acknowledge_due_at", "answer_due_at")) where "status" in ('ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED') and ("acknowledge_overdue_at" is not null or "answer_overdue_at" is not null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "threads_overdue_open";`);
  }
}
