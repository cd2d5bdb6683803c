// The product, alone in a child process of bench:api: `startApp` on the bench's database, answering
// probes (CPU, statements) and recording the SQL it sends while asked to, so the floor can send the
// same statements.
import { startApp, type App } from '../../app.js';
import { loadConfig } from '../../config.js';
import { announce, probe, serveParent } from '../live-bench/ipc.js';

/** One statement as PostgreSQL receives it: `$n` placeholders and their values. */
export interface Statement {
  sql: string;
  bindings: unknown[];
}

let app: App | undefined;
let statements = 0;
let recording: Statement[] | undefined;
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

serveParent(
  {
    probe: (options: { gc?: boolean }) => probe(() => statements, options),
    record: () => void (recording = []),
    recorded: () => {
      const done = recording ?? [];
      recording = undefined;
      return done;
    },
  },
  () => void stop(),
);

try {
  const env = JSON.parse(process.env.API_BENCH_SERVER_ENV ?? '{}') as Record<string, string>;
  app = await startApp(loadConfig(env));
  const knex = app.orm.em.getConnection().getKnex();
  // knex emits 'query' for every statement (a transaction's too, re-emitted on the root instance);
  // positionBindings turns its `?` placeholders into the `$n` that pg sends.
  const client = knex.client as unknown as { positionBindings(sql: string): string };
  knex.on('query', (query: { sql: string; bindings?: unknown[] }) => {
    statements += 1;
    recording?.push({ sql: client.positionBindings(query.sql), bindings: query.bindings ?? [] });
  });
  announce({ type: 'ready', port: app.port });
} catch (error) {
  announce({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
