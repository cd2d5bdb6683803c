// `npm run bench:api [-- --threads 10000,100000,1000000 --concurrency 1,50 --seconds 10]`: the
// product's hot reads and posting against a bare floor in the same run. For each size it makes (or
// reuses, see api-bench/data.ts) a database of that many generated threads, starts the product on
// it in a child process, records the SQL statements the product sends for one request of each
// workload (api-bench/workloads.ts: the web app's own documents), starts the floor (a bare `http` +
// `pg` server sending those same statements, api-bench/floor-server.ts), and loads both in turn with
// autocannon. It prints req/s, p50/p99, CPU per request of the server and of PostgreSQL for both, the
// ratio product/floor, and the growth of p50 at one client from the smallest size to the largest.
// Databases are kept on DATABASE_URL's server for the next run (`--fresh` generates them again);
// without DATABASE_URL, an embedded PostgreSQL for this run only.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { officerEmail } from '../db/seed/lam-ha.js';
import { openScratchDatabase, type ScratchDatabase } from '../db/scratch.js';
import { createLogger } from '../shared/logger.js';
import { benchDatabase, BENCH_PASSWORD, databaseName } from './api-bench/data.js';
import { measure, type Figures } from './api-bench/measure.js';
import type { Fresh } from './api-bench/floor-server.js';
import type { Statement } from './api-bench/product-server.js';
import { requestBody, WORKLOADS, type Targets, type WorkloadName } from './api-bench/workloads.js';
import { forkChild } from './live-bench/children.js';
import type { ChildLink, Probe } from './live-bench/ipc.js';
import { setTimeout as sleep } from 'node:timers/promises';

const FLAGS = {
  threads: '10000,100000',
  concurrency: '1,50',
  seconds: '10',
  warmup: '2',
  timeout: '30', // seconds a request may take before autocannon counts it failed
  workloads: WORKLOADS.join(','),
  fresh: 'false',
  'officer-unit': 'LH.NB', // the officer whose inbox is read, by unit code
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
const sizes = args.threads.split(',').map(Number);
const concurrencies = args.concurrency.split(',').map(Number);
const workloads = args.workloads.split(',') as WorkloadName[];
if (sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error('--threads takes whole numbers ≥ 1000');
if (workloads.some((name) => !WORKLOADS.includes(name))) throw new Error(`--workloads: ${WORKLOADS.join(', ')}`);
const seconds = Number(args.seconds);
const warmup = Number(args.warmup);
const timeout = Number(args.timeout);
const say = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const pgLog = createLogger('warn');

// Rate limits raised so posting measures posting, not the limiter's refusals.
const SERVER_ENV = {
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
  RATE_LIMIT_ANONYMOUS_POSTS: '100000000/1h',
  RATE_LIMIT_ADDRESS_POSTS: '100000000/1h',
  // Background work kept out of the recording and the measurement.
  OVERDUE_SCAN_SECONDS: '3600',
  LIVE_POLL_SECONDS: '3600',
  LIVE_ACCOUNT_CHECK_SECONDS: '3600',
  // Notifications are sent by workers after the post's transaction, not by the request: the bench
  // measures requests, so this instance runs none (the jobs wait in the outbox).
  NOTIFICATION_CONCURRENCY: '0',
};

/** Waits until the product has sent no statement for half a second: the last phase's requests are over. */
async function quiet(product: ChildLink): Promise<void> {
  let last = -1;
  for (;;) {
    const { sqlStatements } = await product.call<Probe>('probe', {});
    if (sqlStatements === last) return;
    last = sqlStatements ?? 0;
    await sleep(500);
  }
}

const children = new Set<ChildLink>();
let embedded: ScratchDatabase | undefined;
const cleanup = async () => {
  await Promise.allSettled([...children].map((child) => child.stop(10_000)));
  await embedded?.drop();
};
process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));

async function graphql(port: number, body: string, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (!json.data || json.errors) throw new Error(`GraphQL request failed: ${JSON.stringify(json.errors)}`);
  return json.data;
}

