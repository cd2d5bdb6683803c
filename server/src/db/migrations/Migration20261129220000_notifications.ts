import { Migration } from '@mikro-orm/migrations';

export class Migration20261129220000_notifications extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "thread_contacts" ("thread_id" uuid not null, "email" varchar(254) not null, "language" varchar(2) not null, "created_at" timestamptz not null, constraint "thread_contacts_pkey" primary key ("thread_id"));`);

    this.addSql(`create table "push_subscriptions" ("endpoint" text not null, "user_id" uuid not null, "p256dh" text not null, "auth" text not null, "created_at" timestamptz not null, constraint "push_subscriptions_pkey" primary key ("endpoint"));`);
    this.addSql(`create index "push_subscriptions_user_id_index" on "push_subscriptions" ("user_id");`);

    this.addSql(`create table "notification_settings" ("user_id" uuid not null, "email" boolean not null default true, "push" boolean not null default true, "digest" boolean not null default false, "language" text check ("language" in ('vi', 'en')) not null default 'vi', "updated_at" timestamptz not null, constraint "notification_settings_pkey" primary key ("user_id"));`);

    this.addSql(`create table "notifications" ("id" bigserial primary key, "user_id" uuid null, "recipient" varchar(80) not null, "event_id" bigint not null, "thread_id" uuid not null, "topic" text check ("topic" in ('ROUTED', 'REPLIED', 'STATUS_CHANGED', 'TRANSFERRED', 'OVERDUE', 'NEW_THREAD', 'REOPENED', 'TRANSFERRED_IN', 'CITIZEN_REPLIED', 'UNIT_OVERDUE', 'ESCALATED', 'INITIATIVE_ANSWERED')) not null, "to_status" text check ("to_status" in ('SUBMITTED', 'ROUTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ANSWERED', 'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED')) null, "created_at" timestamptz not null, "read_at" timestamptz null);`);
    this.addSql(`create index "notifications_unread" on "notifications" ("user_id") where "read_at" is null;`);
    this.addSql(`create index "notifications_user_id_id_index" on "notifications" ("user_id", "id");`);
    this.addSql(`alter table "notifications" add constraint "notifications_event_id_recipient_unique" unique ("event_id", "recipient");`);

    this.addSql(`create table "notification_deliveries" ("notification_id" bigint not null, "channel" text check ("channel" in ('EMAIL', 'PUSH')) not null, "sent_at" timestamptz not null, constraint "notification_deliveries_pkey" primary key ("notification_id", "channel"));`);

    this.addSql(`alter table "thread_contacts" add constraint "thread_contacts_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "push_subscriptions" add constraint "push_subscriptions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notification_settings" add constraint "notification_settings_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notifications" add constraint "notifications_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notifications" add constraint "notifications_event_id_foreign" foreign key ("event_id") references "thread_events" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "notifications" add constraint "notifications_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notification_deliveries" add constraint "notification_deliveries_notification_id_foreign" foreign key ("notification_id") references "notifications" ("id") on update cascade on delete cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification_deliveries" drop constraint "notification_deliveries_notification_id_foreign";`);

    this.addSql(`drop table if exists "thread_contacts" cascade;`);

    this.addSql(`drop table if exists "push_subscriptions" cascade;`);

    this.addSql(`drop table if exists "notification_settings" cascade;`);

    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "notification_deliveries" cascade;`);
  }

}
