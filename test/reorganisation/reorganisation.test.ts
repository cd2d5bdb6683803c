import { beforeAll, describe, expect, it } from 'vitest';
import { collect, directory, move, post, settleSubscription, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

const REPORT_FIELDS = `dryRun reorganisation { id decisionReference movedThreads endedUnits }
  createdUnits { code name detail } endedUnits { code name detail } renamedUnits { code name detail }
  movedUnits { code name detail } movedThreads { threadId title fromUnit toUnit }
  rules { category place unit dropped } movedAccounts { email fromUnit toUnit flagged }`;
const PREVIEW = `mutation ($input: ReorganisationInput!) { previewReorganisation(input: $input) { ${REPORT_FIELDS} } }`;
const APPLY = `mutation ($input: ReorganisationInput!) { applyReorganisation(input: $input) { ${REPORT_FIELDS} } }`;
const LIVE_FIELDS =
  'cursor type threadId toStatus fromUnit { code } toUnit { code } reasonCode reasonParams { key value }';
const THREAD = `query ($id: ID!) { thread(id: $id) { id status answerDueAt acknowledgeDueAt unit { code } place { code }
  events { type fromUnit { code } toUnit { code } reasonCode reasonParams { key value } } } }`;
const UNITS = '{ units { id code name level parentId successorId validTo isCurrent formerNames } }';
const THREADS = `query ($filter: ThreadFilter) { threads(filter: $filter, first: 50) { nodes { id } } }`;

interface Report {
  dryRun: boolean;
  reorganisation: { id: string; decisionReference: string; movedThreads: number; endedUnits: number } | null;
  createdUnits: Array<{ code: string; name: string; detail: string | null }>;
  endedUnits: Array<{ code: string; name: string; detail: string | null }>;
  renamedUnits: Array<{ code: string; name: string; detail: string | null }>;
  movedUnits: Array<{ code: string; name: string; detail: string | null }>;
  movedThreads: Array<{ threadId: string; title: string; fromUnit: string; toUnit: string }>;
  rules: Array<{ category: string; place: string; unit: string; dropped: boolean }>;
  movedAccounts: Array<{ email: string; fromUnit: string; toUnit: string; flagged: boolean }>;
}
interface UnitRow {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  successorId: string | null;
  validTo: string | null;
  isCurrent: boolean;
  formerNames: string[];
}

let server: TestServer;
let dir: Directory;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  for (const name of ['admin', 'dan', 'kbinh', 'lh.nb', 'lh.ml', 'lh.dth', 'bdv']) {
    tokens[name] = await server.login(`${name}@nghedan.demo`);
  }
});

const units = async () => (await server.gql<{ units: UnitRow[] }>(UNITS)).data!.units;
const unitByCode = async (code: string) => (await units()).find((unit) => unit.code === code)!;
const readThread = async (id: string, token = tokens.admin) => {
  const result = await server.gql<{
    thread: {
      status: string;
      answerDueAt: string;
      acknowledgeDueAt: string;
      unit: { code: string };
      place: { code: string };
      events: Array<{
        type: string;
        fromUnit: { code: string } | null;
        toUnit: { code: string } | null;
        reasonCode: string | null;
        reasonParams: Array<{ key: string; value: string }>;
      }>;
    };
  }>(THREAD, { token, variables: { id } });
  expect(result.errors).toBeUndefined();
  return result.data!.thread;
};
const threadIds = async (filter: Record<string, unknown>) =>
  (
    await server.gql<{ threads: { nodes: Array<{ id: string }> } }>(THREADS, {
      token: tokens.admin,
      variables: { filter },
    })
  ).data!.threads.nodes.map((node) => node.id);

/** Mê Linh and Đông Thanh merged into Nam Ban (an illustrative merger on the demo tree). */
const mergerIntoNamBan = () => ({
  decisionReference: 'Nghị quyết số 0000/NQ-TEST',
  effectiveOn: '2025-07-01',
  merges: [{ unitIds: [dir.unit('LH.ML'), dir.unit('LH.DTH')], intoUnitId: dir.unit('LH.NB') }],
});

