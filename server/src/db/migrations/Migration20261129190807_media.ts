import { Migration } from '@mikro-orm/migrations';
import { units } from '../seed/lam-ha.js';

/**
 * Photos and files (attachments, pending until a post or message claims them), a place on the
 * map for threads (pin and address) and for units. Databases holding the Lâm Hà demo units get
 * the demo coordinates; any other unit tree keeps null until its administrator sets them.
 */
export class Migration20261129190807_media extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "attachments" ("id" uuid not null, "thread_id" uuid null, "message_id" uuid null, "uploader_id" uuid null, "kind" text check ("kind" in ('IMAGE', 'PDF')) not null, "content_type" varchar(100) not null, "byte_size" int not null, "width" int null, "height" int null, "file_name" varchar(200) not null, "storage_key" varchar(200) not null, "thumbnail_key" varchar(200) null, "created_at" timestamptz not null, constraint "attachments_pkey" primary key ("id"));`);
    this.addSql(`create index "attachments_message_id_index" on "attachments" ("message_id");`);
    this.addSql(`create index "attachments_thread_id_created_at_index" on "attachments" ("thread_id", "created_at");`);

    this.addSql(`alter table "attachments" add constraint "attachments_thread_id_foreign" foreign key ("thread_id") references "threads" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachments" add constraint "attachments_message_id_foreign" foreign key ("message_id") references "messages" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "attachments" add constraint "attachments_uploader_id_foreign" foreign key ("uploader_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "units" add column "latitude" double precision null, add column "longitude" double precision null;`);

    this.addSql(`alter table "threads" add column "latitude" double precision null, add column "longitude" double precision null, add column "address" varchar(300) null;`);

    for (const unit of units) {
      if (unit.latitude === undefined || unit.longitude === undefined) continue;
      if (!/^[A-Z0-9.]+$/.test(unit.code)) throw new Error(`unexpected unit code ${unit.code}`);
      this.addSql(
        `update "units" set "latitude" = ${Number(unit.latitude)}, "longitude" = ${Number(unit.longitude)} where "code" = '${unit.code}';`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachments" cascade;`);

    this.addSql(`alter table "threads" drop column "latitude", drop column "longitude", drop column "address";`);

    this.addSql(`alter table "units" drop column "latitude", drop column "longitude";`);
  }

}
