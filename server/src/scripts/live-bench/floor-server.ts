// The floors: a bare `ws` server. No GraphQL, no database: the cost of the transport alone on this
// machine. `broadcast` writes one prepared message to every open socket; `matched` replays one of
// the product's events as planned (see plan.ts): to each subscriber key, its messages of their
// sizes, several in one corked write as the product's outbox does.
import { WebSocketServer, type WebSocket } from 'ws';
import { announce, probe, serveParent } from './ipc.js';
import { matchedCursor, type EventPlan } from './plan.js';

const sockets = new Set<WebSocket>();
const byKey = new Map<number, WebSocket>();
let plan: EventPlan[] = [];
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 100 * 1024 });
server.on('connection', (socket, request) => {
  const key = Number(new URL(request.url ?? '/', 'http://floor').searchParams.get('key') ?? NaN);
  sockets.add(socket);
  if (Number.isInteger(key)) byKey.set(key, socket);
  socket.on('close', () => {
    sockets.delete(socket);
    if (byKey.get(key) === socket) byKey.delete(key);
  });
  socket.on('error', () => socket.terminate());
});

/** A graphql-ws `next` message of `bytes` bytes, shaped like the product's, naming the cursor. */
function floorMessage(cursor: string, bytes: number): string {
  const shell = (pad: string) =>
    JSON.stringify({ id: '1', type: 'next', payload: { data: { boardEvents: { cursor, pad } } } });
  return shell('x'.repeat(Math.max(0, bytes - shell('').length)));
}

function matched({ event }: { event: number }): number {
  // Messages are built once per (nth, size), as the product serializes an event once per document.
  const messages = new Map<string, string>();
  const message = (nth: number, bytes: number) => {
    const id = `${nth}:${bytes}`;
    let text = messages.get(id);
    if (text === undefined) messages.set(id, (text = floorMessage(matchedCursor(event, nth), bytes)));
    return text;
  };
  let sent = 0;
  for (const [key, sizes] of plan[event] ?? []) {
    const socket = byKey.get(key);
    if (!socket) continue;
    if (sizes.length === 1) socket.send(message(0, sizes[0]!));
    else {
      const tcp = (socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
      tcp?.cork();
      sizes.forEach((bytes, nth) => socket.send(message(nth, bytes)));
      tcp?.uncork();
    }
    sent += sizes.length;
  }
  return sent;
}

serveParent(
  {
    probe: (options: { gc?: boolean }) => probe(() => null, options),
    sockets: () => sockets.size,
    broadcast: ({ cursor, bytes }: { cursor: string; bytes: number }) => {
      const message = floorMessage(cursor, bytes);
      for (const socket of sockets) socket.send(message);
      return sockets.size;
    },
    plan: (events: EventPlan[]) => void (plan = events),
    matched,
  },
  () => {
    for (const socket of sockets) socket.terminate();
    process.exit(0);
  },
);

server.on('listening', () => {
  const address = server.address();
  announce({ type: 'ready', port: address && typeof address === 'object' ? address.port : undefined });
});
server.on('error', (error) => {
  announce({ type: 'failed', error: error.message });
  process.exit(1);
});
