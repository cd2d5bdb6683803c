import type { Client } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect, directory, EVENT_FIELDS, post, REPLY, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Timed scans off: the statement counts below must see only the work of the events themselves.
// The subscribe rate is raised: 200 subscriptions come from one address within a second.
let server: TestServer;
let dir: Directory;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer({
    LIVE_POLL_SECONDS: '3600',
    OVERDUE_SCAN_SECONDS: '3600',
    LIVE_SUBSCRIBES_PER_10S: '10000',
    // Background work that would add statements while they are counted: the notification worker's fan-out.
    NOTIFICATION_CONCURRENCY: '0',
  });
  dir = await directory(server);
  for (const name of ['dan', 'lh.nb', 'lh.pt', 'lh.ktht', 'mttq']) {
    tokens[name] = await server.login(`${name}@nghedan.demo`);
  }
});

const BOARD = `subscription ($after: String) { boardEvents(after: $after) { ${EVENT_FIELDS} } }`;
const THREAD_EVENTS = `subscription ($id: ID!, $after: String, $code: String) {
  threadEvents(threadId: $id, after: $after, trackingCode: $code) { ${EVENT_FIELDS} }
}`;
const INBOX = `subscription ($unitId: ID, $after: String) { inboxEvents(unitId: $unitId, after: $after) { ${EVENT_FIELDS} } }`;

/** Counts the SQL statements the server sends while `work` runs. */
async function statementsDuring(work: () => Promise<void>): Promise<number> {
  const knex = server.app.orm.em.getConnection().getKnex();
  let count = 0;
  const listener = () => (count += 1);
  knex.on('query', listener);
  try {
    await work();
  } finally {
    knex.off('query', listener);
  }
  return count;
}

const eventsCursor = async () =>
  (await server.gql<{ threads: { eventsCursor: string } }>('{ threads(first: 1) { eventsCursor } }')).data!.threads
    .eventsCursor;

/** Opens `count` board subscriptions, 20 to a socket (the default limit per socket). */
async function boardSubscribers(count: number) {
  const after = await eventsCursor();
  const streams: Array<{ socket: Client; live: ReturnType<typeof collect> }> = [];
  for (let index = 0; index < count; index += 1) {
    const socket = index % 20 === 0 ? server.socket() : streams.at(-1)!.socket;
    streams.push({ socket, live: collect(socket, BOARD, { after }) });
  }
  return streams.map((stream) => stream.live);
}

