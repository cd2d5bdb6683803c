import { Migration } from '@mikro-orm/migrations';

const EVENT_TYPES = `'POSTED', 'ROUTED', 'MESSAGE', 'INTERNAL_NOTE', 'STATUS_CHANGED', 'TRANSFERRED', 'OVERDUE', 'ESCALATED', 'SUPPORTED', 'RATED'`;

/**
 * The officer's workbench (issue 14): a thread assigned to one officer of its unit (and the
 * internal ASSIGNED / UNASSIGNED events that record it), reply templates kept by a unit or by the
 * administrators, and each person's read marker per thread (the inbox's unread state).
 */
export class Migration20261129234000_workbench extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "threads" add column "assignee_id" uuid null;`);
    this.addSql(
      `alter table "threads" add constraint "threads_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`create index "threads_assignee_id_index" on "threads" ("assignee_id");`);

    this.addSql(`alter table "thread_events" add column "assignee_id" uuid null;`);
    this.addSql(
      `alter table "thread_events" add constraint "thread_events_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`alter table "thread_events" drop constraint if exists "thread_events_type_check";`);
    this.addSql(
      `alter table "thread_events" add constraint "thread_events_type_check" check ("type" in (${EVENT_TYPES}, 'ASSIGNED', 'UNASSIGNED'));`,
    );

    this.addSql(
      `create table "reply_templates" ("id" uuid not null, "unit_id" uuid null, "title" varchar(120) not null, "body" text not null, "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "reply_templates_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "reply_templates_unit_id_index" on "reply_templates" ("unit_id");`);
    this.addSql(
      `alter table "reply_templates" add constraint "reply_templates_unit_id_foreign" foreign key ("unit_id") references "units" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "reply_templates" add constraint "reply_templates_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `create table "thread_reads" ("user_id" uuid not null, "thread_id" uuid not null, "cursor" bigint not null, "read_at" timestamptz not null, constraint "thread_reads_pkey" primary key ("user_id", "thread_id"));`,
    );
    this.addSql(
      `alter table "thread_reads" add constraint "thread_reads_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "thread_reads" add constraint "thread_reads_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "thread_reads" cascade;`);
    this.addSql(`drop table if exists "reply_templates" cascade;`);
    this.addSql(`delete from "thread_events" where "type" in ('ASSIGNED', 'UNASSIGNED');`);
    this.addSql(`alter table "thread_events" drop constraint if exists "thread_events_type_check";`);
    this.addSql(`alter table "thread_events" add constraint "thread_events_type_check" check ("type" in (${EVENT_TYPES}));`);
    this.addSql(`alter table "thread_events" drop constraint "thread_events_assignee_id_foreign";`);
    this.addSql(`alter table "thread_events" drop column "assignee_id";`);
    this.addSql(`drop index "threads_assignee_id_index";`);
    this.addSql(`alter table "threads" drop constraint "threads_assignee_id_foreign";`);
    this.addSql(`alter table "threads" drop column "assignee_id";`);
  }
}