describe('a merger of communes', () => {
  let open1: string;
  let open2: string;
  let acknowledged: string;
  let closed: string;
  let before: Awaited<ReturnType<typeof readThread>>;

  beforeAll(async () => {
    open1 = (await post(server, dir, { token: tokens.dan, place: 'LH.ML', title: 'Đường thôn 3 Mê Linh sạt lở' })).id;
    open2 = (await post(server, dir, { token: tokens.kbinh, place: 'LH.DTH', isPublic: false })).id;
    acknowledged = (await post(server, dir, { token: tokens.dan, place: 'LH.ML' })).id;
    expect((await move(server, tokens['lh.ml'], acknowledged, 'ACKNOWLEDGED')).errors).toBeUndefined();
    closed = (await post(server, dir, { token: tokens.dan, place: 'LH.ML', title: 'Đèn đường đã sửa' })).id;
    expect(
      (await move(server, tokens['lh.ml'], closed, 'REJECTED', { reason: 'Không thuộc thẩm quyền' })).errors,
    ).toBeUndefined();
    before = await readThread(acknowledged);
  });

  it('shows in a dry run what would move, and changes nothing', async () => {
    const result = await server.gql<{ previewReorganisation: Report }>(PREVIEW, {
      token: tokens.admin,
      variables: { input: mergerIntoNamBan() },
    });
    expect(result.errors).toBeUndefined();
    const report = result.data!.previewReorganisation;
    expect(report.dryRun).toBe(true);
    expect(report.reorganisation).toBeNull();
    expect(report.endedUnits).toEqual([
      { code: 'LH.ML', name: 'UBND xã Mê Linh', detail: 'UBND thị trấn Nam Ban' },
      { code: 'LH.DTH', name: 'UBND xã Đông Thanh', detail: 'UBND thị trấn Nam Ban' },
    ]);
    expect(report.movedThreads.map((move) => move.threadId).sort()).toEqual([open1, open2, acknowledged].sort());
    expect(report.movedUnits.map((unit) => unit.code)).toEqual(expect.arrayContaining(['LH.ML.CA', 'LH.DTH.MTTQ']));
    // The report names a private thread to the administrator: a staff read, in the access log.
    const logged = await server.app.orm.em
      .getConnection()
      .execute<Array<{ thread_id: string }>>(
        `select thread_id from thread_access_log where operation = 'previewReorganisation'`,
      );
    expect(logged.map((row) => row.thread_id)).toEqual([open2]);
    expect(report.movedAccounts).toEqual(
      expect.arrayContaining([
        { email: 'lh.ml@nghedan.demo', fromUnit: 'UBND xã Mê Linh', toUnit: 'UBND thị trấn Nam Ban', flagged: true },
      ]),
    );
    // Nothing was written: the units, the thread and the rules are as they were.
    const mêLinh = await unitByCode('LH.ML');
    expect(mêLinh).toMatchObject({ isCurrent: true, successorId: null, validTo: null });
    expect((await readThread(open1)).unit.code).toBe('LH.ML');
    const reorganisations = await server.gql<{ reorganisations: unknown[] }>('{ reorganisations { id } }', {
      token: tokens.admin,
    });
    expect(reorganisations.data?.reorganisations).toEqual([]);
  });

  it('is for administrators only', async () => {
    const result = await server.gql(APPLY, { token: tokens.bdv, variables: { input: mergerIntoNamBan() } });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('moves every open thread with a live TRANSFERRED event for its author and its new inbox', async () => {
    const author = collect(
      server.socket({ authToken: tokens.dan }),
      `subscription ($id: ID!) { threadEvents(threadId: $id) { ${LIVE_FIELDS} } }`,
      {
        id: open1,
      },
    );
    const inbox = collect(
      server.socket({ authToken: tokens['lh.nb'] }),
      `subscription ($unitId: ID) { inboxEvents(unitId: $unitId) { ${LIVE_FIELDS} } }`,
      { unitId: dir.unit('LH.NB') },
    );
    await settleSubscription();
    const result = await server.gql<{ applyReorganisation: Report }>(APPLY, {
      token: tokens.admin,
      variables: { input: mergerIntoNamBan() },
    });
    expect(result.errors).toBeUndefined();
    const report = result.data!.applyReorganisation;
    expect(report.dryRun).toBe(false);
    expect(report.reorganisation).toMatchObject({
      decisionReference: 'Nghị quyết số 0000/NQ-TEST',
      movedThreads: 3,
      endedUnits: 2,
    });

    await author.until(1);
    expect(author.events[0]).toMatchObject({
      type: 'TRANSFERRED',
      threadId: open1,
      toStatus: 'ROUTED',
      fromUnit: { code: 'LH.ML' },
      toUnit: { code: 'LH.NB' },
      reasonCode: 'REORGANISED',
      reasonParams: [
        { key: 'decisionReference', value: 'Nghị quyết số 0000/NQ-TEST' },
        { key: 'effectiveOn', value: '2025-07-01' },
        { key: 'fromUnit', value: expect.stringContaining('Mê Linh') },
        { key: 'toUnit', value: expect.stringContaining('Nam Ban') },
      ],
    });
    await inbox.until(3);
    expect(inbox.events.map((event) => event.threadId).sort()).toEqual([open1, open2, acknowledged].sort());
    expect(inbox.events.every((event) => event.type === 'TRANSFERRED')).toBe(true);
  });

  it('keeps status and deadlines, and the thread shows where it was posted and where it went', async () => {
    const after = await readThread(acknowledged);
    expect(after).toMatchObject({
      status: 'ACKNOWLEDGED',
      answerDueAt: before.answerDueAt,
      acknowledgeDueAt: before.acknowledgeDueAt,
      unit: { code: 'LH.NB' },
      place: { code: 'LH.ML' },
    });
    expect(after.events.map((event) => [event.type, event.fromUnit?.code ?? null, event.toUnit?.code ?? null])).toEqual(
      [
        ['POSTED', null, null],
        ['ROUTED', null, 'LH.ML'],
        ['STATUS_CHANGED', null, null],
        ['TRANSFERRED', 'LH.ML', 'LH.NB'],
      ],
    );
  });

  it('leaves finished threads with their historical unit', async () => {
    const finished = await readThread(closed);
    expect(finished.unit.code).toBe('LH.ML');
    expect(finished.events.map((event) => event.type)).not.toContain('TRANSFERRED');
  });

  it('makes the old units read-only history with a successor, and moves what stood under them', async () => {
    const all = await units();
    const byCode = new Map(all.map((unit) => [unit.code, unit]));
    expect(byCode.get('LH.ML')).toMatchObject({
      isCurrent: false,
      successorId: dir.unit('LH.NB'),
      validTo: '2025-06-30T17:00:00.000Z',
    });
    expect(byCode.get('LH.ML.CA')?.parentId).toBe(dir.unit('LH.NB'));
    const transfer = await server.gql('mutation ($input: TransferInput!) { transferThread(input: $input) { id } }', {
      token: tokens['lh.nb'],
      variables: { input: { threadId: open1, unitId: dir.unit('LH.DTH'), reason: 'thử' } },
    });
    expect(transfer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const again = await server.gql(APPLY, { token: tokens.admin, variables: { input: mergerIntoNamBan() } });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rule = await server.gql('mutation ($input: RoutingRuleInput!) { createRoutingRule(input: $input) { id } }', {
      token: tokens.admin,
      variables: {
        input: { placeId: dir.unit('LH.ML'), categoryId: dir.category('LAND'), unitId: dir.unit('LH.TNMT') },
      },
    });
    expect(rule.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('remaps routing rules to the successor, keeping one rule per field and place', async () => {
    const rules = await server.gql<{
      routingRules: Array<{
        category: { code: string } | null;
        place: { code: string } | null;
        unit: { code: string };
      }>;
    }>('{ routingRules { category { code } place { code } unit { code } } }', { token: tokens.admin });
    const named = rules.data!.routingRules.map(
      (rule) => `${rule.category?.code ?? '*'}@${rule.place?.code ?? '*'}→${rule.unit.code}`,
    );
    expect(named.filter((rule) => /LH\.(ML|DTH)\b/.test(rule))).toEqual([]);
    expect(named.filter((rule) => rule.startsWith('SECURITY@LH.NB'))).toEqual(['SECURITY@LH.NB→LH.NB.CA']);
    expect(new Set(named).size).toBe(named.length);
  });

  it('moves the officers of merged units and flags them for review', async () => {
    const me = await server.gql<{ me: { unit: { code: string }; unitReviewSince: string | null } }>(
      '{ me { unit { code } unitReviewSince } }',
      { token: tokens['lh.ml'] },
    );
    expect(me.data?.me.unit.code).toBe('LH.NB');
    expect(me.data?.me.unitReviewSince).toEqual(expect.any(String));
    const review = await server.gql<{ accountsToReview: Array<{ email: string }> }>('{ accountsToReview { email } }', {
      token: tokens.admin,
    });
    expect(review.data?.accountsToReview.map((account) => account.email)).toEqual(
      expect.arrayContaining(['lh.ml@nghedan.demo', 'lh.dth@nghedan.demo']),
    );
  });

  it('routes a post made today to an old place to its successor', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.ML' });
    expect(thread.unit.code).toBe('LH.NB');
    expect((await readThread(thread.id)).place.code).toBe('LH.NB');
  });

  it("still finds an old place's threads by its name and by its id, and today's place finds them too", async () => {
    expect(await threadIds({ placeId: dir.unit('LH.ML') })).toEqual(
      expect.arrayContaining([open1, acknowledged, closed]),
    );
    expect(await threadIds({ placeId: dir.unit('LH.NB') })).toEqual(expect.arrayContaining([open1, open2, closed]));
    const byName = await threadIds({ search: 'Mê Linh' });
    expect(byName).toEqual(expect.arrayContaining([open1, acknowledged, closed]));
    expect(byName).not.toContain(open2);
  });
});

describe('refused reorganisations change nothing', () => {
  it.each([
    ['a future date', { effectiveOn: '2999-01-01' }, 'effectiveOn'],
    ['a day that does not exist', { effectiveOn: '2025-02-30' }, 'effectiveOn'],
    ['no target', { merges: [{ unitIds: ['LH.TV'] }] }, 'merges'],
    ['a target merged away', { merges: [{ unitIds: ['LH.TV', 'LH.TT'], intoUnitId: 'LH.TT' }] }, 'merges.intoUnitId'],
    ['a move under itself', { moves: [{ unitId: 'LH.DD', parentCode: 'LH.DD.CA' }] }, 'moves.parentCode'],
  ])('refuses %s', async (_what, change, field) => {
    const resolveIds = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(resolveIds)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value).map(([key, inner]) => [
                key,
                key === 'unitIds'
                  ? (inner as string[]).map((code) => dir.unit(code))
                  : key === 'unitId' || key === 'intoUnitId'
                    ? dir.unit(inner as string)
                    : resolveIds(inner),
              ]),
            )
          : value;
    const input = {
      decisionReference: 'QĐ thử',
      effectiveOn: '2025-07-01',
      merges: [{ unitIds: [dir.unit('LH.TV')], intoUnitId: dir.unit('LH.TT') }],
      ...(resolveIds(change) as object),
    };
    const result = await server.gql(APPLY, { token: tokens.admin, variables: { input } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await unitByCode('LH.TV')).toMatchObject({ isCurrent: true, successorId: null });
  });
});

describe('a merger into a new unit, with a renaming', () => {
  it('creates the unit under its parent, renames, and records former names', async () => {
    const input = {
      decisionReference: 'Nghị quyết thử 2',
      effectiveOn: '2025-07-01',
      merges: [
        {
          unitIds: [dir.unit('LH.TV'), dir.unit('LH.TT')],
          newUnit: {
            code: 'LH.TVTT',
            name: 'UBND xã Tân Văn Tân Thanh',
            level: 'COMMUNE',
            kind: 'GOVERNMENT',
            parentCode: 'LH',
          },
        },
      ],
      renames: [{ unitId: dir.unit('LH.DV'), name: 'UBND xã Đinh Văn Lâm Hà', level: 'COMMUNE' }],
    };
    const result = await server.gql<{ applyReorganisation: Report }>(APPLY, {
      token: tokens.admin,
      variables: { input },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.applyReorganisation.createdUnits).toEqual([
      { code: 'LH.TVTT', name: 'UBND xã Tân Văn Tân Thanh', detail: 'UBND huyện Lâm Hà' },
    ]);
    const all = await units();
    const created = all.find((unit) => unit.code === 'LH.TVTT')!;
    expect(all.find((unit) => unit.code === 'LH.TV.CA')?.parentId).toBe(created.id);
    expect(all.find((unit) => unit.code === 'LH.DV')).toMatchObject({
      name: 'UBND xã Đinh Văn Lâm Hà',
      formerNames: ['UBND thị trấn Đinh Văn'],
      isCurrent: true,
    });
    // The old name still finds the renamed place's threads.
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.DV' });
    expect(await threadIds({ search: 'thị trấn Đinh Văn' })).toContain(thread.id);
  });
});
