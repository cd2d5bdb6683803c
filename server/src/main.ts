import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './shared/logger.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const log = createLogger(config.logLevel);
let app;
try {
  app = await startApp(config, log);
} catch (error) {
  log.fatal({ err: error }, 'the server did not start');
  process.exit(1);
}

log.info(`Nghe Dân is ready at ${app.url} (GraphQL at ${app.url}/graphql)`);
console.log(`\n  Nghe Dân: ${app.url}\n`);

let shuttingDown = false;
const shutdown = async (signal: string) => {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info({ signal }, 'shutting down');
  const forceExit = setTimeout(() => {
    log.error('shutdown took longer than 15 s; exiting');
    process.exit(1);
  }, 15_000);
  forceExit.unref();
  try {
    await app.stop();
    log.info('stopped cleanly');
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
