import { Migration } from '@mikro-orm/migrations';
import { publicSearchTextOf } from '../../dialogue/personal-data.js';

/**
 * Searches without rights look in a copy of title and body with personal data masked. Rows from
 * before are filled here by the same masking code the server uses (one rule, one place), so the
 * statements run now, in order, rather than queued with addSql.
 */
export class Migration20261129193000_public_search_text extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table "threads" add column "public_search_text" text not null default '';`);
    const rows = (await this.execute(`select "id", "title", "body" from "threads";`)) as Array<{
      id: string;
      title: string;
      body: string;
    }>;
    for (let at = 0; at < rows.length; at += 500) {
      const page = rows.slice(at, at + 500);
      await this.execute(
        `update "threads" t set "public_search_text" = v.text
           from unnest(?::uuid[], ?::text[]) as v(id, text) where t.id = v.id;`,
        [page.map((row) => row.id), page.map((row) => publicSearchTextOf(row.title, row.body))],
      );
    }
    await this.execute(
      `create index "threads_public_search_text_trgm" on "threads" using gin ("public_search_text" gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "threads_public_search_text_trgm";`);
    this.addSql(`alter table "threads" drop column "public_search_text";`);
  }
}
