// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/orm.js';
import { withStartupLock } from '../db/startup-lock.js';
import { createLogger } from '../shared/logger.js';

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const { orm, close } = await openDatabase(config, log);
  try {
    const applied = await withStartupLock(orm, log, () => migrate(orm));
    console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
