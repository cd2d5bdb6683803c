import { Migration } from '@mikro-orm/migrations';

/** The inbox's urgency order as generated columns (deadline.ts holds the rule and its SQL twin). */
export class Migration20261129191949_inbox_urgency extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "threads" add column "urgency_rank" smallint generated always as (case when "status" = 'ROUTED' and "acknowledged_at" is null then 0 when "status" in ('ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED') and "answered_at" is null then 0 when "status" in ('ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REOPENED') then 1 else 2 end) stored not null, add column "urgent_at" timestamptz generated always as (case when "status" = 'ROUTED' and "acknowledged_at" is null then "acknowledge_due_at" else "answer_due_at" end) stored not null;`);
    this.addSql(`create index "threads_unit_id_urgency_rank_urgent_at_id_index" on "threads" ("unit_id", "urgency_rank", "urgent_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "threads_unit_id_urgency_rank_urgent_at_id_index";`);
    this.addSql(`alter table "threads" drop column "urgency_rank", drop column "urgent_at";`);
  }

}
