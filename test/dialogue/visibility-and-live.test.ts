import { beforeAll, describe, expect, it } from 'vitest';
import { collect, directory, EVENT_FIELDS, move, post, REPLY, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  for (const name of ['dan', 'kbinh', 'lh.nb', 'lh.pt', 'lh.ktht', 'mttq']) {
    tokens[name] = await server.login(`${name}@nghedan.demo`);
  }
});

const THREAD = `query ($id: ID!, $code: String) {
  thread(id: $id, trackingCode: $code) { id status messages { body internal } events { type } }
}`;
const THREAD_EVENTS = `subscription ($id: ID!, $after: String, $code: String) {
  threadEvents(threadId: $id, after: $after, trackingCode: $code) { ${EVENT_FIELDS} }
}`;
const INBOX = `subscription ($unitId: ID, $after: String) { inboxEvents(unitId: $unitId, after: $after) { ${EVENT_FIELDS} } }`;

const readThread = (id: string, token?: string, code?: string) =>
  server.gql<{
    thread: { status: string; messages: Array<{ body: string; internal: boolean }>; events: Array<{ type: string }> };
  }>(THREAD, { token, variables: { id, code } });

async function privateThreadWithNote() {
  const thread = await post(server, dir, { token: tokens.dan, isPublic: false, place: 'LH.NB' });
  await server.gql(REPLY, {
    token: tokens['lh.nb'],
    variables: { input: { threadId: thread.id, body: 'Đã chuyển tổ kỹ thuật' } },
  });
  await server.gql(REPLY, {
    token: tokens['lh.nb'],
    variables: { input: { threadId: thread.id, body: 'Ghi chú nội bộ: kiểm tra hồ sơ', internal: true } },
  });
  return thread;
}