/** What one post wrote that a replay must write anew: the thread's id, its key, hashes. */
function freshValues(statements: Statement[], response: Record<string, unknown>, body: string): Fresh {
  const threadId = (response.postFeedback as { thread: { id: string } }).thread.id;
  const key = (JSON.parse(body) as { variables: { input: { idempotencyKey: string } } }).variables.input.idempotencyKey;
  const hex64 = new Set<string>();
  for (const { sql } of statements) {
    if (!/\binsert into\b/i.test(sql)) continue; // posting writes in one `with … insert` statement
    for (const match of sql.matchAll(/'([0-9a-f]{64})'/g)) hex64.add(match[1]!);
  }
  return { uuids: [threadId, key], hex64: [...hex64] };
}

interface Row {
  workload: WorkloadName;
  connections: number;
  product: Figures;
  floor: Figures;
  statements: number;
}

async function runSize(serverUrl: string, threads: number): Promise<Row[]> {
  const url = await benchDatabase(serverUrl, threads, { fresh: args.fresh === 'true', log: pgLog, say });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const rows: Row[] = [];
  try {
    const one = async <T>(sql: string) => (await admin.query<{ value: T }>(sql)).rows[0]!.value;
    const targets: Targets = {
      officerUnitId: await one(`select id as value from units where code = '${args['officer-unit']}'`),
      dialogueThreadId: await one(
        'select thread_id as value from messages group by thread_id order by count(*) desc, thread_id limit 1',
      ),
      categoryId: await one(`select id as value from categories order by code limit 1`),
      placeId: await one(`select id as value from units where code = 'LH.NB'`),
    };
    const product = forkChild('product server', '../api-bench/product-server.ts', {
      API_BENCH_SERVER_ENV: JSON.stringify({
        ...SERVER_ENV,
        DATABASE_URL: url,
        JWT_SECRET: randomBytes(48).toString('base64url'),
      }),
    });
    children.add(product);
    // Pending migrations run here: the first start on an old database may take a while.
    const port = (await product.ready(1_800_000)).port!;
    const token = (
      (await graphql(
        port,
        JSON.stringify({
          query: 'mutation ($input: LoginInput!) { login(input: $input) { token } }',
          variables: { input: { email: officerEmail(args['officer-unit']), password: BENCH_PASSWORD } },
        }),
      )) as { login: { token: string } }
    ).login.token;
    const floor = forkChild('floor server', '../api-bench/floor-server.ts', { API_BENCH_DATABASE_URL: url });
    children.add(floor);
    const floorPort = (await floor.ready(60_000)).port!;
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
    const db = { admin, name: databaseName(threads), local };

    const headersOf = (workload: WorkloadName): Record<string, string> =>
      workload === 'inbox' ? { authorization: `Bearer ${token}` } : {};
    // One request of each recorded first, the product idle: the statements the floor will send.
    const recorded = new Map<WorkloadName, { body: string; statements: number }>();
    for (const workload of workloads) {
      const body = requestBody(workload, targets);
      await quiet(product);
      await product.call('record');
      const response = await graphql(port, body, headersOf(workload).authorization?.slice(7));
      const statements = await product.call<Statement[]>('recorded');
      const fresh = workload === 'post' ? freshValues(statements, response, body) : { uuids: [], hex64: [] };
      await floor.call('script', { name: workload, statements, fresh });
      recorded.set(workload, { body, statements: statements.length });
      say(`${threads.toLocaleString('en')} threads, ${workload}: ${statements.length} statements a request`);
    }
    for (const workload of workloads) {
      const { body, statements } = recorded.get(workload)!;
      for (const connections of concurrencies) {
        await quiet(product);
        const productFigures = await measure(
          {
            url: `http://127.0.0.1:${port}/graphql`,
            headers: headersOf(workload),
            body: () => requestBody(workload, targets),
            server: product,
          },
          connections,
          { seconds, warmup, timeout },
          db,
        );
        await quiet(product);
        const floorFigures = await measure(
          { url: `http://127.0.0.1:${floorPort}/floor/${workload}`, headers: {}, body: () => body, server: floor },
          connections,
          { seconds, warmup, timeout },
          db,
        );
        const row = { workload, connections, product: productFigures, floor: floorFigures, statements };
        say(line(row));
        rows.push(row);
      }
    }
    await quiet(product);
    await Promise.all([product.stop(), floor.stop()]);
    children.delete(product);
    children.delete(floor);
  } finally {
    await admin.end();
  }
  return rows;
}

