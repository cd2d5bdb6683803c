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

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const total = argument('threads', 1_000_000);
const log = createLogger('warn');
const scratch = `bench_monitoring_${process.pid}`;

const { url, drop: cleanup } = await openScratchDatabase(scratch, process.env.DATABASE_URL, log);

const WORDS = [
  'đường',
  'sạt lở',
  'đền bù',
  'ổ gà',
  'nước thải',
  'điện',
  'cầu treo',
  'hộ nghèo',
  'sổ đỏ',
  'rác',
  'trộm',
  'bảo hiểm',
];
const orm = await initOrm(url, log);
try {
  await migrate(orm);
  await seedDemoData(orm.em.fork(), 'bench-password');
  const connection = orm.em.getConnection();
  const started = Date.now();
  await connection.execute(
    `insert into threads (id, kind, title, body, category_id, place_id, unit_id, author_name, is_public, status,
        acknowledge_due_at, answer_due_at, acknowledged_at, first_reply_at, answered_at, resolved_at, support_count,
        rating, search_text, keywords, tone, tone_score, created_at, updated_at)
     select gen_random_uuid(), (array['REPORT','PETITION','COMMENT','QUESTION','INITIATIVE'])[1 + (i % 5)],
        'Phản ánh ' || i, 'Nội dung phản ánh số ' || i, c.ids[1 + (i % array_length(c.ids, 1))],
        p.ids[1 + ((i / 7) % array_length(p.ids, 1))], u.ids[1 + ((i / 3) % array_length(u.ids, 1))], 'Người dân', i % 4 <> 0,
        (array['ROUTED','ACKNOWLEDGED','IN_PROGRESS','ANSWERED','RESOLVED','CLOSED'])[1 + (i % 6)],
        t.at + interval '1 day', t.at + interval '3 days',
        case when i % 6 > 0 then t.at + (i % 40) * interval '1 hour' end,
        case when i % 6 > 1 then t.at + (i % 70) * interval '1 hour' end,
        case when i % 6 > 2 then t.at + (i % 100) * interval '1 hour' end,
        case when i % 6 > 3 then t.at + (i % 200) * interval '1 hour' end,
        i % 9, case when i % 6 > 3 then 1 + i % 5 end, 'phan anh ' || i,
        array[w.words[1 + i % 12], w.words[1 + (i / 12) % 12]],
        (array['NEGATIVE','NEUTRAL','POSITIVE'])[1 + (i % 3)], ((i % 200) - 100) / 100.0, t.at, t.at
     from generate_series(1, ?) as i
     cross join lateral (select now() - (i % 525600) * interval '1 minute' as at) t
     cross join (select array_agg(id) ids from categories) c
     cross join (select array_agg(id) ids from units where kind = 'GOVERNMENT' and level <> 'DISTRICT') p
     cross join (select array_agg(id) ids from units) u
     cross join (select string_to_array(?, '|') as words) w`,
    [total, WORDS.join('|')],
  );
  await connection.execute('vacuum analyze threads');
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
