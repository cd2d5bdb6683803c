import { Migration } from '@mikro-orm/migrations';

/**
 * Before this, the author of an anonymous thread who was also signed in was stored and shown under
 * their account when answering back, reopening or rating. Rewrite those rows as the thread's
 * anonymous name with no account. One-way: the link is what must not be kept.
 */
export class Migration20261129160000_anonymous_authors extends Migration {

  override async up(): Promise<void> {
    this.addSql(`update "messages" m set "author_id" = null, "author_name" = t."author_name" from "threads" t where m."thread_id" = t."id" and t."author_id" is null and m."unit_id" is null and m."internal" = false;`);
    this.addSql(`update "thread_events" e set "actor_id" = null, "actor_name" = t."author_name" from "threads" t where e."thread_id" = t."id" and t."author_id" is null and (e."type" = 'RATED' or (e."type" = 'STATUS_CHANGED' and e."to_status" = 'REOPENED') or (e."type" = 'MESSAGE' and exists (select 1 from "messages" m where m."id" = e."message_id" and m."unit_id" is null)));`);
  }

  override async down(): Promise<void> {
    // Nothing to undo: the removed links must not come back.
  }

}
