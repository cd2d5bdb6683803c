import { Migration } from '@mikro-orm/migrations';

/**
 * Personal data (issue 18): agreements to the privacy notice (`consents`, and the version in force
 * on each account), closed accounts, and the log of personal-data requests with their completion.
 */
export class Migration20261129233605_personal_data extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "personal_data_requests" ("id" bigserial primary key, "user_id" uuid not null, "kind" text check ("kind" in ('EXPORT', 'CLOSE')) not null, "requested_at" timestamptz not null default now(), "completed_at" timestamptz null);`);
    this.addSql(`create index "personal_data_requests_user_id_index" on "personal_data_requests" ("user_id");`);
    this.addSql(`create index "personal_data_requests_requested_at_index" on "personal_data_requests" ("requested_at");`);
    this.addSql(`create table "consents" ("id" bigserial primary key, "user_id" uuid null, "thread_id" uuid null, "notice_version" varchar(40) not null, "occasion" text check ("occasion" in ('REGISTER', 'POST', 'RENEW')) not null, "given_at" timestamptz not null default now());`);
    this.addSql(`create index "consents_user_id_given_at_index" on "consents" ("user_id", "given_at");`);
    this.addSql(`alter table "personal_data_requests" add constraint "personal_data_requests_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "consents" add constraint "consents_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "users" add column "consent_version" varchar(40) null, add column "consented_at" timestamptz null, add column "closed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personal_data_requests" cascade;`);
    this.addSql(`drop table if exists "consents" cascade;`);
    this.addSql(`alter table "users" drop column "consent_version", drop column "consented_at", drop column "closed_at";`);
  }
}
