import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys belong to their poster: unique per (scope, key) instead of across everyone.
 * Rows from before get their author's scope, or a scope of their own when anonymous (their
 * request fingerprint cannot be rebuilt, so an old anonymous key can no longer be replayed).
 */
export class Migration20261129163032_idempotency_scope extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "threads" drop constraint "threads_idempotency_key_unique";`);

    this.addSql(`alter table "threads" add column "idempotency_scope" varchar(100) null, add column "request_fingerprint" varchar(64) null;`);
    this.addSql(`update "threads" set "idempotency_scope" = case when "author_id" is not null then 'account:' || "author_id" else 'legacy:' || "id" end where "idempotency_key" is not null;`);
    this.addSql(`alter table "threads" add constraint "threads_idempotency_scope_key_unique" unique ("idempotency_scope", "idempotency_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "threads" drop constraint "threads_idempotency_scope_key_unique";`);
    this.addSql(`alter table "threads" drop column "idempotency_scope", drop column "request_fingerprint";`);

    this.addSql(`alter table "threads" add constraint "threads_idempotency_key_unique" unique ("idempotency_key");`);
  }

}
