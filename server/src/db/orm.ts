import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from '../domains.js';
import type { Logger } from '../shared/logger.js';
import { migrationsList } from './migrations/index.js';
import { JOB_QUEUE_SCHEMA, migrateJobQueue } from '../shared/job-queue.js';

export type Orm = MikroORM;

export function ormOptions(clientUrl: string, log?: Logger): Options {
  return {
    clientUrl,
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

export async function pendingMigrations(orm: Orm): Promise<number> {
  return (await orm.getMigrator().getPendingMigrations()).length;
}
