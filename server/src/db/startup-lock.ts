import pg from 'pg';
import type { Logger } from '../shared/logger.js';
import type { Orm } from './orm.js';

/**
 * The advisory-lock key every instance takes while it migrates and seeds. MikroORM's migrator
 * takes no lock of its own, so two instances starting together on one database would both apply
 * the same migration and both load the demo data; under this lock the second waits, then finds
 * nothing left to do. (An arbitrary 64-bit constant: "nghe-dan" in ASCII.)
 */
export const STARTUP_LOCK_KEY = 0x6e6768652d64616en;

/**
 * Runs `work` while holding the start-up lock. The lock is a session-level PostgreSQL advisory
 * lock on a connection of its own (the ORM's pool hands out a different connection per query, so
 * it cannot hold a session lock): if this process dies, PostgreSQL drops the connection and the
 * lock with it, and the next instance goes on.
 */
export async function withStartupLock<T>(orm: Orm, log: Logger, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: orm.config.get('clientUrl'),
    application_name: 'nghe-dan start-up lock',
  });
  await client.connect();
  // An error on the idle lock connection (PostgreSQL restarting) must not crash the process;
  // the work's own queries report it.
  client.on('error', (error) => log.warn({ err: error }, 'start-up lock connection lost'));
  try {
    const key = STARTUP_LOCK_KEY.toString();
    const tried = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [key]);
    if (!tried.rows[0]?.locked) {
      log.info('another instance is migrating or seeding this database; waiting for it');
      await client.query('select pg_advisory_lock($1::bigint)', [key]);
    }
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
