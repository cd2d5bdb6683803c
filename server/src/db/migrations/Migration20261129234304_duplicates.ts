import { Migration } from '@mikro-orm/migrations';

/**
 * Officers close a thread as a duplicate of another: the link to the original, the DUPLICATE event
 * type and its DUPLICATE_OF reason code.
 */
export class Migration20261129234304_duplicates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "threads" add column "duplicate_of_id" uuid null;`);
    this.addSql(
      `alter table "threads" add constraint "threads_duplicate_of_id_foreign" foreign key ("duplicate_of_id") references "threads" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "thread_events" drop constraint if exists "thread_events_type_check";`);
    this.addSql(`alter table "thread_events" drop constraint if exists "thread_events_reason_code_check";`);
    this.addSql(
      `alter table "thread_events" add constraint "thread_events_type_check" check("type" in ('POSTED', 'ROUTED', 'MESSAGE', 'INTERNAL_NOTE', 'STATUS_CHANGED', 'TRANSFERRED', 'OVERDUE', 'ESCALATED', 'SUPPORTED', 'RATED', 'ASSIGNED', 'UNASSIGNED', 'DUPLICATE'));`,
    );
    this.addSql(
      `alter table "thread_events" add constraint "thread_events_reason_code_check" check("reason_code" in ('ROUTED_BY_RULE', 'ROUTED_FALLBACK', 'ACKNOWLEDGE_OVERDUE', 'ANSWER_OVERDUE', 'ESCALATED_OVERDUE', 'REORGANISED', 'DUPLICATE_OF'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "thread_events" where "type" = 'DUPLICATE';`);
    this.addSql(`alter table "thread_events" drop constraint if exists "thread_events_type_check";`);
    this.addSql(`alter table "thread_events" drop constraint if exists "thread_events_reason_code_check";`);
    this.addSql(
      `alter table "thread_events" add constraint "thread_events_type_check" check("type" in ('POSTED', 'ROUTED', 'MESSAGE', 'INTERNAL_NOTE', 'STATUS_CHANGED', 'TRANSFERRED', 'OVERDUE', 'ESCALATED', 'SUPPORTED', 'RATED', 'ASSIGNED', 'UNASSIGNED'));`,
    );
    this.addSql(
      `alter table "thread_events" add constraint "thread_events_reason_code_check" check("reason_code" in ('ROUTED_BY_RULE', 'ROUTED_FALLBACK', 'ACKNOWLEDGE_OVERDUE', 'ANSWER_OVERDUE', 'ESCALATED_OVERDUE', 'REORGANISED'));`,
    );
    this.addSql(`alter table "threads" drop constraint "threads_duplicate_of_id_foreign";`);
    this.addSql(`alter table "threads" drop column "duplicate_of_id";`);
  }
}