describe('who sees a private thread', () => {
  it('shows internal notes to the unit and monitors, never to the citizen', async () => {
    const thread = await privateThreadWithNote();
    const citizen = await readThread(thread.id, tokens.dan);
    expect(citizen.data?.thread.messages).toEqual([{ body: 'Đã chuyển tổ kỹ thuật', internal: false }]);
    expect(citizen.data?.thread.events.map((event) => event.type)).toEqual(['POSTED', 'ROUTED', 'MESSAGE']);
    for (const staff of ['lh.nb', 'mttq']) {
      const result = await readThread(thread.id, tokens[staff]);
      expect(
        result.data?.thread.messages.map((message) => message.internal),
        staff,
      ).toEqual([false, true]);
    }
    const live = collect(server.socket({ authToken: tokens.dan }), THREAD_EVENTS, { id: thread.id, after: '0' });
    await live.until(3);
    // A later public event proves the note, written before it, was skipped rather than late.
    await move(server, tokens['lh.nb'], thread.id, 'ACKNOWLEDGED');
    await live.until(4);
    expect(live.events.map((event) => event.type)).toEqual(['POSTED', 'ROUTED', 'MESSAGE', 'STATUS_CHANGED']);
  });

  it('refuses citizens to write internal notes', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB' });
    const result = await server.gql(REPLY, {
      token: tokens.dan,
      variables: { input: { threadId: thread.id, body: 'note', internal: true } },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['anonymous', undefined],
    ['another citizen', 'kbinh'],
    ['an officer of another unit', 'lh.pt'],
  ])('is invisible to %s, by query and by subscription', async (_who, viewer) => {
    const thread = await privateThreadWithNote();
    const token = viewer ? tokens[viewer] : undefined;
    expect((await readThread(thread.id, token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await server.gql<{ threads: { nodes: Array<{ id: string }> } }>(
      '{ threads(first: 100) { nodes { id } } }',
      {
        token,
      },
    );
    expect(list.data?.threads.nodes.map((node) => node.id)).not.toContain(thread.id);
    const live = collect(server.socket(token ? { authToken: token } : {}), THREAD_EVENTS, {
      id: thread.id,
      after: '0',
    });
    await live.ended();
    expect(live.events).toEqual([]);
    expect(JSON.stringify(live.errors)).toContain('NOT_FOUND');
  });

  it('follows a transfer: the new unit sees it, the old unit no longer does, live or by query', async () => {
    const thread = await privateThreadWithNote();
    const lastSeen = await lastCursor(thread.id);
    const oldThreadStream = collect(server.socket({ authToken: tokens['lh.nb'] }), THREAD_EVENTS, {
      id: thread.id,
      after: lastSeen,
    });
    const oldInbox = collect(server.socket({ authToken: tokens['lh.nb'] }), INBOX, {
      unitId: dir.unit('LH.NB'),
      after: lastSeen,
    });
    const newInbox = collect(server.socket({ authToken: tokens['lh.ktht'] }), INBOX, {
      unitId: dir.unit('LH.KTHT'),
      after: lastSeen,
    });

    const transfer = await server.gql(
      'mutation ($input: TransferInput!) { transferThread(input: $input) { unit { code } status } }',
      {
        token: tokens['lh.nb'],
        variables: { input: { threadId: thread.id, unitId: dir.unit('LH.KTHT'), reason: 'Thuộc thẩm quyền huyện' } },
      },
    );
    expect(transfer.data).toEqual({ transferThread: { unit: { code: 'LH.KTHT' }, status: 'ROUTED' } });

    await newInbox.until(1);
    expect(newInbox.events.map((event) => event.type)).toEqual(['TRANSFERRED']);
    await oldThreadStream.ended();
    expect(oldThreadStream.events).toEqual([]);
    expect((await readThread(thread.id, tokens['lh.nb'])).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await move(server, tokens['lh.nb'], thread.id, 'ACKNOWLEDGED')).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await move(server, tokens['lh.ktht'], thread.id, 'ACKNOWLEDGED')).data?.changeThreadStatus.status).toBe(
      'ACKNOWLEDGED',
    );
    await newInbox.until(2);
    expect(oldInbox.events).toEqual([]);
  });

  it("keeps officers to their own unit's inbox", async () => {
    const live = collect(server.socket({ authToken: tokens['lh.pt'] }), INBOX, {
      unitId: dir.unit('LH.NB'),
      after: '0',
    });
    await live.ended();
    expect(JSON.stringify(live.errors)).toContain('FORBIDDEN');
  });
});

async function lastCursor(threadId: string): Promise<string> {
  const result = await server.gql<{ thread: { events: Array<{ cursor: string }> } }>(
    'query ($id: ID!) { thread(id: $id) { events { cursor } } }',
    { token: tokens.mttq, variables: { id: threadId } },
  );
  return result.data!.thread.events.at(-1)!.cursor;
}

describe('live threads', () => {
  it('replays exactly the missed events after a reconnect, then goes on live', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB' });
    const first = collect(server.socket({ authToken: tokens.dan }), THREAD_EVENTS, { id: thread.id, after: '0' });
    await first.until(2);
    const seen = first.events.at(-1)!.cursor;
    first.dispose();

    await move(server, tokens['lh.nb'], thread.id, 'ACKNOWLEDGED');
    await server.gql(REPLY, {
      token: tokens['lh.nb'],
      variables: { input: { threadId: thread.id, body: 'Đang xử lý' } },
    });
    await move(server, tokens['lh.nb'], thread.id, 'IN_PROGRESS');

    const again = collect(server.socket({ authToken: tokens.dan }), THREAD_EVENTS, { id: thread.id, after: seen });
    await again.until(3);
    expect(again.events.map((event) => [event.type, event.toStatus ?? event.message?.body])).toEqual([
      ['STATUS_CHANGED', 'ACKNOWLEDGED'],
      ['MESSAGE', 'Đang xử lý'],
      ['STATUS_CHANGED', 'IN_PROGRESS'],
    ]);
    await move(server, tokens['lh.nb'], thread.id, 'ANSWERED');
    await again.until(4);
    // One more event after: a duplicate of anything earlier would arrive before it.
    await move(server, tokens['lh.nb'], thread.id, 'RESOLVED');
    await again.until(5);
    const cursors = again.events.map((event) => BigInt(event.cursor));
    expect(cursors.every((cursor, index) => index === 0 || cursor > cursors[index - 1]!)).toBe(true);
    expect(cursors[0]! > BigInt(seen)).toBe(true);
    expect(again.events.map((event) => event.toStatus ?? event.type)).toEqual([
      'ACKNOWLEDGED',
      'MESSAGE',
      'IN_PROGRESS',
      'ANSWERED',
      'RESOLVED',
    ]);
  });

  it('lets an anonymous poster follow, answer back and rate with the tracking code alone', async () => {
    const thread = await post(server, dir, { anonymous: true, isPublic: false, place: 'LH.NB' });
    const code = thread.trackingCode!;
    expect((await readThread(thread.id, undefined, code)).data?.thread.status).toBe('ROUTED');
    expect((await readThread(thread.id, undefined, 'AAAA-BBBB-CCCC-DDDD')).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const live = collect(server.socket(), THREAD_EVENTS, { id: thread.id, after: '0', code });
    await live.until(2);
    for (const status of ['ACKNOWLEDGED', 'ANSWERED', 'RESOLVED'])
      await move(server, tokens['lh.nb'], thread.id, status);
    await live.until(5);
    expect(live.events.slice(2).map((event) => event.toStatus)).toEqual(['ACKNOWLEDGED', 'ANSWERED', 'RESOLVED']);
    const reply = await server.gql(REPLY, {
      variables: { input: { threadId: thread.id, body: 'Cảm ơn cán bộ', trackingCode: code } },
    });
    expect(reply.errors).toBeUndefined();
    const RATE = 'mutation ($input: RateInput!) { rateThread(input: $input) { rating ratingComment } }';
    const someoneElse = await server.gql(RATE, {
      token: tokens.kbinh,
      variables: { input: { threadId: thread.id, score: 1 } },
    });
    expect(someoneElse.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rated = await server.gql(RATE, {
      variables: { input: { threadId: thread.id, score: 5, comment: 'Rất nhanh', trackingCode: code } },
    });
    expect(rated.data).toEqual({ rateThread: { rating: 5, ratingComment: 'Rất nhanh' } });
    const twice = await server.gql(RATE, {
      variables: { input: { threadId: thread.id, score: 4, trackingCode: code } },
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await live.until(7);
    expect(live.events.slice(5).map((event) => event.type)).toEqual(['MESSAGE', 'RATED']);
  });
});
