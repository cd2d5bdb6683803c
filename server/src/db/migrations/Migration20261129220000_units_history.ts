import { Migration } from '@mikro-orm/migrations';

// Units as they are since 1 July 2025. Existing units (DISTRICT-era trees included) are carried
// forward as they stand: no validFrom (they predate the records), no validTo (they exist until a
// reorganisation ends them), no successor, no former names. Reorganisation transfers use the
// reason codes of reason_codes: only the code REORGANISED is added to what the column accepts.

export class Migration20261129220000_units_history extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "unit_reorganisations" ("id" uuid not null, "decision_reference" varchar(200) not null, "effective_at" timestamptz not null, "note" text null, "applied_by_id" uuid null, "applied_at" timestamptz not null, "counts" jsonb not null, constraint "unit_reorganisations_pkey" primary key ("id"));`);

    this.addSql(`alter table "unit_reorganisations" add constraint "unit_reorganisations_applied_by_id_foreign" foreign key ("applied_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "units" drop constraint if exists "units_level_check";`);

    this.addSql(`alter table "units" add column "valid_from" timestamptz null, add column "valid_to" timestamptz null, add column "successor_id" uuid null, add column "former_names" text[] not null default '{}';`);
    this.addSql(`alter table "units" add constraint "units_successor_id_foreign" foreign key ("successor_id") references "units" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "units" add constraint "units_level_check" check("level" in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE'));`);
    this.addSql(`create index "units_successor_id_index" on "units" ("successor_id");`);

    this.addSql(`alter table "users" add column "unit_review_since" timestamptz null;`);

    this.addSql(`alter table "thread_events" drop constraint if exists "thread_events_reason_code_check";`);
    this.addSql(`alter table "thread_events" add constraint "thread_events_reason_code_check" check ("reason_code" in ('ROUTED_BY_RULE', 'ROUTED_FALLBACK', 'ACKNOWLEDGE_OVERDUE', 'ANSWER_OVERDUE', 'ESCALATED_OVERDUE', 'REORGANISED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "unit_reorganisations" cascade;`);

    this.addSql(`alter table "units" drop constraint if exists "units_level_check";`);

    this.addSql(`alter table "units" drop constraint "units_successor_id_foreign";`);

    this.addSql(`update "thread_events" set "reason_code" = null, "reason" = 'REORGANISED ' || coalesce("reason_data"->>'decisionReference', '') where "reason_code" = 'REORGANISED';`);
    this.addSql(`alter table "thread_events" drop constraint if exists "thread_events_reason_code_check";`);
    this.addSql(`alter table "thread_events" add constraint "thread_events_reason_code_check" check ("reason_code" in ('ROUTED_BY_RULE', 'ROUTED_FALLBACK', 'ACKNOWLEDGE_OVERDUE', 'ANSWER_OVERDUE', 'ESCALATED_OVERDUE'));`);

    this.addSql(`drop index "units_successor_id_index";`);
    this.addSql(`alter table "units" drop column "valid_from", drop column "valid_to", drop column "successor_id", drop column "former_names";`);

    this.addSql(`alter table "units" add constraint "units_level_check" check("level" in ('DISTRICT', 'COMMUNE', 'VILLAGE'));`);

    this.addSql(`alter table "users" drop column "unit_review_since";`);
  }

}
