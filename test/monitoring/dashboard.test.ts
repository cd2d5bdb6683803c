import { beforeAll, describe, expect, it } from 'vitest';
import { directory, move, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let monitor: string;
const FROM = '2026-01-01T00:00:00+07:00';
const TO = '2026-02-01T00:00:00+07:00';

/** A thread placed at a moment of January 2026 (Vietnam time), written as given. */
async function threadOn(
  local: string,
  options: { category?: string; place?: string; title: string; body: string; kind?: string },
): Promise<string> {
  const citizen = await server.login('dan@nghedan.demo');
  const { id } = await post(server, dir, { token: citizen, ...options });
  await server.app.orm.em
    .getConnection()
    .execute(`update threads set created_at = timestamptz '${local}+07:00' where id = ?`, [id]);
  return id;
}

const NEGATIVE = {
  title: 'Đường sạt lở nguy hiểm',
  body: 'Đường sạt lở rất nguy hiểm mà chưa thấy ai xử lý, bà con bức xúc.',
};
const POSITIVE = { title: 'Cảm ơn cán bộ xã', body: 'Cảm ơn cán bộ xã đã hướng dẫn tận tình, tôi rất hài lòng.' };
const NEUTRAL = { title: 'Hỏi lịch tiếp dân', body: 'Cho tôi hỏi lịch tiếp công dân của xã vào ngày nào ạ?' };

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  monitor = await server.login('mttq@nghedan.demo');
  // Nam Ban roads (UBND Nam Ban): 3 threads on Jan 5 (2 negative), 1 on Jan 6 in a village.
  await threadOn('2026-01-05T09:00:00', { place: 'LH.NB', ...NEGATIVE });
  await threadOn('2026-01-05T10:00:00', { place: 'LH.NB', ...NEGATIVE });
  await threadOn('2026-01-05T11:00:00', { place: 'LH.NB', ...POSITIVE });
  await threadOn('2026-01-06T09:00:00', { place: 'LH.NB.T2', ...NEUTRAL });
  // Land in Phi Tô (Phòng TN&MT): 1 negative on Jan 20. Outside the period: Dec 31.
  await threadOn('2026-01-20T09:00:00', { category: 'LAND', place: 'LH.PT', ...NEGATIVE });
  await threadOn('2025-12-31T09:00:00', { category: 'LAND', place: 'LH.PT', ...NEGATIVE });
  // Rising words: "cầu treo" three times in the last week of January, never before.
  for (const date of ['2026-01-26', '2026-01-27', '2026-01-29']) {
    await threadOn(`${date}T09:00:00`, {
      place: 'LH.TH',
      title: 'Cầu treo gãy ván',
      body: 'Cầu treo qua suối gãy mấy tấm ván, đi lại khó khăn.',
    });
  }
});

const DASHBOARD = `query ($filter: MonitoringFilter, $bucket: Bucket) {
  monitoring(filter: $filter) {
    volumes(bucket: $bucket) { period threads negative negativeShare }
    byField { category { code } threads negative }
    byPlace { place { code } threads negative }
    byKind { kind threads }
    risingWords(limit: 5) { word thisWeek weeklyBefore likelihood }
  }
}`;

describe('dashboard aggregates, checked by hand against the test data', () => {
  it('counts threads per day with the negative share, in Vietnam time, inside the period only', async () => {
    const result = await server.gql<{
      monitoring: {
        volumes: Array<{ period: string; threads: number; negative: number; negativeShare: number | null }>;
      };
    }>(DASHBOARD, { token: monitor, variables: { filter: { from: FROM, to: TO }, bucket: 'DAY' } });
    expect(result.errors).toBeUndefined();
    const volumes = result.data!.monitoring.volumes;
    expect(volumes.slice(0, 3)).toEqual([
      { period: '2026-01-04T17:00:00.000Z', threads: 3, negative: 2, negativeShare: 2 / 3 },
      { period: '2026-01-05T17:00:00.000Z', threads: 1, negative: 0, negativeShare: 0 },
      { period: '2026-01-19T17:00:00.000Z', threads: 1, negative: 1, negativeShare: 1 },
    ]);
    expect(volumes.reduce((sum, point) => sum + point.threads, 0)).toBe(8);
  });

  it('groups by field, by commune (villages rolled up) and by kind, and applies the filters', async () => {
    const all = await server.gql<{
      monitoring: {
        byField: Array<{ category: { code: string }; threads: number; negative: number }>;
        byPlace: Array<{ place: { code: string }; threads: number }>;
        byKind: Array<{ kind: string; threads: number }>;
      };
    }>(DASHBOARD, { token: monitor, variables: { filter: { from: FROM, to: TO } } });
    const { byField, byPlace, byKind } = all.data!.monitoring;
    expect(byField).toEqual([
      // The suspension bridge posts read negative too ("gãy", "khó khăn").
      { category: { code: 'INFRASTRUCTURE' }, threads: 7, negative: 5 },
      { category: { code: 'LAND' }, threads: 1, negative: 1 },
    ]);
    expect(byPlace).toEqual(
      [
        { place: { code: 'LH.NB' }, threads: 4 },
        { place: { code: 'LH.TH' }, threads: 3 },
        { place: { code: 'LH.PT' }, threads: 1 },
      ]
        .map((row) => ({ ...row, ...{} }))
        .map(({ place, threads }) => expect.objectContaining({ place, threads })),
    );
    expect(byKind.find((row) => row.kind === 'REPORT')?.threads).toBe(8);

    const land = await server.gql<{ monitoring: { byPlace: Array<{ place: { code: string }; threads: number }> } }>(
      DASHBOARD,
      {
        token: monitor,
        variables: { filter: { from: FROM, to: TO, categoryId: dir.category('LAND') } },
      },
    );
    expect(land.data!.monitoring.byPlace.map((row) => [row.place.code, row.threads])).toEqual([['LH.PT', 1]]);
    const village = await server.gql<{ monitoring: { byPlace: Array<{ threads: number }> } }>(DASHBOARD, {
      token: monitor,
      variables: { filter: { from: FROM, to: TO, placeId: dir.unit('LH.NB') } },
    });
    expect(village.data!.monitoring.byPlace.map((row) => row.threads)).toEqual([4]);
  });

  it('finds the words rising this week, a two-syllable word among them, never the stop words or places', async () => {
    const result = await server.gql<{
      monitoring: {
        risingWords: Array<{ word: string; thisWeek: number; weeklyBefore: number; likelihood: number }>;
      };
    }>(DASHBOARD, { token: monitor, variables: { filter: { from: FROM, to: TO } } });
    const words = result.data!.monitoring.risingWords;
    expect(words.map((word) => word.word)).toContain('cầu treo');
    // 3 of this week's 3 threads against 0 of the 6 before: G² = 2·(3·ln 3 + 6·ln 1.5) = 11.46.
    expect(words.find((word) => word.word === 'cầu treo')).toEqual({
      word: 'cầu treo',
      thisWeek: 3,
      weeklyBefore: 0,
      likelihood: 11.46,
    });
    for (const fragment of ['cầu', 'treo', 'của', 'và', 'là', 'qua', 'mấy', 'tân hà'])
      expect(words.map((word) => word.word)).not.toContain(fragment);
  });
});