describe('shared live delivery', () => {
  it('costs the same SQL per event for 1 and for 200 subscribers of one audience', async () => {
    const measure = async (subscribers: number) => {
      const streams = await boardSubscribers(subscribers);
      // The first post warms every subscriber up; the second is measured.
      await post(server, dir, { place: 'LH.NB' });
      await Promise.all(streams.map((live) => live.until(2)));
      const statements = await statementsDuring(async () => {
        await post(server, dir, { place: 'LH.NB' });
        await Promise.all(streams.map((live) => live.until(4)));
      });
      for (const live of streams) {
        expect(live.events.map((event) => event.type)).toEqual(['POSTED', 'ROUTED', 'POSTED', 'ROUTED']);
        live.dispose();
      }
      return statements;
    };
    const one = await measure(1);
    const many = await measure(200);
    expect(one).toBeGreaterThan(0);
    expect(many).toBe(one);
  });

  it('renders one document for several audiences without letting an event cross into another', async () => {
    const thread = await post(server, dir, { token: tokens.dan, isPublic: false, place: 'LH.NB' });
    const after = await eventsCursor();
    const follow = (token: string | undefined, query: string, variables: Record<string, unknown>) =>
      collect(server.socket(token ? { authToken: token } : {}), query, { ...variables, after });
    const author = follow(tokens.dan, THREAD_EVENTS, { id: thread.id });
    const officer = follow(tokens['lh.nb'], THREAD_EVENTS, { id: thread.id });
    const monitor = follow(tokens.mttq, THREAD_EVENTS, { id: thread.id });
    const board = follow(undefined, BOARD, {});
    const ownInbox = follow(tokens['lh.nb'], INBOX, { unitId: dir.unit('LH.NB') });
    const otherInbox = follow(tokens['lh.pt'], INBOX, { unitId: dir.unit('LH.PT') });
    const newInbox = follow(tokens['lh.ktht'], INBOX, { unitId: dir.unit('LH.KTHT') });
    const everyInbox = follow(tokens.mttq, INBOX, {});

    const reply = (body: string, internal = false) =>
      server.gql(REPLY, { token: tokens['lh.nb'], variables: { input: { threadId: thread.id, body, internal } } });
    await reply('Ghi chú nội bộ: cần xác minh hiện trường', true);
    await reply('Đơn vị đã tiếp nhận, sẽ kiểm tra trong tuần');
    await server.gql('mutation ($input: TransferInput!) { transferThread(input: $input) { id } }', {
      token: tokens['lh.nb'],
      variables: { input: { threadId: thread.id, unitId: dir.unit('LH.KTHT'), reason: 'Thuộc thẩm quyền huyện' } },
    });
    // One public event after everything: whatever was due has arrived before it.
    await server.gql('mutation ($input: ChangeStatusInput!) { changeThreadStatus(input: $input) { id } }', {
      token: tokens['lh.ktht'],
      variables: { input: { threadId: thread.id, status: 'ACKNOWLEDGED' } },
    });
    await Promise.all([author.until(3), monitor.until(4), newInbox.until(2), everyInbox.until(4), officer.ended()]);

    const types = (live: { events: Array<{ type: string }> }) => live.events.map((event) => event.type);
    expect(types(author)).toEqual(['MESSAGE', 'TRANSFERRED', 'STATUS_CHANGED']);
    expect(author.events.some((event) => event.message?.body.startsWith('Ghi chú'))).toBe(false);
    expect(types(officer)).toEqual(['INTERNAL_NOTE', 'MESSAGE']);
    expect(officer.completed).toBe(true);
    expect(types(monitor)).toEqual(['INTERNAL_NOTE', 'MESSAGE', 'TRANSFERRED', 'STATUS_CHANGED']);
    expect(types(everyInbox)).toEqual(['INTERNAL_NOTE', 'MESSAGE', 'TRANSFERRED', 'STATUS_CHANGED']);
    expect(types(ownInbox)).toEqual(['INTERNAL_NOTE', 'MESSAGE']);
    expect(types(newInbox)).toEqual(['TRANSFERRED', 'STATUS_CHANGED']);
    expect(board.events).toEqual([]);
    expect(otherInbox.events).toEqual([]);
  });
});

