import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, REPLY, type Directory } from '../support/dialogue.js';
import { rawSocket } from '../support/raw-socket.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let officer: string;
beforeAll(async () => {
  server = await startTestServer({
    LIVE_OPERATIONS_PER_SOCKET: '3',
    LIVE_SOCKETS_PER_ADDRESS: '4',
    LIVE_SUBSCRIBES_PER_10S: '12',
    LIVE_MAX_BUFFERED_BYTES: '1024',
  });
  dir = await directory(server);
  officer = await server.login('lh.nb@nghedan.demo');
});

const BOARD = 'subscription ($after: String) { boardEvents(after: $after) { cursor type } }';
const errorCode = (socket: Awaited<ReturnType<typeof rawSocket>>, id: string) =>
  socket.messages.find((message) => message.id === id && message.type === 'error')?.payload as unknown as
    Array<{ extensions?: { code?: string } }> | undefined;

describe('limits on the WebSocket', () => {
  it('answers TOO_MANY_SUBSCRIPTIONS past the operations allowed on one socket, and frees a place on complete', async () => {
    const socket = await rawSocket(server.url);
    await socket.init();
    for (const id of ['a', 'b', 'c', 'd']) socket.subscribe(id, BOARD);
    await socket.until((all) => all.some((message) => message.id === 'd'), 'an answer to the fourth');
    expect(errorCode(socket, 'd')?.[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    expect(errorCode(socket, 'a')).toBeUndefined();
    socket.complete('a');
    socket.subscribe('e', BOARD);
    await post(server, dir, { place: 'LH.NB' });
    await socket.until((all) => socket.events('e').length >= 2 && all.length > 0, 'events on the new subscription');
    expect(socket.events('b').map((event) => event.type)).toEqual(['POSTED', 'ROUTED']);
    expect(socket.events('a')).toEqual([]);
    socket.ws.close();
  });

  it('closes a socket past the number allowed from one address with 4002', async () => {
    const sockets = await Promise.all([1, 2, 3, 4].map(() => rawSocket(server.url)));
    await Promise.all(sockets.map((socket) => socket.init()));
    const fifth = await rawSocket(server.url);
    expect(await fifth.closed).toBe(4002);
    sockets[0]!.ws.close();
    await sockets[0]!.closed;
    const again = await rawSocket(server.url);
    await again.init();
    for (const socket of [...sockets, again]) socket.ws.close();
    await Promise.all([...sockets, again].map((socket) => socket.closed));
  });

  it('cuts a consumer that stops reading with 4001, and it resumes from its cursor without a gap', async () => {
    const thread = await post(server, dir, { place: 'LH.NB' });
    const wide = Array.from({ length: 15 }, (_, index) => `b${index}: message { body }`).join(' ');
    const query = `subscription ($after: String) { boardEvents(after: $after) { cursor type ${wide} } }`;
    const slow = await rawSocket(server.url);
    await slow.init();
    slow.subscribe('slow', query, { after: null });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Stop reading: the kernel buffers fill, then the server's own buffer passes its bound.
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const body = 'Đường hư hỏng nặng, đề nghị sửa chữa sớm. '.repeat(110);
    const posted = 120;
    for (let index = 0; index < posted; index += 1) {
      const result = await server.gql(REPLY, {
        token: officer,
        variables: { input: { threadId: thread.id, body: `${index} ${body}` } },
      });
      expect(result.errors).toBeUndefined();
    }
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await slow.closed).toBe(4001);
    // The thread's POSTED and ROUTED may arrive live too, when the hub read them after the
    // subscription joined: only the replies are counted.
    const replies = (events: Array<Record<string, unknown>>) => events.filter((event) => event.type === 'MESSAGE');
    const received = slow.events('slow');
    const before = replies(received);
    expect(before.length).toBeLessThan(posted);
    const last = received.at(-1)?.cursor as string | undefined;

    const again = await rawSocket(server.url);
    await again.init();
    again.subscribe(
      'again',
      'subscription ($after: String) { boardEvents(after: $after) { cursor type message { body } } }',
      {
        after: last ?? null,
      },
    );
    await again.until(
      () => replies(again.events('again')).length >= posted - before.length,
      'the rest of the events',
      30_000,
    );
    const bodies = [...before, ...replies(again.events('again'))].map((event) => {
      const message = (event.b0 ?? event.message) as { body: string };
      return Number(message.body.split(' ')[0]);
    });
    expect(bodies).toEqual(Array.from({ length: posted }, (_, index) => index));
    again.ws.close();
  }, 60_000);

  // Last: it spends the address's subscribe budget.
  it('answers RATE_LIMITED with a retry-after to a flood of operations from one address', async () => {
    const socket = await rawSocket(server.url);
    await socket.init();
    for (let index = 0; index < 20; index += 1) {
      socket.subscribe(`s${index}`, '{ __typename }');
      await socket.until((all) => all.some((message) => message.id === `s${index}`), `an answer to s${index}`);
    }
    await socket.until((all) => all.some((message) => message.type === 'error'), 'a refused operation');
    const refused = socket.messages.find((message) => message.type === 'error')!.payload as unknown as Array<{
      extensions: { code: string; retryAfter: number };
    }>;
    expect(refused[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(refused[0]!.extensions.retryAfter).toBeGreaterThan(0);
    socket.ws.close();
    await socket.closed;
  });
});
