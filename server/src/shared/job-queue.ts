import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, runMigrations, type LogFunctionFactory } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from './logger.js';

/**
 * The durable job queue is graphile-worker's: its jobs table lives in the same PostgreSQL, so a
 * job added with {@link enqueueJob} inside a transaction exists exactly when that transaction
 * commits (a transactional outbox with no hand-written queue). Workers on every instance claim
 * jobs with `FOR UPDATE SKIP LOCKED`, retry failures with exponential backoff and wake on
 * LISTEN/NOTIFY.
 */
export const JOB_QUEUE_SCHEMA = 'graphile_worker';

/** Held while graphile-worker's schema is installed: its migrator takes no lock of its own. */
const JOB_QUEUE_MIGRATION_LOCK = 746_100_002;

export interface JobOptions {
  /** Keeps one waiting job per key: adding the same key again does not add a second one. */
  jobKey?: string;
  maxAttempts?: number;
  runAt?: Date;
}

/** Adds a job on the transaction's own connection: it commits or rolls back with the caller's writes. */
export async function enqueueJob(
  tx: EntityManager,
  task: string,
  payload: unknown,
  options: JobOptions = {},
): Promise<void> {
  await tx.execute(
    `select ${JOB_QUEUE_SCHEMA}.add_job(?, ?::json, run_at => ?::timestamptz, max_attempts => ?, job_key => ?, job_key_mode => 'preserve_run_at')`,
    [
      task,
      JSON.stringify(payload),
      options.runAt?.toISOString() ?? null,
      options.maxAttempts ?? null,
      options.jobKey ?? null,
    ],
  );
}

/** Installs or upgrades graphile-worker's schema; instances starting together take turns. */
export async function migrateJobQueue(connectionString: string, log?: Logger): Promise<void> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [JOB_QUEUE_MIGRATION_LOCK]);
    await runMigrations({ pgPool: pool, schema: JOB_QUEUE_SCHEMA, logger: workerLogger(log) });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [JOB_QUEUE_MIGRATION_LOCK]).catch(() => undefined);
    lock.release();
    await pool.end();
  }
}

/** graphile-worker's log lines through pino (it writes to the console by default). */
export function workerLogger(log?: Logger): WorkerLogger {
  const factory: LogFunctionFactory = (scope) => (level, message, meta) => {
    if (!log) return;
    const fields = { jobQueue: scope, ...meta };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    else if (level === 'info') log.info(fields, message);
    else log.debug(fields, message);
  };
  return new WorkerLogger(factory);
}
