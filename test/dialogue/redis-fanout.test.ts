import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { startServerProcess, type ServerProcess as Instance } from '../support/process.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from '../support/server.js';

const redisUrl = process.env.REDIS_URL?.trim();
const clients: Client[] = [];
/** Time for a just-opened subscription to register with the event bus before anything is published. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** Runs the real entry point on the shared database and Redis, and waits until it listens. */
const startInstance = (databaseUrl: string): Promise<Instance> =>
  startServerProcess({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl!,
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: 'true',
    SEED_DEMO_THREADS: 'false',
    DEMO_PASSWORD,
    NODE_ENV: 'test',
  });

async function gql<T>(instance: Instance, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${instance.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`${query} failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const login = async (instance: Instance, email: string) =>
  (
    await gql<{ login: { token: string } }>(
      instance,
      'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email, password: DEMO_PASSWORD } },
    )
  ).login.token;

interface Received {
  cursor: string;
  type: string;
  threadId: string;
  toStatus: string | null;
  internal: boolean;
}

const EVENT_FIELDS = 'cursor type threadId toStatus internal';

/** Subscribes over graphql-ws once the socket is connected, and keeps every event it receives. */
async function follow(instance: Instance, token: string | undefined, query: string, variables = {}) {
  const client: Client = createClient({
    url: `${instance.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authToken: token } : {},
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const events: Received[] = [];
  let failure: unknown;
  let waiter: (() => void) | undefined;
  client.subscribe<Record<string, Received>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) failure = result.errors;
        for (const event of Object.values(result.data ?? {})) events.push(event);
        waiter?.();
      },
      error: (error) => {
        failure = error;
        waiter?.();
      },
      complete: () => undefined,
    },
  );
  await connected;
  return {
    events,
    /** Resolves once `count` events have arrived; fails on an error or after a few seconds. */
    async until(count: number, ms = 10_000): Promise<Received[]> {
      const deadline = Date.now() + ms;
      while (events.length < count && failure === undefined && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          waiter = resolve;
          setTimeout(resolve, 100);
        });
      }
      if (failure !== undefined) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
      if (events.length < count) throw new Error(`got ${events.length} of ${count} events: ${JSON.stringify(events)}`);
      return events.slice(0, count);
    },
  };
}

function expectIncreasingCursors(events: Received[]) {
  const cursors = events.map((event) => BigInt(event.cursor));
  for (let index = 1; index < cursors.length; index += 1) expect(cursors[index]! > cursors[index - 1]!).toBe(true);
}

