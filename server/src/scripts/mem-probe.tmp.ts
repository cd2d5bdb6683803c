import v8 from 'node:v8';
import WebSocket from 'ws';
import { startApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openScratchDatabase } from '../db/scratch.js';
import { createLogger } from '../shared/logger.js';

const N = Number(process.argv[2] ?? 2000);
const db = await openScratchDatabase(
  `mem_${Date.now()}`,
  'postgresql://postgres@127.0.0.1:5432/test',
  createLogger('warn'),
);
const app = await startApp(
  loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    JWT_SECRET: 'x'.repeat(40),
    SEED_DEMO: 'true',
    SEED_DEMO_THREADS: 'false',
    LOG_LEVEL: 'warn',
    LIVE_SOCKETS_PER_ADDRESS: '100000',
    LIVE_SUBSCRIBES_PER_10S: '1000000',
  }),
);
const gc = () => {
  for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
};
gc();
const m0 = process.memoryUsage();
const sockets: WebSocket[] = [];
const mode = process.argv[3] ?? 'sub';
for (let i = 0; i < N; i++) {
  const ws = new WebSocket(`ws://127.0.0.1:${app.port}/graphql`, 'graphql-transport-ws', {
    localAddress: `127.0.${1 + Math.floor(i / 250)}.${2 + (i % 250)}`,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await new Promise<void>((resolve) => ws.once('message', () => resolve()));
  if (mode === 'sub')
    ws.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: {
          query:
            'subscription ($after: String) { boardEvents(after: $after) { cursor type threadId actorName createdAt message { body } } }',
          variables: { after: null },
        },
      }),
    );
  sockets.push(ws);
}
await new Promise((r) => setTimeout(r, 2000));
gc();
const m1 = process.memoryUsage();
const per = (k: 'rss' | 'heapUsed' | 'external' | 'arrayBuffers') => ((m1[k] - m0[k]) / N / 1024).toFixed(1);
console.log(
  `mode=${mode} N=${N} per socket KB: rss ${per('rss')} heapUsed ${per('heapUsed')} external ${per('external')} arrayBuffers ${per('arrayBuffers')}`,
);
if (process.argv[4]) v8.writeHeapSnapshot(process.argv[4]);
for (const ws of sockets) ws.terminate();
await app.stop();
await db.drop();
process.exit(0);
