import WebSocket from 'ws';
import { afterAll } from 'vitest';

export interface RawMessage {
  id?: string;
  type: string;
  payload?: { data?: Record<string, Record<string, unknown>>; errors?: Array<{ extensions?: { code?: string } }> };
}

/**
 * A graphql-ws protocol client over a plain `ws` socket, for what the graphql-ws client hides:
 * the close code, every frame as it arrives, and a socket that stops reading (a slow consumer).
 */
export interface RawSocket {
  ws: WebSocket;
  messages: RawMessage[];
  /** Resolves with the close code once the socket has closed. */
  closed: Promise<number>;
  /** Sends connection_init and waits for the ack (or the close). */
  init(payload?: Record<string, unknown>): Promise<void>;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  complete(id: string): void;
  /** Waits until `check` holds for the messages received so far. */
  until(check: (messages: RawMessage[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Events of one subscription, in arrival order. */
  events(id: string): Array<Record<string, unknown>>;
}

const open: WebSocket[] = [];
afterAll(() => open.forEach((ws) => ws.terminate()));

export async function rawSocket(url: string): Promise<RawSocket> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
  open.push(ws);
  const messages: RawMessage[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((wake) => wake());
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as RawMessage);
    notify();
  });
  let closedCode: number | undefined;
  const closed = new Promise<number>((resolve) =>
    ws.on('close', (code) => {
      closedCode = code;
      resolve(code);
      notify();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const send = (message: unknown) => ws.send(JSON.stringify(message));
  const until: RawSocket['until'] = (check, what, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const test = () => {
        if (check(messages)) {
          waiters.delete(test);
          clearTimeout(timer);
          resolve();
        } else if (closedCode !== undefined) {
          waiters.delete(test);
          clearTimeout(timer);
          reject(new Error(`socket closed (${closedCode}) while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(test);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(messages).slice(0, 2000)}`));
      }, timeoutMs);
      waiters.add(test);
      test();
    });
  return {
    ws,
    messages,
    closed,
    async init(payload = {}) {
      send({ type: 'connection_init', payload });
      await Promise.race([
        until((all) => all.some((message) => message.type === 'connection_ack'), 'connection_ack'),
        closed.then((code) => Promise.reject(new Error(`closed with ${code} before the ack`))),
      ]);
    },
    subscribe: (id, query, variables) => send({ id, type: 'subscribe', payload: { query, variables } }),
    complete: (id) => send({ id, type: 'complete' }),
    until,
    events: (id) =>
      messages
        .filter((message) => message.id === id && message.type === 'next' && message.payload?.data)
        .map((message) => Object.values(message.payload!.data!)[0]!),
  };
}
