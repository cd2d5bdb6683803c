import { Migration } from "@mikro-orm/migrations";

export class Migration20261128063819 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "categories" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(200) not null, "name_en" varchar(200) not null, "created_at" timestamptz not null, constraint "categories_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "categories" add constraint "categories_code_unique" unique ("code");`,
    );

    this.addSql(
      `create table "units" ("id" uuid not null, "code" varchar(64) not null, "name" varchar(200) not null, "level" text check ("level" in ('DISTRICT', 'COMMUNE', 'VILLAGE')) not null, "kind" text check ("kind" in ('PARTY_COMMITTEE', 'GOVERNMENT', 'DEPARTMENT', 'FRONT', 'MASS_ORGANIZATION', 'ARMED_FORCES')) not null, "parent_id" uuid null, "created_at" timestamptz not null, constraint "units_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "units" add constraint "units_code_unique" unique ("code");`,
    );
    this.addSql(
      `create index "units_parent_id_index" on "units" ("parent_id");`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null, "email" varchar(254) not null, "display_name" varchar(100) not null, "password_hash" varchar(200) not null, "role" text check ("role" in ('CITIZEN', 'OFFICER', 'MONITOR', 'ADMIN')) not null, "unit_id" uuid null, "token_version" int not null default 0, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"), constraint users_officer_unit_check check ((role = 'OFFICER') = (unit_id is not null)));`,
    );
    this.addSql(
      `alter table "users" add constraint "users_email_unique" unique ("email");`,
    );
    this.addSql(`create index "users_unit_id_index" on "users" ("unit_id");`);

    this.addSql(
      `alter table "units" add constraint "units_parent_id_foreign" foreign key ("parent_id") references "units" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "users" add constraint "users_unit_id_foreign" foreign key ("unit_id") references "units" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "units" drop constraint "units_parent_id_foreign";`,
    );

    this.addSql(`alter table "users" drop constraint "users_unit_id_foreign";`);

    this.addSql(`drop table if exists "categories" cascade;`);

    this.addSql(`drop table if exists "units" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);
  }
}