const ms = (value: number | null, digits = 1) => (value === null ? '–' : value.toFixed(digits));

function line({ workload, connections, product, floor }: Row): string {
  return `${workload} ×${connections}: product ${product.perSecond.toFixed(0)} req/s p50 ${product.p50} ms p99 ${product.p99} ms; floor ${floor.perSecond.toFixed(0)} req/s p50 ${floor.p50} ms; ratio ${(product.perSecond / floor.perSecond).toFixed(2)}${product.failures + floor.failures ? `; FAILURES product ${product.failures} floor ${floor.failures}` : ''}`;
}

function table(threads: number, rows: Row[]): string {
  const header =
    '| work | clients | SQL/req | product req/s | p50 / p99 ms | app CPU ms/req | PG CPU ms/req | floor req/s | p50 / p99 ms | app CPU ms/req | PG CPU ms/req | ratio |';
  const lines = rows.map(
    ({ workload, connections, product: p, floor: f, statements }) =>
      `| ${workload} | ${connections} | ${statements} | ${p.perSecond.toFixed(0)} | ${p.p50} / ${p.p99} | ${ms(p.appCpuMs, 2)} | ${ms(p.pgCpuMs, 2)} | ${f.perSecond.toFixed(0)} | ${f.p50} / ${f.p99} | ${ms(f.appCpuMs, 2)} | ${ms(f.pgCpuMs, 2)} | ${(p.perSecond / f.perSecond).toFixed(2)} |`,
  );
  const failures = rows.filter((row) => row.product.failures + row.floor.failures > 0);
  return [
    `${threads.toLocaleString('en')} threads`,
    '',
    header,
    `|${' --- |'.repeat(12)}`,
    ...lines,
    ...failures.map(
      (row) =>
        `FAILED requests (${row.workload} ×${row.connections}): product ${row.product.failures}, floor ${row.floor.failures}`,
    ),
  ].join('\n');
}

function growth(results: Map<number, Row[]>): string {
  const [smallest, largest] = [Math.min(...results.keys()), Math.max(...results.keys())];
  if (smallest === largest) return '';
  const p50 = (threads: number, workload: WorkloadName, side: 'product' | 'floor') =>
    results.get(threads)!.find((row) => row.workload === workload && row.connections === 1)?.[side].p50;
  const lines = workloads.flatMap((workload) =>
    (['product', 'floor'] as const).flatMap((side) => {
      const from = p50(smallest, workload, side);
      const to = p50(largest, workload, side);
      return from && to ? [`| ${workload} | ${side} | ${from} | ${to} | ${(to / from).toFixed(2)}× |`] : [];
    }),
  );
  if (lines.length === 0) return '';
  return [
    `p50 at one client, ${smallest.toLocaleString('en')} → ${largest.toLocaleString('en')} threads`,
    '',
    `| work | server | p50 ms at ${smallest.toLocaleString('en')} | p50 ms at ${largest.toLocaleString('en')} | growth |`,
    '| --- | --- | --- | --- | --- |',
    ...lines,
  ].join('\n');
}

let exitCode = 0;
try {
  embedded = process.env.DATABASE_URL ? undefined : await openScratchDatabase('bench_api', undefined, pgLog);
  const serverUrl = process.env.DATABASE_URL ?? embedded!.url;
  const cpus = os.cpus();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  await admin.end();
  const machine = `machine: ${cpus.length} cpus (${cpus[0]?.model.trim()}), load ${os.loadavg()[0]!.toFixed(1)}, node ${process.version}, PostgreSQL ${version}; ${seconds} s a phase after ${warmup} s warm-up, product and floor in turn`;
  say(machine);
  const results = new Map<number, Row[]>();
  for (const threads of sizes) results.set(threads, await runSize(serverUrl, threads));
  console.log(`\n${machine}\n`);
  for (const [threads, rows] of results) console.log(`${table(threads, rows)}\n`);
  console.log(growth(results));
  if ([...results.values()].flat().some((row) => row.product.failures + row.floor.failures > 0)) exitCode = 1;
} catch (error) {
  console.error(`bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
