import { Migration } from '@mikro-orm/migrations';

export class Migration20261128070059_dialogue extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "routing_rules" ("id" uuid not null, "category_id" uuid null, "place_id" uuid null, "unit_id" uuid not null, "created_at" timestamptz not null, constraint "routing_rules_pkey" primary key ("id"));`);

    this.addSql(`create table "threads" ("id" uuid not null, "kind" text check ("kind" in ('REPORT', 'PETITION', 'COMMENT', 'QUESTION', 'INITIATIVE')) not null, "title" varchar(200) not null, "body" text not null, "category_id" uuid not null, "place_id" uuid not null, "unit_id" uuid not null, "escalated_to_id" uuid null, "author_id" uuid null, "author_name" varchar(100) not null, "tracking_code_hash" varchar(64) null, "idempotency_key" varchar(100) null, "is_public" boolean not null, "status" text check ("status" in ('SUBMITTED', 'ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ANSWERED', 'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED')) not null default 'SUBMITTED', "acknowledge_due_at" timestamptz not null, "answer_due_at" timestamptz not null, "acknowledged_at" timestamptz null, "first_reply_at" timestamptz null, "answered_at" timestamptz null, "resolved_at" timestamptz null, "acknowledge_overdue_at" timestamptz null, "answer_overdue_at" timestamptz null, "support_count" int not null default 0, "rating" smallint null, "rating_comment" text null, "search_text" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "threads_pkey" primary key ("id"));`);
    this.addSql(`create index "threads_author_id_index" on "threads" ("author_id");`);
    this.addSql(`alter table "threads" add constraint "threads_tracking_code_hash_unique" unique ("tracking_code_hash");`);
    this.addSql(`alter table "threads" add constraint "threads_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "threads_unit_id_status_index" on "threads" ("unit_id", "status");`);
    this.addSql(`create index "threads_created_at_id_index" on "threads" ("created_at", "id");`);

    this.addSql(`create table "thread_supports" ("thread_id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, constraint "thread_supports_pkey" primary key ("thread_id", "user_id"));`);

    this.addSql(`create table "messages" ("id" uuid not null, "thread_id" uuid not null, "author_id" uuid null, "author_name" varchar(100) not null, "unit_id" uuid null, "body" text not null, "internal" boolean not null default false, "created_at" timestamptz not null, constraint "messages_pkey" primary key ("id"));`);
    this.addSql(`create index "messages_thread_id_created_at_index" on "messages" ("thread_id", "created_at");`);

    this.addSql(`create table "thread_events" ("id" bigserial primary key, "type" text check ("type" in ('POSTED', 'ROUTED', 'MESSAGE', 'INTERNAL_NOTE', 'STATUS_CHANGED', 'TRANSFERRED', 'OVERDUE', 'ESCALATED', 'SUPPORTED', 'RATED')) not null, "thread_id" uuid not null, "actor_id" uuid null, "actor_name" varchar(100) not null, "internal" boolean not null default false, "message_id" uuid null, "from_status" text check ("from_status" in ('SUBMITTED', 'ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ANSWERED', 'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED')) null, "to_status" text check ("to_status" in ('SUBMITTED', 'ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ANSWERED', 'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED')) null, "from_unit_id" uuid null, "to_unit_id" uuid null, "reason" text null, "rating" smallint null, "created_at" timestamptz not null);`);
    this.addSql(`create index "thread_events_thread_id_id_index" on "thread_events" ("thread_id", "id");`);

    this.addSql(`alter table "routing_rules" add constraint "routing_rules_category_id_foreign" foreign key ("category_id") references "categories" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "routing_rules" add constraint "routing_rules_place_id_foreign" foreign key ("place_id") references "units" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "routing_rules" add constraint "routing_rules_unit_id_foreign" foreign key ("unit_id") references "units" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "threads" add constraint "threads_category_id_foreign" foreign key ("category_id") references "categories" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "threads" add constraint "threads_place_id_foreign" foreign key ("place_id") references "units" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "threads" add constraint "threads_unit_id_foreign" foreign key ("unit_id") references "units" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "threads" add constraint "threads_escalated_to_id_foreign" foreign key ("escalated_to_id") references "units" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "threads" add constraint "threads_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "thread_supports" add constraint "thread_supports_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "thread_supports" add constraint "thread_supports_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "messages" add constraint "messages_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "messages" add constraint "messages_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "messages" add constraint "messages_unit_id_foreign" foreign key ("unit_id") references "units" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "thread_events" add constraint "thread_events_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "thread_events" add constraint "thread_events_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "thread_events" add constraint "thread_events_message_id_foreign" foreign key ("message_id") references "messages" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "thread_events" add constraint "thread_events_from_unit_id_foreign" foreign key ("from_unit_id") references "units" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "thread_events" add constraint "thread_events_to_unit_id_foreign" foreign key ("to_unit_id") references "units" ("id") on update cascade on delete restrict;`);

    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "threads_search_text_trgm" on "threads" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`create unique index "routing_rules_scope_unique" on "routing_rules" ("category_id", "place_id") nulls not distinct;`);
    this.addSql(`create index "threads_acknowledge_due_open" on "threads" ("acknowledge_due_at") where "acknowledged_at" is null and "acknowledge_overdue_at" is null;`);
    this.addSql(`create index "threads_answer_due_open" on "threads" ("answer_due_at") where "answered_at" is null and "answer_overdue_at" is null;`);

    this.addSql(`alter table "categories" add column "acknowledge_within_hours" int not null default 8, add column "answer_within_hours" int not null default 24, add column "urgent" boolean not null default false;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "thread_supports" drop constraint "thread_supports_thread_id_foreign";`);

    this.addSql(`alter table "messages" drop constraint "messages_thread_id_foreign";`);

    this.addSql(`alter table "thread_events" drop constraint "thread_events_thread_id_foreign";`);

    this.addSql(`alter table "thread_events" drop constraint "thread_events_message_id_foreign";`);

    this.addSql(`drop table if exists "routing_rules" cascade;`);

    this.addSql(`drop table if exists "threads" cascade;`);

    this.addSql(`drop table if exists "thread_supports" cascade;`);

    this.addSql(`drop table if exists "messages" cascade;`);

    this.addSql(`drop table if exists "thread_events" cascade;`);

    this.addSql(`alter table "categories" drop column "acknowledge_within_hours", drop column "answer_within_hours", drop column "urgent";`);
  }

}
