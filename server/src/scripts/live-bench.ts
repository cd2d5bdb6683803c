// `npm run bench:live [-- --subscribers 1000,5000,10000 --clients 4 --events 20]`: the product's
// live delivery against two raw `ws` floors, measured in the same run on the same clients: the
// matched floor sends per event exactly the messages (count, sizes, recipients) the product
// delivered; the broadcast floor sends one board-sized message to every socket.
// The product runs in a child process on a scratch database (on DATABASE_URL's server when set,
// else an embedded PostgreSQL); client processes open one socket per subscriber with a mix of
// audiences; each event's deliveries are timed from the mutation's send. Exit code 1 when a
// delivery was lost, duplicated or leaked. Flags and their defaults: see `FLAGS` below.
import os from 'node:os';
import pg from 'pg';
import { openScratchDatabase, type ScratchDatabase } from '../db/scratch.js';
import { createLogger } from '../shared/logger.js';
import { forkChild } from './live-bench/children.js';
import type { ChildLink } from './live-bench/ipc.js';
import { messagesOf } from './live-bench/plan.js';
import { floorPhase, productPhase, type Options } from './live-bench/phases.js';
import { failed, table, type Floors } from './live-bench/report.js';

const FLAGS = {
  subscribers: '1000',
  clients: '4',
  events: '20',
  concurrency: '200', // WebSocket handshakes in flight, all clients together
  'gap-ms': '1000', // at least this long from one event's send to the next
  'quiet-ms': '500', // an event is delivered when nothing more arrived for this long
  'event-timeout': '300', // seconds one event may take to deliver before the bench goes on
  'server-env': '', // extra product configuration, KEY=VALUE,KEY=VALUE (e.g. a raised socket limit)
  'one-address': 'false', // all sockets from 127.0.0.1 instead of 127.0.0.2–251
  'skip-floor': 'false',
  floor: 'both', // matched | broadcast | both
  profile: '', // write the product's CPU profile of the event phase to this .cpuprofile file
};
type Flag = keyof typeof FLAGS;

function flags(argv: string[]): Record<Flag, string> {
  const values = { ...FLAGS };
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index]!.replace(/^--/, '') as Flag;
    if (!(name in FLAGS)) throw new Error(`unknown flag ${argv[index]}; flags: ${Object.keys(FLAGS).join(', ')}`);
    const next = argv[index + 1];
    if (FLAGS[name] === 'false' && (next === undefined || next.startsWith('--'))) values[name] = 'true';
    else values[name] = argv[++index] ?? '';
  }
  return values;
}

const args = flags(process.argv.slice(2));
const counts = args.subscribers.split(',').map(Number);
const clientCount = Number(args.clients);
if (counts.some((n) => !Number.isInteger(n) || n < 20) || !(clientCount >= 1)) {
  throw new Error('--subscribers takes whole numbers of at least 20, comma-separated; --clients at least 1');
}
if (!['matched', 'broadcast', 'both'].includes(args.floor)) throw new Error('--floor takes matched, broadcast or both');
const runs = (floor: keyof Floors) => args['skip-floor'] !== 'true' && [floor, 'both'].includes(args.floor);
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const options: Options = {
  events: Number(args.events),
  concurrency: Number(args.concurrency),
  spreadAddresses: args['one-address'] !== 'true',
  gapMs: Number(args['gap-ms']),
  quietMs: Number(args['quiet-ms']),
  eventTimeoutMs: Number(args['event-timeout']) * 1000,
  profile: args.profile || undefined,
  serverEnv: Object.fromEntries(
    args['server-env']
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  ),
  log,
};

const children = new Set<ChildLink>();
const track = (link: ChildLink) => (children.add(link), link);
const databases: ScratchDatabase[] = [];
let cleaned: Promise<void> | undefined;
const cleanup = () =>
  (cleaned ??= (async () => {
    await Promise.allSettled([...children].map((child) => child.stop(10_000)));
    for (const database of databases.reverse()) {
      await database.drop().catch((error: unknown) => console.error(`dropping a scratch database: ${String(error)}`));
    }
  })());
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
  console.error('\ninterrupted: stopping the children and dropping the scratch databases');
  void cleanup().finally(() => process.exit(130));
});

async function postgresKind(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return `PostgreSQL ${rows[0]?.server_version} ${process.env.DATABASE_URL ? `on ${new URL(url).host}` : 'embedded'}`;
  } finally {
    await client.end();
  }
}

let exitCode = 0;
try {
  const pgLog = createLogger('warn');
  // Embedded: one PostgreSQL for the run, a fresh database on it for each N.
  const embedded = process.env.DATABASE_URL ? undefined : await openScratchDatabase('bench_live', undefined, pgLog);
  if (embedded) databases.push(embedded);
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const clients = await Promise.all(
    Array.from({ length: clientCount }, (_, index) => track(forkChild(`client ${index + 1}`, './client.ts'))),
  );
  await Promise.all(clients.map((client) => client.ready(60_000)));
  const cpus = os.cpus();
  const machine = `machine: ${cpus.length} cpus (${cpus[0]?.model.trim()}), load ${os.loadavg()[0]!.toFixed(1)}, node ${process.version}, ${await postgresKind(serverUrl)}, ${clientCount} client processes`;
  log(machine);
  const tables: string[] = [];
  for (const n of counts) {
    const database = await openScratchDatabase(`bench_live_${process.pid}_${n}`, serverUrl, pgLog);
    databases.push(database);
    const product = await productPhase(n, database.url, clients, track, options);
    const floors: Floors = {};
    if (runs('matched')) {
      const messages = product.plan.map(messagesOf).reduce((sum, count) => sum + count, 0);
      log(`matched floor: ${messages} messages over ${options.events} events, as the product delivered them`);
      floors.matched = await floorPhase(n, { kind: 'matched', plan: product.plan }, clients, track, options);
    }
    if (runs('broadcast')) {
      const work = { kind: 'broadcast', bytes: Math.round(product.boardBytes) } as const;
      floors.broadcast = await floorPhase(n, work, clients, track, options);
    }
    const mix = product.actions.reduce<Record<string, number>>(
      (sum, action) => ({ ...sum, [action.kind]: (sum[action.kind] ?? 0) + 1 }),
      {},
    );
    const title = `N = ${n} subscribers (70% board, 15% thread followers, 10% officers' inboxes, 5% monitors), ${options.events} events (${Object.entries(
      mix,
    )
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ')}), board message ${Math.round(product.boardBytes)} bytes`;
    const printed = table(title, product.phase, floors);
    console.log(`\n${printed}\n`);
    tables.push(printed);
    for (const [name, phase] of [
      ['product', product.phase],
      ['matched floor', floors.matched],
      ['broadcast floor', floors.broadcast],
    ] as const) {
      if (!phase || !failed(phase.outcome)) continue;
      exitCode = 1;
      for (const leak of phase.outcome.leaks) console.log(`LEAK (${name}): ${leak}`);
      for (const loss of phase.outcome.losses) console.log(`lost (${name}): ${loss}`);
    }
    await database.drop();
    databases.splice(databases.indexOf(database), 1);
  }
  console.log(`\n${machine}\n\n${tables.join('\n\n')}`);
} catch (error) {
  // After Ctrl-C the children are going away: that is not worth a second message.
  if (!interrupted) console.error(`bench:live failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(interrupted ? 130 : exitCode);
