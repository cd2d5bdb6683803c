// `npm run bench:monitoring [-- --threads N]`: fills a scratch database with N synthetic threads
// (default 1,000,000) over the past year and times every dashboard panel's query. Uses a scratch
// database on DATABASE_URL's server when set, else an embedded PostgreSQL in a temporary folder.
import { User } from '../accounts/user.entity.js';
import { openScratchDatabase } from '../db/scratch.js';
import { initOrm, migrate } from '../db/orm.js';
import { seedDemoData } from '../db/seed/demo.js';
import { MonitoringService } from '../monitoring/monitoring.service.js';
import { Bucket } from '../monitoring/monitoring.type.js';
import { createLogger } from '../shared/logger.js';
import { generateThreads } from './bench-data/threads.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const total = argument('threads', 1_000_000);
const log = createLogger('warn');
const scratch = `bench_monitoring_${process.pid}`;

const { url, drop: cleanup } = await openScratchDatabase(scratch, process.env.DATABASE_URL, log);

const orm = await initOrm(url, log);
try {
  await migrate(orm);
  await seedDemoData(orm.em.fork(), 'bench-password');
  const connection = orm.em.getConnection();
  const started = Date.now();
  await generateThreads(connection, total);
  await connection.execute('vacuum analyze threads, thread_events');
  console.log(`inserted ${total.toLocaleString('en')} threads in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const em = orm.em.fork();
  const monitor = await em.findOneOrFail(User, { email: 'mttq@nghedan.demo' });
  const anyPlace = (await connection.execute<Array<{ id: string }>>(`select id from units where code = 'LH.NB'`))[0]!
    .id;
  const anyCategory = (
    await connection.execute<Array<{ id: string }>>(`select id from categories where code = 'LAND'`)
  )[0]!.id;
  const now = new Date();
  const scopes = {
    '30 days': { from: new Date(now.getTime() - 30 * 86_400_000), to: now },
    '365 days': { from: new Date(now.getTime() - 365 * 86_400_000), to: now },
    '365 days, one field': { from: new Date(now.getTime() - 365 * 86_400_000), to: now, categoryId: anyCategory },
    '365 days, one commune': { from: new Date(now.getTime() - 365 * 86_400_000), to: now, placeId: anyPlace },
  };
  const panels: Record<string, (service: MonitoringService) => Promise<unknown>> = {
    'volumes (day)': (s) => s.volumes(Bucket.DAY),
    'by field': (s) => s.byField(),
    'by commune': (s) => s.byPlace(),
    'by kind': (s) => s.byKind(),
    'tone trend (week)': (s) => s.sentiment(Bucket.WEEK),
    'most negative open': (s) => s.mostNegativeOpen(10),
    overdue: (s) => s.overdue(10),
    'rising words': (s) => s.risingWords(10),
    responsiveness: (s) => s.responsiveness(5),
  };
  console.log(`\nmedian of 3 runs, ms — ${total.toLocaleString('en')} threads`);
  console.log(
    `${'panel'.padEnd(22)}${Object.keys(scopes)
      .map((scope) => scope.padStart(24))
      .join('')}`,
  );
  for (const [name, run] of Object.entries(panels)) {
    const cells: string[] = [];
    for (const filter of Object.values(scopes)) {
      const times: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const service = new MonitoringService(orm.em.fork(), monitor, filter);
        const begin = process.hrtime.bigint();
        await run(service);
        times.push(Number(process.hrtime.bigint() - begin) / 1e6);
      }
      cells.push(
        times
          .sort((a, b) => a - b)[1]!
          .toFixed(0)
          .padStart(24),
      );
    }
    console.log(`${name.padEnd(22)}${cells.join('')}`);
  }
} finally {
  await orm.close();
  await cleanup();
}
