import type { Config } from '../config.js';
import type { Logger } from '../shared/logger.js';
import { startEmbeddedPostgres } from './embedded.js';
import { initOrm, type Orm } from './orm.js';

export const EMBEDDED_DATABASE = 'nghedan';

export interface OpenDatabase {
  orm: Orm;
  /** Closes the ORM, then stops the embedded PostgreSQL if one was started. */
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR when it is unset. */
export async function openDatabase(config: Config, log: Logger): Promise<OpenDatabase> {
  const embedded =
    config.database.kind === 'embedded'
      ? await startEmbeddedPostgres(config.database.dataDir, EMBEDDED_DATABASE, log)
      : undefined;
  if (embedded) log.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');
  try {
    const orm = await initOrm(embedded?.url ?? (config.database as { url: string }).url, log);
    return {
      orm,
      close: async () => {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
