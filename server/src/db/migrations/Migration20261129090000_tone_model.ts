import { Migration } from '@mikro-orm/migrations';

export class Migration20261129090000_tone_model extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "threads" add column "tone_confidence" double precision null, add column "tone_model" text null;`);
    this.addSql(`alter table "messages" add column "tone_confidence" double precision null, add column "tone_model" text null;`);
    // Tones stored before this migration came from the lexicon scorer.
    this.addSql(`update "threads" set "tone_model" = 'rules@1' where "tone" is not null;`);
    this.addSql(`update "messages" set "tone_model" = 'rules@1' where "tone" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "messages" drop column "tone_confidence", drop column "tone_model";`);
    this.addSql(`alter table "threads" drop column "tone_confidence", drop column "tone_model";`);
  }

}