describe('responsiveness', () => {
  it('ranks only units with the minimum sample and shows the others unranked', async () => {
    const officer = await server.login('lh.nb@nghedan.demo');
    const threads = await server.gql<{ threads: { nodes: Array<{ id: string }> } }>(
      '{ threads(filter: { unitId: "' + dir.unit('LH.NB') + '" }, first: 100) { nodes { id } } }',
      { token: monitor },
    );
    for (const { id } of threads.data!.threads.nodes.slice(0, 2)) {
      await move(server, officer, id, 'ACKNOWLEDGED');
      await move(server, officer, id, 'ANSWERED');
    }
    const citizen = await server.login('dan@nghedan.demo');
    await move(server, citizen, threads.data!.threads.nodes[0]!.id, 'REOPENED', { reason: 'Chưa sửa xong' });
    const query = `query ($filter: MonitoringFilter, $min: Int) {
      monitoring(filter: $filter) { responsiveness(minimumSample: $min) { minimumSample units { unit { code } threads answeredOnTime reopenRate rank } } }
    }`;
    const result = await server.gql<{
      monitoring: {
        responsiveness: {
          units: Array<{
            unit: { code: string };
            threads: number;
            answeredOnTime: number;
            reopenRate: number;
            rank: number | null;
          }>;
        };
      };
    }>(query, { token: monitor, variables: { filter: { from: FROM, to: TO }, min: 3 } });
    const units = result.data!.monitoring.responsiveness.units;
    expect(units.map((row) => [row.unit.code, row.threads, row.rank])).toEqual([
      ['LH.NB', 4, 1],
      ['LH.TH', 3, 2],
      ['LH.TNMT', 1, null],
    ]);
    expect(units[0]).toMatchObject({ answeredOnTime: 0.5, reopenRate: 0.5 });
  });

  it("keeps officers to their own unit's figures", async () => {
    const officer = await server.login('lh.th@nghedan.demo');
    const own = await server.gql<{ monitoring: { byPlace: Array<{ place: { code: string } }> } }>(DASHBOARD, {
      token: officer,
      variables: { filter: { from: FROM, to: TO } },
    });
    expect(own.data!.monitoring.byPlace.map((row) => row.place.code)).toEqual(['LH.TH']);
    const other = await server.gql(DASHBOARD, {
      token: officer,
      variables: { filter: { from: FROM, to: TO, unitId: dir.unit('LH.NB') } },
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const citizen = await server.gql(DASHBOARD, { token: await server.login('dan@nghedan.demo') });
    expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('CSV', () => {
  it('downloads every table', async () => {
    const result = await server.gql<{ monitoring: { csv: string } }>(
      'query ($filter: MonitoringFilter) { monitoring(filter: $filter) { csv(panel: FIELDS) } }',
      { token: monitor, variables: { filter: { from: FROM, to: TO } } },
    );
    expect(result.data!.monitoring.csv).toBe(
      '\uFEFFLĩnh vực,Số phản ánh,Tiêu cực,Tỷ lệ tiêu cực (%)\r\n' +
        '"Giao thông, công trình công cộng",7,5,71.4\r\n' +
        '"Đất đai, đền bù, giải phóng mặt bằng",1,1,100\r\n',
    );
  });
});

describe('live dashboard', () => {
  it('tells a subscriber at most once per second, however many events arrive', async () => {
    const ticks: number[] = [];
    const client = server.socket({ authToken: monitor });
    const connected = new Promise((resolve) => client.on('connected', resolve));
    client.subscribe(
      { query: 'subscription { dashboardUpdates { at } }' },
      {
        next: (result) =>
          ticks.push(Date.parse((result.data as { dashboardUpdates: { at: string } }).dashboardUpdates.at)),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await connected;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const citizen = await server.login('kbinh@nghedan.demo');
    const started = Date.now();
    // About 12 events over 2.5 s.
    while (Date.now() - started < 2500) {
      await post(server, dir, { token: citizen, place: 'LH.DV' });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(4);
    for (let index = 1; index < ticks.length; index += 1)
      expect(ticks[index]! - ticks[index - 1]!).toBeGreaterThanOrEqual(990);
  });
});
