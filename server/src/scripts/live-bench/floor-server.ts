// The floor: a bare `ws` server that writes one prepared message to every open socket when
// asked. No GraphQL, no database: the cost of the transport alone on this machine.
import { WebSocketServer, type WebSocket } from 'ws';
import { announce, probe, serveParent } from './ipc.js';

const sockets = new Set<WebSocket>();
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 100 * 1024 });
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => socket.terminate());
});

/** A graphql-ws `next` message of `bytes` bytes, shaped like the product's, naming the cursor. */
function floorMessage(cursor: string, bytes: number): string {
  const shell = (pad: string) =>
    JSON.stringify({ id: '1', type: 'next', payload: { data: { boardEvents: { cursor, pad } } } });
  return shell('x'.repeat(Math.max(0, bytes - shell('').length)));
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