describe("catching up from the hub's memory of recent events", () => {
  it('costs the same SQL for 1 and for 200 pages resuming from a recent cursor', async () => {
    const measure = async (subscribers: number) => {
      const after = await eventsCursor();
      // A page that stays open shows when the hub has read both posts.
      const open = collect(server.socket(), BOARD, { after });
      await post(server, dir, { place: 'LH.NB' });
      await post(server, dir, { place: 'LH.PT' });
      await open.until(4);
      const streams: Array<ReturnType<typeof collect>> = [];
      const statements = await statementsDuring(async () => {
        let socket = server.socket();
        for (let index = 0; index < subscribers; index += 1) {
          if (index % 20 === 0) socket = server.socket();
          streams.push(collect(socket, BOARD, { after }));
        }
        await Promise.all(streams.map((live) => live.until(4)));
      });
      for (const live of [open, ...streams]) {
        expect(live.events.map((event) => event.type)).toEqual(['POSTED', 'ROUTED', 'POSTED', 'ROUTED']);
        live.dispose();
      }
      return statements;
    };
    const one = await measure(1);
    const many = await measure(200);
    expect(many).toBe(one);
  });

  it('gives a resuming subscriber what a replay from the log gives, right by right', async () => {
    const after = await eventsCursor();
    const thread = await post(server, dir, { token: tokens.dan, isPublic: false, place: 'LH.NB' });
    const afterPost = await eventsCursor();
    const reply = (body: string, internal = false) =>
      server.gql(REPLY, { token: tokens['lh.nb'], variables: { input: { threadId: thread.id, body, internal } } });
    await reply('Ghi chú nội bộ: cần xác minh hiện trường', true);
    await reply('Đơn vị đã tiếp nhận, sẽ kiểm tra trong tuần');
    await server.gql('mutation ($input: TransferInput!) { transferThread(input: $input) { id } }', {
      token: tokens['lh.nb'],
      variables: { input: { threadId: thread.id, unitId: dir.unit('LH.KTHT'), reason: 'Thuộc thẩm quyền huyện' } },
    });
    await server.gql('mutation ($input: ChangeStatusInput!) { changeThreadStatus(input: $input) { id } }', {
      token: tokens['lh.ktht'],
      variables: { input: { threadId: thread.id, status: 'ACKNOWLEDGED' } },
    });
    await post(server, dir, { place: 'LH.PT' });
    // This server has read everything above; it holds it in memory.
    const live = collect(server.socket(), BOARD, { after });
    await live.until(2);
    live.dispose();

    // A second instance on the same database that keeps no recent events: it replays from the log.
    const fromLog = await startTestServer({
      DATABASE_URL: server.app.orm.config.getClientUrl(),
      LIVE_RECENT_EVENTS: '0',
      OVERDUE_SCAN_SECONDS: '3600',
    });
    const ktht = tokens['lh.ktht']!;
    const followers: Array<[string, string | undefined, string, Record<string, unknown>, string[]]> = [
      ['the author', tokens.dan, THREAD_EVENTS, { id: thread.id }, ['MESSAGE', 'TRANSFERRED', 'STATUS_CHANGED']],
      [
        'an officer of the unit it went to',
        ktht,
        THREAD_EVENTS,
        { id: thread.id },
        ['INTERNAL_NOTE', 'MESSAGE', 'TRANSFERRED', 'STATUS_CHANGED'],
      ],
      [
        'a monitor',
        tokens.mttq,
        THREAD_EVENTS,
        { id: thread.id },
        ['INTERNAL_NOTE', 'MESSAGE', 'TRANSFERRED', 'STATUS_CHANGED'],
      ],
      ['the board', undefined, BOARD, {}, ['POSTED', 'ROUTED']],
      ["the public post's unit", tokens['lh.pt'], INBOX, { unitId: dir.unit('LH.PT') }, ['POSTED', 'ROUTED']],
      [
        'the unit it went to',
        ktht,
        INBOX,
        { unitId: dir.unit('LH.KTHT') },
        ['INTERNAL_NOTE', 'MESSAGE', 'TRANSFERRED', 'STATUS_CHANGED'],
      ],
      [
        'every inbox',
        tokens.mttq,
        INBOX,
        {},
        ['INTERNAL_NOTE', 'MESSAGE', 'TRANSFERRED', 'STATUS_CHANGED', 'POSTED', 'ROUTED'],
      ],
    ];
    for (const [who, token, query, variables, expected] of followers) {
      const resume = async (instance: TestServer) => {
        const stream = collect(instance.socket(token ? { authToken: token } : {}), query, {
          ...variables,
          after: afterPost,
        });
        await stream.until(expected.length);
        stream.dispose();
        return stream.events.map(({ cursor, type }) => ({ cursor, type }));
      };
      const memory = await resume(server);
      expect(
        memory.map((event) => event.type),
        who,
      ).toEqual(expected);
      expect(await resume(fromLog), who).toEqual(memory);
    }
  }, 120_000);
});