describe.skipIf(!redisUrl)('live across instances through Redis', () => {
  let a: Instance;
  let b: Instance;
  const started: Instance[] = [];

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase('seeded');
    // Registered after the database's own afterAll, so it runs first: stop servers, then drop.
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.dispose()));
      for (const instance of started) instance.child.kill('SIGINT');
      const codes = await Promise.all(started.map((instance) => instance.exited));
      expect(codes, started.map((instance) => instance.output()).join('\n')).toEqual(codes.map(() => 0));
    });
    // One after the other: the first migrates and seeds, the second finds the database ready.
    a = await startInstance(databaseUrl);
    started.push(a);
    b = await startInstance(databaseUrl);
    started.push(b);
  });

  it('delivers a post and its status changes made on instance A to subscribers on instance B', async () => {
    const directory = await gql<{
      units: Array<{ id: string; code: string }>;
      categories: Array<{ id: string; code: string }>;
    }>(a, '{ units { id code } categories { id code } }', {});
    const unitId = (code: string) => directory.units.find((unit) => unit.code === code)!.id;
    const categoryId = (code: string) => directory.categories.find((category) => category.code === code)!.id;
    const [citizen, officer] = await Promise.all([login(a, 'dan@nghedan.demo'), login(a, 'lh.nb@nghedan.demo')]);

    // Tokens signed by A are good on B: both share the secret, only Redis carries the events.
    const inbox = await follow(
      b,
      officer,
      `subscription ($unitId: ID) { inboxEvents(unitId: $unitId) { ${EVENT_FIELDS} } }`,
      {
        unitId: unitId('LH.NB'),
      },
    );
    const board = await follow(b, undefined, `subscription { boardEvents { ${EVENT_FIELDS} } }`);
    const boardOnA = await follow(a, undefined, `subscription { boardEvents { ${EVENT_FIELDS} } }`);
    await settle();

    const posted = await gql<{ postFeedback: { thread: { id: string; unit: { code: string } } } }>(
      a,
      'mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { thread { id unit { code } } } }',
      {
        input: {
          kind: 'REPORT',
          title: 'Cống thoát nước bị tắc',
          body: 'Mỗi lần mưa to nước tràn vào nhà dân ở tổ dân phố.',
          categoryId: categoryId('INFRASTRUCTURE'),
          placeId: unitId('LH.NB'),
          isPublic: true,
          idempotencyKey: randomUUID(),
        },
      },
      citizen,
    );
    const threadId = posted.postFeedback.thread.id;
    expect(posted.postFeedback.thread.unit.code).toBe('LH.NB');

    const arrived = await inbox.until(2);
    expect(arrived.map((event) => [event.type, event.threadId])).toEqual([
      ['POSTED', threadId],
      ['ROUTED', threadId],
    ]);

    // The citizen follows the thread on B from the last event seen, so nothing is missed in between.
    const thread = await follow(
      b,
      citizen,
      `subscription ($threadId: ID!, $after: String) { threadEvents(threadId: $threadId, after: $after) { ${EVENT_FIELDS} } }`,
      { threadId, after: arrived[1]!.cursor },
    );
    await settle();

    const move = (status: string) =>
      gql(
        a,
        'mutation ($input: ChangeStatusInput!) { changeThreadStatus(input: $input) { status } }',
        {
          input: { threadId, status },
        },
        officer,
      );
    const reply = (internal: boolean, body: string, on: Instance) =>
      gql(
        on,
        'mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }',
        {
          input: { threadId, body, internal },
        },
        officer,
      );
    await move('ACKNOWLEDGED');
    await reply(true, 'Ghi chú nội bộ: chuyển tổ công trình.', a);
    // The answer goes through B: events flow from B to subscribers on A as well.
    await reply(false, 'Ngày mai tổ công trình sẽ xuống thông cống.', b);
    await move('IN_PROGRESS');

    const inboxAll = await inbox.until(6);
    expect(inboxAll.map((event) => [event.type, event.toStatus])).toEqual([
      ['POSTED', 'SUBMITTED'],
      ['ROUTED', 'ROUTED'],
      ['STATUS_CHANGED', 'ACKNOWLEDGED'],
      ['INTERNAL_NOTE', null],
      ['MESSAGE', null],
      ['STATUS_CHANGED', 'IN_PROGRESS'],
    ]);
    expectIncreasingCursors(inboxAll);

    const publicTypes = [
      ['POSTED', 'SUBMITTED'],
      ['ROUTED', 'ROUTED'],
      ['STATUS_CHANGED', 'ACKNOWLEDGED'],
      ['MESSAGE', null],
      ['STATUS_CHANGED', 'IN_PROGRESS'],
    ];
    for (const subscriber of [board, boardOnA]) {
      const seen = await subscriber.until(5);
      expect(seen.map((event) => [event.type, event.toStatus])).toEqual(publicTypes);
      expect(seen.map((event) => event.cursor)).toEqual(
        inboxAll.filter((event) => !event.internal).map((event) => event.cursor),
      );
    }

    const followed = await thread.until(3);
    expect(followed.map((event) => [event.type, event.toStatus])).toEqual(publicTypes.slice(2));
    expectIncreasingCursors(followed);
    expect(BigInt(followed[0]!.cursor) > BigInt(arrived[1]!.cursor)).toBe(true);

    // Nothing else trickles in: no duplicate, and the internal note never reaches the board or the citizen.
    await settle();
    expect(inbox.events).toHaveLength(6);
    expect(board.events).toHaveLength(5);
    expect(boardOnA.events).toHaveLength(5);
    expect(thread.events).toHaveLength(3);
  });
});
