import { Migration } from "@mikro-orm/migrations";

export class Migration20261128100000_campaign extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "campaigns" ("id" uuid not null, "name" varchar(200) not null, "description" text not null, "start_year" int not null, "end_year" int not null, "created_at" timestamptz not null, constraint "campaigns_pkey" primary key ("id"), constraint campaigns_period_check check (end_year >= start_year));`,
    );

    this.addSql(
      `create table "campaign_models" ("id" uuid not null, "campaign_id" uuid not null, "unit_id" uuid not null, "year" int not null, "title" varchar(300) not null, "field" text check ("field" in ('ECONOMY', 'CULTURE_SOCIETY', 'DEFENCE_SECURITY', 'PARTY_GOVERNMENT_BUILDING')) not null, "goals" text not null, "programmes" text[] not null, "beneficiaries" text[] not null, "status" text check ("status" in ('REGISTERED', 'UNDER_APPRAISAL', 'RECOGNISED', 'NOT_RECOGNISED', 'WITHDRAWN')) not null default 'REGISTERED', "appraisal_score" int null, "appraisal_notes" text null, "decision_number" varchar(100) null, "decision_date" date null, "registered_by_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "campaign_models_pkey" primary key ("id"), constraint campaign_models_score_check check (appraisal_score >= 0 and appraisal_score <= 100));`,
    );
    this.addSql(
      `create index "campaign_models_unit_id_index" on "campaign_models" ("unit_id");`,
    );
    this.addSql(
      `create index "campaign_models_campaign_id_year_index" on "campaign_models" ("campaign_id", "year");`,
    );

    this.addSql(
      `create table "campaign_replications" ("id" uuid not null, "model_id" uuid not null, "unit_id" uuid not null, "year" int not null, "notes" text null, "recorded_by_id" uuid not null, "created_at" timestamptz not null, constraint "campaign_replications_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "campaign_replications_unit_id_index" on "campaign_replications" ("unit_id");`,
    );
    this.addSql(
      `alter table "campaign_replications" add constraint "campaign_replications_model_id_unit_id_unique" unique ("model_id", "unit_id");`,
    );

    this.addSql(
      `create table "campaign_progress_reports" ("id" uuid not null, "model_id" uuid not null, "reported_on" date not null, "resources_vnd" bigint not null, "evidence" text not null, "author_id" uuid not null, "created_at" timestamptz not null, constraint "campaign_progress_reports_pkey" primary key ("id"), constraint campaign_progress_reports_resources_check check (resources_vnd >= 0));`,
    );
    this.addSql(
      `create index "campaign_progress_reports_model_id_index" on "campaign_progress_reports" ("model_id");`,
    );

    this.addSql(
      `create table "campaign_model_steps" ("id" uuid not null, "model_id" uuid not null, "action" text check ("action" in ('REGISTER', 'UPDATE', 'WITHDRAW', 'START_APPRAISAL', 'APPRAISE', 'RECOGNISE', 'REJECT')) not null, "from_status" text check ("from_status" in ('REGISTERED', 'UNDER_APPRAISAL', 'RECOGNISED', 'NOT_RECOGNISED', 'WITHDRAWN')) null, "to_status" text check ("to_status" in ('REGISTERED', 'UNDER_APPRAISAL', 'RECOGNISED', 'NOT_RECOGNISED', 'WITHDRAWN')) not null, "actor_id" uuid not null, "note" text null, "at" timestamptz not null, constraint "campaign_model_steps_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "campaign_model_steps_model_id_index" on "campaign_model_steps" ("model_id");`,
    );

    this.addSql(
      `create table "campaign_commendations" ("id" uuid not null, "campaign_id" uuid not null, "year" int not null, "issuer" text check ("issuer" in ('DISTRICT_PEOPLES_COMMITTEE', 'PROVINCIAL_PEOPLES_COMMITTEE')) not null, "recipient_kind" text check ("recipient_kind" in ('COLLECTIVE', 'INDIVIDUAL')) not null, "recipient_unit_id" uuid null, "recipient_name" varchar(200) null, "model_id" uuid null, "citation" text not null, "decision_number" varchar(100) not null, "decision_date" date not null, "recorded_by_id" uuid not null, "created_at" timestamptz not null, constraint "campaign_commendations_pkey" primary key ("id"), constraint campaign_commendations_recipient_check check ((recipient_kind = 'COLLECTIVE' and recipient_unit_id is not null) or (recipient_kind = 'INDIVIDUAL' and recipient_name is not null)));`,
    );
    this.addSql(
      `create index "campaign_commendations_recipient_unit_id_index" on "campaign_commendations" ("recipient_unit_id");`,
    );
    this.addSql(
      `create index "campaign_commendations_model_id_index" on "campaign_commendations" ("model_id");`,
    );
    this.addSql(
      `create index "campaign_commendations_campaign_id_year_index" on "campaign_commendations" ("campaign_id", "year");`,
    );

    this.addSql(
      `create table "campaign_work_items" ("id" uuid not null, "report_id" uuid not null, "position" int not null, "kind" text check ("kind" in ('ROAD', 'LIGHTED_ROAD', 'HOUSE', 'COMMUNITY_HOUSE', 'SCHOLARSHIP', 'LIVELIHOOD_SUPPORT', 'GIFT', 'LAND_DONATION', 'OTHER')) not null, "quantity" int not null, "measure" text check ("measure" in ('METRE', 'SQUARE_METRE', 'HOUSE', 'WORK', 'SCHOLARSHIP', 'HOUSEHOLD', 'PERSON', 'GIFT', 'LAMP')) not null, "description" varchar(300) null, constraint "campaign_work_items_pkey" primary key ("id"), constraint campaign_work_items_quantity_check check (quantity > 0));`,
    );
    this.addSql(
      `create index "campaign_work_items_report_id_index" on "campaign_work_items" ("report_id");`,
    );

    this.addSql(
      `alter table "campaign_models" add constraint "campaign_models_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_models" add constraint "campaign_models_unit_id_foreign" foreign key ("unit_id") references "units" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_models" add constraint "campaign_models_registered_by_id_foreign" foreign key ("registered_by_id") references "users" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "campaign_replications" add constraint "campaign_replications_model_id_foreign" foreign key ("model_id") references "campaign_models" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_replications" add constraint "campaign_replications_unit_id_foreign" foreign key ("unit_id") references "units" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_replications" add constraint "campaign_replications_recorded_by_id_foreign" foreign key ("recorded_by_id") references "users" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "campaign_progress_reports" add constraint "campaign_progress_reports_model_id_foreign" foreign key ("model_id") references "campaign_models" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_progress_reports" add constraint "campaign_progress_reports_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "campaign_model_steps" add constraint "campaign_model_steps_model_id_foreign" foreign key ("model_id") references "campaign_models" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_model_steps" add constraint "campaign_model_steps_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "campaign_commendations" add constraint "campaign_commendations_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_commendations" add constraint "campaign_commendations_recipient_unit_id_foreign" foreign key ("recipient_unit_id") references "units" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_commendations" add constraint "campaign_commendations_model_id_foreign" foreign key ("model_id") references "campaign_models" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaign_commendations" add constraint "campaign_commendations_recorded_by_id_foreign" foreign key ("recorded_by_id") references "users" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "campaign_work_items" add constraint "campaign_work_items_report_id_foreign" foreign key ("report_id") references "campaign_progress_reports" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "campaign_models" drop constraint "campaign_models_campaign_id_foreign";`,
    );

    this.addSql(
      `alter table "campaign_commendations" drop constraint "campaign_commendations_campaign_id_foreign";`,
    );

    this.addSql(
      `alter table "campaign_replications" drop constraint "campaign_replications_model_id_foreign";`,
    );

    this.addSql(
      `alter table "campaign_progress_reports" drop constraint "campaign_progress_reports_model_id_foreign";`,
    );

    this.addSql(
      `alter table "campaign_model_steps" drop constraint "campaign_model_steps_model_id_foreign";`,
    );

    this.addSql(
      `alter table "campaign_commendations" drop constraint "campaign_commendations_model_id_foreign";`,
    );

    this.addSql(
      `alter table "campaign_work_items" drop constraint "campaign_work_items_report_id_foreign";`,
    );

    this.addSql(`drop table if exists "campaigns" cascade;`);

    this.addSql(`drop table if exists "campaign_models" cascade;`);

    this.addSql(`drop table if exists "campaign_replications" cascade;`);

    this.addSql(`drop table if exists "campaign_progress_reports" cascade;`);

    this.addSql(`drop table if exists "campaign_model_steps" cascade;`);

    this.addSql(`drop table if exists "campaign_commendations" cascade;`);

    this.addSql(`drop table if exists "campaign_work_items" cascade;`);
  }
}
