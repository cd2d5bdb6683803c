import { Migration } from '@mikro-orm/migrations';

/**
 * The staff access log, append-only in the database: a trigger refuses every update, delete and
 * truncate, except deletes by the retention job, which sets `nghe_dan.retention` to 'on' for its
 * own transaction only (`set local`).
 */
export class Migration20261129195000_access_log extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "thread_access_log" ("id" bigserial primary key, "thread_id" uuid not null, "reader_id" uuid not null, "reader_role" text check ("reader_role" in ('CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN')) not null, "reader_unit_id" uuid null, "operation" varchar(100) not null, "transport" text check ("transport" in ('HTTP', 'WEBSOCKET')) not null, "at" timestamptz not null default now());`);
    this.addSql(`create index "thread_access_log_at_index" on "thread_access_log" ("at");`);
    this.addSql(`create index "thread_access_log_thread_id_at_index" on "thread_access_log" ("thread_id", "at");`);

    this.addSql(`alter table "thread_access_log" add constraint "thread_access_log_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "thread_access_log" add constraint "thread_access_log_reader_id_foreign" foreign key ("reader_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "thread_access_log" add constraint "thread_access_log_reader_unit_id_foreign" foreign key ("reader_unit_id") references "units" ("id") on update cascade on delete restrict;`);

    this.addSql(`create function "thread_access_log_append_only"() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('nghe_dan.retention', true) = 'on' then
    return old;
  end if;
  raise exception 'thread_access_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;`);
    this.addSql(`create trigger "thread_access_log_no_change" before update or delete on "thread_access_log" for each row execute function "thread_access_log_append_only"();`);
    this.addSql(`create trigger "thread_access_log_no_truncate" before truncate on "thread_access_log" for each statement execute function "thread_access_log_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "thread_access_log" cascade;`);
    this.addSql(`drop function if exists "thread_access_log_append_only"();`);
  }

}
