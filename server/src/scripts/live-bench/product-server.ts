// The product, alone in a child process of the bench: `startApp` on the database the bench made,
// answering probes (CPU, RSS after gc, SQL statements executed) over IPC.
import { startApp, type App } from '../../app.js';
import { loadConfig } from '../../config.js';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { announce, probe, serveParent } from './ipc.js';

let app: App | undefined;
let statements = 0;
let stopping = false;

const stop = async () => {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(1), 20_000);
  try {
    await app?.stop();
  } finally {
    clearTimeout(timer);
    process.exit(0);
  }
};

// The event phase's CPU profile (--profile): the inspector of this very process, in process.
const profiler = new Session();
serveParent(
  {
    probe: (options: { gc?: boolean }) => probe(() => statements, options),
    profileStart: async () => {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    },
    profileStop: async ({ file }: { file: string }) => {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      profiler.disconnect();
    },
  },
  () => void stop(),
);

try {
  // The bench passes the whole environment of the product (see live-bench.ts): nothing leaks in
  // from the shell that runs the bench, such as a REDIS_URL.
  const env = JSON.parse(process.env.LIVE_BENCH_SERVER_ENV ?? '{}') as Record<string, string>;
  app = await startApp(loadConfig(env));
  // Every statement the app sends after boot, transactions' BEGIN/COMMIT included: knex emits
  // 'query' for each one, and a transaction's queries are re-emitted on the root knex instance.
  app.orm.em
    .getConnection()
    .getKnex()
    .on('query', () => (statements += 1));
  announce({ type: 'ready', port: app.port });
} catch (error) {
  announce({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
