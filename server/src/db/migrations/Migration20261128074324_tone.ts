import { Migration } from '@mikro-orm/migrations';

export class Migration20261128074324_tone extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "threads" add column "tone" text check ("tone" in ('NEGATIVE', 'NEUTRAL', 'POSITIVE')) null, add column "tone_score" double precision null;`);

    this.addSql(`alter table "messages" add column "tone" text check ("tone" in ('NEGATIVE', 'NEUTRAL', 'POSITIVE')) null, add column "tone_score" double precision null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "messages" drop column "tone", drop column "tone_score";`);

    this.addSql(`alter table "threads" drop column "tone", drop column "tone_score";`);
  }

}
