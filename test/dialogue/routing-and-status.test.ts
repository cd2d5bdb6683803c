import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { directory, move, post, POST, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let citizen: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  citizen = await server.login('dan@nghedan.demo');
});

describe('routing', () => {
  it.each([
    ['a village rule beats the commune rule', 'INFRASTRUCTURE', 'LH.NB.T1', 'LH.NB.T1'],
    ['a commune rule beats the district rule', 'INFRASTRUCTURE', 'LH.NB', 'LH.NB'],
    ['a village without its own rule uses its commune rule', 'INFRASTRUCTURE', 'LH.NB.T2', 'LH.NB'],
    ['commune security goes to the commune police', 'SECURITY', 'LH.PT', 'LH.PT.CA'],
    ['a field with only a district rule goes to the department', 'LAND', 'LH.PT.T1', 'LH.TNMT'],
    ['a field with no rule falls back to the reception point', 'OTHER', 'LH.TH', 'LH.TCD'],
  ])('%s', async (_label, category, place, unit) => {
    const thread = await post(server, dir, { token: citizen, category, place });
    expect(thread).toMatchObject({ status: 'ROUTED', unit: { code: unit } });
  });

  it('records the routing decision with its reason in the thread timeline', async () => {
    const thread = await post(server, dir, { token: citizen, category: 'LAND', place: 'LH.DV' });
    const result = await server.gql<{
      thread: {
        events: Array<{
          type: string;
          reason: string | null;
          reasonCode: string | null;
          reasonParams: Array<{ key: string; value: string }>;
          toUnit: { code: string } | null;
        }>;
      };
    }>(
      'query ($id: ID!) { thread(id: $id) { events { type reason reasonCode reasonParams { key value } toUnit { code } } } }',
      {
        token: citizen,
        variables: { id: thread.id },
      },
    );
    const events = result.data!.thread.events;
    expect(events.map((event) => event.type)).toEqual(['POSTED', 'ROUTED']);
    expect(events[1]).toMatchObject({
      toUnit: { code: 'LH.TNMT' },
      // A code with parameters, translated where it is shown: no prose in either language is stored.
      reason: null,
      reasonCode: 'ROUTED_BY_RULE',
      reasonParams: [
        { key: 'field', value: 'THIS' },
        { key: 'place', value: 'ANYWHERE' },
      ],
    });
  });

  it('falls back to the root of the place when no rule at all matches', async () => {
    const admin = await server.login('admin@nghedan.demo');
    const rules = await server.gql<{ routingRules: Array<{ id: string; category: unknown; place: unknown }> }>(
      '{ routingRules { id category { code } place { code } } }',
      { token: admin },
    );
    const catchAll = rules.data!.routingRules.find((rule) => rule.category === null && rule.place === null)!;
    await server.gql('mutation ($id: ID!) { deleteRoutingRule(id: $id) }', {
      token: admin,
      variables: { id: catchAll.id },
    });
    try {
      const thread = await post(server, dir, { token: citizen, category: 'OTHER', place: 'LH.TH' });
      expect(thread.unit.code).toBe('LH');
    } finally {
      const restored = await server.gql(
        'mutation ($input: RoutingRuleInput!) { createRoutingRule(input: $input) { id } }',
        {
          token: admin,
          variables: { input: { unitId: dir.unit('LH.TCD') } },
        },
      );
      expect(restored.errors).toBeUndefined();
    }
  });

  it('lets only administrators change the rules, one rule per field and place', async () => {
    const input = { categoryId: dir.category('LAND'), placeId: dir.unit('LH.GL'), unitId: dir.unit('LH.GL') };
    const officer = await server.login('lh.gl@nghedan.demo');
    const refused = await server.gql(
      'mutation ($input: RoutingRuleInput!) { createRoutingRule(input: $input) { id } }',
      {
        token: officer,
        variables: { input },
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await server.login('admin@nghedan.demo');
    const create = () =>
      server.gql('mutation ($input: RoutingRuleInput!) { createRoutingRule(input: $input) { id } }', {
        token: admin,
        variables: { input },
      });
    expect((await create()).errors).toBeUndefined();
    expect((await create()).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await post(server, dir, { token: citizen, category: 'LAND', place: 'LH.GL' })).unit.code).toBe('LH.GL');
  });
});

describe('posting', () => {
  it('is idempotent: a retry with the same key returns the same thread and creates no second one', async () => {
    const key = randomUUID();
    const title = `Retry ${key.slice(0, 8)}`;
    const first = await post(server, dir, { token: citizen, idempotencyKey: key, title });
    const retries = await Promise.all(
      [1, 2, 3].map(() => post(server, dir, { token: citizen, idempotencyKey: key, title })),
    );
    expect(retries.map((thread) => thread.id)).toEqual([first.id, first.id, first.id]);
    const anonymousKey = randomUUID();
    const anonymousTitle = `Retry ${anonymousKey.slice(0, 8)}`;
    const anonymous = await Promise.all(
      [1, 2].map(() => post(server, dir, { anonymous: true, idempotencyKey: anonymousKey, title: anonymousTitle })),
    );
    const monitor = await server.login('mttq@nghedan.demo');
    for (const search of [title, anonymousTitle]) {
      const stored = await server.gql<{ threads: { totalCount: number } }>(
        'query ($search: String) { threads(filter: { search: $search }) { totalCount } }',
        { token: monitor, variables: { search } },
      );
      expect(stored.data?.threads.totalCount, search).toBe(1);
    }
    expect(anonymous[0]!.id).toBe(anonymous[1]!.id);
    expect(anonymous[0]!.trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(anonymous[1]!.trackingCode).toBe(anonymous[0]!.trackingCode);
  });

  it("never answers from someone else's idempotency key: another account posts anew", async () => {
    const key = randomUUID();
    const first = await post(server, dir, { token: citizen, idempotencyKey: key });
    const other = await server.login('kbinh@nghedan.demo');
    const second = await post(server, dir, { token: other, idempotencyKey: key });
    expect(second.id).not.toBe(first.id);
  });

  it.each([
    [{ title: 'abc' }, 'title'],
    [{ body: 'ngắn' }, 'body'],
    [{ categoryId: 'not-an-id' }, 'categoryId'],
    [{ idempotencyKey: 'bad key!' }, 'idempotencyKey'],
    [{ idempotencyKey: 'not-a-uuid-but-long-enough' }, 'idempotencyKey'],
  ])('refuses bad input %j naming the field', async (override, field) => {
    const input = {
      kind: 'REPORT',
      title: 'Tiêu đề hợp lệ',
      body: 'Nội dung đủ dài để gửi đi.',
      categoryId: dir.category('LAND'),
      placeId: dir.unit('LH.NB'),
      isPublic: true,
      idempotencyKey: randomUUID(),
      ...override,
    };
    const result = await server.gql(POST, { token: citizen, variables: { input } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('asks for a commune or village rather than the whole district', async () => {
    await expect(post(server, dir, { token: citizen, place: 'LH' })).rejects.toThrow(/placeId/);
  });
});

describe('status moves', () => {
  it('walks the whole happy path and the reopen loop', async () => {
    const thread = await post(server, dir, { token: citizen, category: 'INFRASTRUCTURE', place: 'LH.NB' });
    const officer = await server.login('lh.nb@nghedan.demo');
    for (const status of ['ACKNOWLEDGED', 'IN_PROGRESS', 'ANSWERED']) {
      expect((await move(server, officer, thread.id, status)).data?.changeThreadStatus.status).toBe(status);
    }
    const noReason = await move(server, citizen, thread.id, 'REOPENED');
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(
      (await move(server, citizen, thread.id, 'REOPENED', { reason: 'Vẫn chưa sửa' })).data?.changeThreadStatus.status,
    ).toBe('REOPENED');
    for (const status of ['ANSWERED', 'RESOLVED', 'CLOSED']) {
      expect((await move(server, officer, thread.id, status)).data?.changeThreadStatus.status).toBe(status);
    }
  });

  it('refuses an illegal move with INVALID_TRANSITION and changes nothing', async () => {
    const thread = await post(server, dir, { token: citizen, category: 'INFRASTRUCTURE', place: 'LH.NB' });
    const officer = await server.login('lh.nb@nghedan.demo');
    const result = await move(server, officer, thread.id, 'RESOLVED');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'ROUTED',
      to: 'RESOLVED',
    });
    const after = await server.gql<{ thread: { status: string; events: unknown[] } }>(
      'query ($id: ID!) { thread(id: $id) { status events { type } } }',
      { token: officer, variables: { id: thread.id } },
    );
    expect(after.data?.thread).toEqual({ status: 'ROUTED', events: [{ type: 'POSTED' }, { type: 'ROUTED' }] });
  });

  it('lets only the responsible unit move a thread', async () => {
    const thread = await post(server, dir, { token: citizen, category: 'INFRASTRUCTURE', place: 'LH.NB' });
    for (const email of ['lh.pt@nghedan.demo', 'mttq@nghedan.demo', 'admin@nghedan.demo', 'dan@nghedan.demo']) {
      const token = await server.login(email);
      expect((await move(server, token, thread.id, 'ACKNOWLEDGED')).errors?.[0]?.extensions?.code, email).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('lets exactly one of three concurrent identical moves win', async () => {
    const thread = await post(server, dir, { token: citizen, category: 'INFRASTRUCTURE', place: 'LH.NB' });
    const officer = await server.login('lh.nb@nghedan.demo');
    const results = await Promise.all([
      move(server, officer, thread.id, 'ACKNOWLEDGED'),
      move(server, officer, thread.id, 'ACKNOWLEDGED'),
      move(server, officer, thread.id, 'ACKNOWLEDGED'),
    ]);
    const winners = results.filter((result) => result.data?.changeThreadStatus);
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'INVALID_TRANSITION')).toHaveLength(2);
    const events = await server.gql<{ thread: { events: Array<{ type: string }> } }>(
      'query ($id: ID!) { thread(id: $id) { events { type } } }',
      { token: officer, variables: { id: thread.id } },
    );
    expect(events.data?.thread.events.filter((event) => event.type === 'STATUS_CHANGED')).toHaveLength(1);
  });
});
