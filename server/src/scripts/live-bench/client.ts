// One client process of the bench: opens its share of the sockets and records, per subscriber,
// which event cursors arrived and when. It speaks the graphql-ws protocol itself over `ws`
// (connection_init, connection_ack, subscribe, next): the graphql-ws client adds retry logic,
// lazy connections and per-socket timers we do not measure, and its CPU would be counted
// against the product. The floor's sockets get the same `message` handler.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { serveParent } from './ipc.js';

export interface SubscriberSpec {
  key: number;
  connectionParams?: Record<string, unknown>;
  query: string;
  variables: Record<string, unknown>;
  /** Events the replay from `after` delivers at once: when they are in, the subscription is live. */
  ready: number;
}

export interface OpenRequest {
  url: string;
  /** graphql-ws subscribers for the product; for the floor, the keys of its plain sockets. */
  specs?: SubscriberSpec[];
  plain?: { keys: number[] };
  concurrency: number;
  /** Spread sockets over 127.0.0.2–127.0.0.251, as many clients would come from many addresses. */
  spreadAddresses: boolean;
}

export interface Progress {
  open: number;
  received: number;
  ready: number;
  problems: number;
  firstProblems: string[];
}

export interface SubscriberResult {
  key: number;
  cursors: string[];
  times: number[];
  /** The byte length of each message, beside its cursor: the matched floor sends the same. */
  sizes: number[];
}

interface Subscriber {
  key: number;
  socket: WebSocket;
  ready: number;
  cursors: string[];
  times: number[];
  sizes: number[];
}

const now = () => performance.timeOrigin + performance.now();
const HANDSHAKE_TIMEOUT_MS = 60_000;

let subscribers: Subscriber[] = [];
const problems: string[] = [];
let problemCount = 0;
let boardBytes = { sum: 0, count: 0 };
let closing = false;

function problem(key: number, what: string) {
  problemCount += 1;
  if (problems.length < 20) problems.push(`subscriber ${key}: ${what}`);
}

function record(
  subscriber: Subscriber,
  time: number,
  bytes: number,
  data: Record<string, { cursor?: string }> | undefined,
) {
  const event = data && Object.values(data)[0];
  if (!event?.cursor) return problem(subscriber.key, `a result without a cursor: ${JSON.stringify(data)}`);
  subscriber.cursors.push(event.cursor);
  subscriber.times.push(time);
  subscriber.sizes.push(bytes);
}

/** Opens one socket and resolves when it can carry events (ack received, or open for the floor). */
function connect(url: string, key: number, spec: SubscriberSpec | undefined, spread: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, spec ? 'graphql-transport-ws' : undefined, {
      perMessageDeflate: false,
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
      ...(spread ? { localAddress: `127.0.0.${2 + (key % 250)}` } : {}),
    });
    const subscriber: Subscriber = { key, socket, ready: spec?.ready ?? 0, cursors: [], times: [], sizes: [] };
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`subscriber ${key}: no ${spec ? 'connection_ack' : 'open'} within 60 s`));
    }, HANDSHAKE_TIMEOUT_MS);
    const settled = () => clearTimeout(timer);
    socket.on('open', () => {
      if (!spec) {
        settled();
        resolve();
      } else socket.send(JSON.stringify({ type: 'connection_init', payload: spec.connectionParams ?? {} }));
    });
    socket.on('message', (raw: Buffer) => {
      const time = now();
      const message = JSON.parse(raw.toString()) as { type: string; payload?: unknown };
      if (message.type === 'next') {
        const payload = message.payload as { data?: Record<string, { cursor?: string }>; errors?: unknown };
        if (payload.errors) problem(key, `errors: ${JSON.stringify(payload.errors)}`);
        if (payload.data && 'boardEvents' in payload.data) {
          boardBytes = { sum: boardBytes.sum + raw.length, count: boardBytes.count + 1 };
        }
        record(subscriber, time, raw.length, payload.data);
      } else if (message.type === 'connection_ack' && spec) {
        socket.send(
          JSON.stringify({ id: '1', type: 'subscribe', payload: { query: spec.query, variables: spec.variables } }),
        );
        settled();
        resolve();
      } else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      else if (message.type === 'error') problem(key, `subscription refused: ${JSON.stringify(message.payload)}`);
      else if (message.type === 'complete') problem(key, 'the server completed the subscription');
    });
    socket.on('error', (error) => {
      settled();
      reject(new Error(`subscriber ${key}: ${error.message}`));
    });
    socket.on('close', (code, reason) => {
      settled();
      if (!closing) problem(key, `socket closed by the server (${code} ${reason.toString()})`);
      reject(new Error(`subscriber ${key}: closed (${code})`));
    });
    subscribers.push(subscriber);
  });
}

async function open(request: OpenRequest): Promise<number> {
  closing = false;
  const jobs: Array<() => Promise<void>> = request.specs
    ? request.specs.map((spec) => () => connect(request.url, spec.key, spec, request.spreadAddresses))
    : // The floor maps its sockets to subscriber keys by this query parameter.
      (request.plain?.keys ?? []).map(
        (key) => () => connect(`${request.url}/?key=${key}`, key, undefined, request.spreadAddresses),
      );
  let failures = 0;
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      await job().catch((error: Error) => {
        failures += 1;
        if (problems.length < 20) problems.push(error.message);
      });
    }
  };
  await Promise.all(Array.from({ length: request.concurrency }, worker));
  if (failures > 0) throw new Error(`${failures} sockets failed to open; first: ${problems.slice(0, 3).join('; ')}`);
  return subscribers.length;
}

function progress(): Progress {
  return {
    open: subscribers.filter((subscriber) => subscriber.socket.readyState === WebSocket.OPEN).length,
    received: subscribers.reduce((sum, subscriber) => sum + subscriber.cursors.length, 0),
    ready: subscribers.filter((subscriber) => subscriber.cursors.length >= subscriber.ready).length,
    problems: problemCount,
    firstProblems: problems.slice(0, 5),
  };
}

async function close(): Promise<void> {
  closing = true;
  const closed = subscribers.map(
    ({ socket }) =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close(1000);
        setTimeout(() => {
          socket.terminate();
          resolve();
        }, 5_000).unref();
      }),
  );
  await Promise.all(closed);
  subscribers = [];
  problems.length = 0;
  problemCount = 0;
  boardBytes = { sum: 0, count: 0 };
}

serveParent(
  {
    open,
    progress,
    results: (): { subscribers: SubscriberResult[]; boardBytes: typeof boardBytes } => ({
      subscribers: subscribers.map(({ key, cursors, times, sizes }) => ({ key, cursors, times, sizes })),
      boardBytes,
    }),
    close,
  },
  () => {
    closing = true;
    for (const { socket } of subscribers) socket.terminate();
    process.exit(0);
  },
);
process.send?.({ type: 'ready' });
