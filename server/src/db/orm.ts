import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from '../domains.js';
import type { Logger } from '../shared/logger.js';
import type { PoolUse } from '../shared/metrics.js';
import { newApplicationName } from './instances.js';
import { migrationsList } from './migrations/index.js';
import { JOB_QUEUE_SCHEMA, migrateJobQueue } from '../shared/job-queue.js';

export type Orm = MikroORM;

export function ormOptions(clientUrl: string, log?: Logger): Options {
  return {
    clientUrl,
    // Names this instance's connections (see instances.ts).
    driverOptions: { connection: { application_name: newApplicationName() } },
    entities,
    discovery: { requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'server/src/db/migrations',
      pathTs: 'server/src/db/migrations',
      emit: 'ts',
    },
    // graphile-worker owns its schema and migrates it itself (shared/job-queue.ts).
    schemaGenerator: { ignoreSchema: [JOB_QUEUE_SCHEMA] },
    pool: { min: 0, max: 10 },
    debug: false,
    logger: (message) => log?.debug({ orm: message }),
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
}

export async function initOrm(clientUrl: string, log?: Logger): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, log));
}

/** Applies pending migrations and returns the names applied. */
export async function migrate(orm: Orm, log?: Logger): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  await migrateJobQueue(orm.config.getClientUrl(), log);
  return applied.map((migration) => migration.name);
}

/** How the ORM's connection pool (knex's tarn pool) is used right now, for the metrics. */
export function poolUseOf(orm: Orm): PoolUse | undefined {
  const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
  if (!pool) return undefined;
  return { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires(), max: pool.max };
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

export async function pendingMigrations(orm: Orm): Promise<number> {
  return (await orm.getMigrator().getPendingMigrations()).length;
}
