// The bench's databases: one per size, named by the size and the generator's version, generated
// once and kept on DATABASE_URL's server so the next run (or the next size) starts at once.
// Without DATABASE_URL they live in one embedded PostgreSQL for this run only.
import pg from 'pg';
import { initOrm, migrate } from '../../db/orm.js';
import { seedDemoData } from '../../db/seed/demo.js';
import type { Logger } from '../../shared/logger.js';
import { generateThreads } from '../bench-data/threads.js';

/** Bump when the generated data changes: older databases are then generated again. */
const VERSION = 1;
/** Threads given a dialogue of MESSAGES_PER_THREAD messages, for the thread page. */
export const DIALOGUE_THREADS = 200;
export const MESSAGES_PER_THREAD = 12;
export const BENCH_PASSWORD = 'bench-password';

export const databaseName = (threads: number) => `bench_api_${threads}_v${VERSION}`;

const urlOf = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** Dialogue for the newest public threads: a citizen and the unit take turns, each with its event. */
async function addDialogues(sql: { execute: (query: string) => Promise<unknown> }): Promise<void> {
  await sql.execute(`
    with picked as (
      select id, unit_id, created_at from threads where is_public order by created_at desc, id desc
      limit ${DIALOGUE_THREADS}
    ), written as (
      insert into messages (id, thread_id, author_name, unit_id, body, internal, created_at)
      select gen_random_uuid(), p.id, case when n % 2 = 0 then 'Người dân' else 'Cán bộ xã' end,
        case when n % 2 = 0 then null else p.unit_id end,
        'Tin nhắn số ' || n || ': xin cảm ơn, đơn vị đã tiếp nhận và đang xem xét, sẽ trả lời trong thời hạn quy định.',
        false, p.created_at + n * interval '1 minute'
      from picked p cross join generate_series(1, ${MESSAGES_PER_THREAD}) n
      returning id, thread_id, author_name, created_at
    )
    insert into thread_events (type, thread_id, actor_name, internal, message_id, created_at)
    select 'MESSAGE', thread_id, author_name, false, id, created_at from written order by created_at`);
}

async function exists(serverUrl: string, name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) return false;
    const target = new pg.Client({ connectionString: urlOf(serverUrl, name) });
    await target.connect();
    try {
      const { rows } = await target.query<{ ready: boolean }>(
        `select to_regclass('bench_api_ready') is not null as ready`,
      );
      if (rows[0]?.ready) return true;
    } finally {
      await target.end();
    }
    await admin.query(`drop database ${name} with (force)`);
    return false;
  } finally {
    await admin.end();
  }
}

/**
 * The database for `threads` threads on the server of `serverUrl`: reused when a complete one is
 * there (unless `fresh`), else generated with a progress line. Returns its URL.
 */
export async function benchDatabase(
  serverUrl: string,
  threads: number,
  options: { fresh: boolean; log: Logger; say: (line: string) => void },
): Promise<string> {
  const name = databaseName(threads);
  const url = urlOf(serverUrl, name);
  if (!options.fresh && (await exists(serverUrl, name))) {
    options.say(`reusing database ${name}`);
    return url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const orm = await initOrm(url, options.log);
  try {
    await migrate(orm);
    await seedDemoData(orm.em.fork(), BENCH_PASSWORD);
    const connection = orm.em.getConnection();
    const started = Date.now();
    await generateThreads(connection, threads, (done) => {
      const elapsed = (Date.now() - started) / 1000;
      const width = 30;
      const filled = Math.round((done / threads) * width);
      const eta = done < threads ? `, ${Math.round((elapsed / done) * (threads - done))} s left` : '';
      process.stdout.write(
        `\r  generating ${name} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done.toLocaleString('en')}/${threads.toLocaleString('en')} threads, ${elapsed.toFixed(0)} s${eta}   `,
      );
    });
    process.stdout.write('\n');
    await addDialogues(connection);
    options.say('vacuum analyze');
    await connection.execute('vacuum analyze');
    await connection.execute('create table bench_api_ready (generated_at timestamptz default now())');
    options.say(`generated ${name} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await orm.close();
  }
  return url;
}
