import { randomUUID } from 'node:crypto';
import http from 'node:http';
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let citizen: string;
let thread: { id: string; trackingCode: string | null };
beforeAll(async () => {
  server = await startTestServer({ MAX_BODY_BYTES: '20000' });
  dir = await directory(server);
  citizen = await server.login('dan@nghedan.demo');
  thread = await post(server, dir, { anonymous: true });
});

/** A small seeded generator: the same hostile inputs on every run, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff lone',
  '💥'.repeat(300),
  "'; drop table threads; --",
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '',
  ' ',
  'x'.repeat(6000),
  '\u202e\u200b\ufeff',
  '{{7*7}}',
  'Bearer ',
];
const NASTY_VALUES = [...NASTY_STRINGS, 0, -1, 2 ** 53, 1e308, -0, true, null, [], {}, [null], { $gt: '' }];

const OPERATIONS = [
  'query ($s: String) { threads(filter: { search: $s }) { totalCount } }',
  'query ($id: ID!, $c: String) { thread(id: $id, trackingCode: $c) { id title } }',
  'query ($c: String!) { threadByTrackingCode(trackingCode: $c) { id } }',
  'query ($a: String, $f: Int!) { threads(first: $f, after: $a) { nodes { id } } }',
  'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
  'mutation ($e: String!, $n: String!) { register(input: { email: $e, password: "mat-khau-123", displayName: $n }) { token } }',
  'mutation ($t: String!, $b: String!) { postFeedback(input: { kind: REPORT, title: $t, body: $b, categoryId: "x", placeId: "y", isPublic: true, idempotencyKey: $t }) { trackingCode } }',
  'mutation ($id: ID!, $b: String!, $c: String) { replyToThread(input: { threadId: $id, body: $b, trackingCode: $c }) { id } }',
  'mutation ($id: ID!, $r: String) { changeThreadStatus(input: { threadId: $id, status: REOPENED, reason: $r }) { id } }',
  'mutation ($id: ID!, $s: Int!) { rateThread(input: { threadId: $id, score: $s }) { id } }',
  'query ($id: ID!, $y: Int) { campaignReview(campaignId: $id, year: $y) { csv } }',
  'query ($u: ID) { units { id } categories { id } thread(id: $u) { id } }',
];

interface Outcome {
  status: number;
  body: string;
}

function send(
  method: string,
  path: string,
  body: string | Buffer | undefined,
  headers: Record<string, string>,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: server.app.port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    if (body !== undefined) request.end(body);
    else request.end();
  });
}

function hostileHttpRequest(rng: ReturnType<typeof random>, index: number) {
  const json = { 'content-type': 'application/json' };
  const variables = () =>
    Object.fromEntries(
      ['s', 'id', 'c', 'a', 'f', 'e', 'p', 'n', 't', 'b', 'r', 'u', 'y'].map((name) => [name, rng.pick(NASTY_VALUES)]),
    );
  const realVariables = () => ({
    s: rng.pick(NASTY_STRINGS),
    id: rng.pick([thread.id, randomUUID(), rng.pick(NASTY_STRINGS)]),
    c: rng.pick([thread.trackingCode, rng.pick(NASTY_STRINGS)]),
    a: rng.pick(NASTY_STRINGS),
    f: rng.pick([1, 0, -5, 101, 2 ** 31 - 1]),
    e: `${rng.pick(NASTY_STRINGS)}@example.vn`,
    p: rng.pick(NASTY_STRINGS),
    n: rng.pick(NASTY_STRINGS),
    t: rng.pick(NASTY_STRINGS),
    b: rng.pick(NASTY_STRINGS),
    r: rng.pick(NASTY_STRINGS),
    u: rng.pick([null, 'x']),
    y: rng.pick([2023, 0, -1, 99999]),
  });
  const token =
    rng.next() < 0.3 ? { authorization: rng.pick([`Bearer ${citizen}`, 'Bearer x.y.z', 'Basic abc', 'Bearer ']) } : {};
  switch (index % 12) {
    case 0:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: rng.pick(OPERATIONS), variables: variables() }),
      };
    case 1:
      return {
        method: 'POST',
        path: '/graphql',
        headers: { ...json, ...token },
        body: JSON.stringify({ query: rng.pick(OPERATIONS), variables: realVariables() }),
      };
    case 2:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: rng.pick([
          '{',
          '{"query":',
          'null',
          '[]',
          '"x"',
          '{"query":1}',
          '{"query":{}}',
          '{"query":"{ me { id } }","variables":"x"}',
          '{"query":"{ me { id } }","operationName":5}',
          '\u0000',
          '{"query":"{ me { id } }","extensions":5}',
        ]),
      };
    case 3:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: '{' + ' a: me { id }'.repeat(40 + Math.floor(rng.next() * 2000)) + '}' }),
      };
    case 4:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({
          query: `{ ${'threads { nodes { unit { parent {'.repeat(8)} id ${'} } } }'.repeat(8)} }`,
        }),
      };
    case 5:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
      };
    case 6:
      return {
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': rng.pick([
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/graphql',
          ]),
        },
        body: '{"query":"{ me { id } }"}',
      };
    case 7:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: `{ threads(filter: { search: "${'x'.repeat(30000)}" }) { totalCount } }` }),
      };
    case 8:
      return {
        method: rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'GET']),
        path: rng.pick([
          '/graphql',
          '/graphql/',
          '/graphql%00',
          '/%ff',
          '/graphql/../../etc/passwd',
          '/readyz?x=%00',
          '/%2e%2e/%2e%2e',
          '//graphql',
          '/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D',
        ]),
        headers: { 'apollo-require-preflight': 'true' },
        body: undefined,
      };
    case 9:
      return {
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent(rng.pick(OPERATIONS))}&variables=${encodeURIComponent(rng.pick(['{', '[]', JSON.stringify(variables())]))}`,
        headers: { 'apollo-require-preflight': 'true' },
        body: undefined,
      };
    case 10:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: 'subscription { boardEvents { cursor } }' }),
      };
    default:
      return {
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({
          query: '{ me { id } }',
          extensions: {
            persistedQuery: { version: rng.pick([1, 2, 'x']), sha256Hash: rng.pick(['', 'ab', 'z'.repeat(64)]) },
          },
        }),
      };
  }
}

/** What a hostile WebSocket client sends after the upgrade. */
function hostileSession(rng: ReturnType<typeof random>, index: number): Array<string | Buffer> {
  const init = JSON.stringify({
    type: 'connection_init',
    payload: rng.next() < 0.5 ? {} : { authToken: rng.pick(NASTY_VALUES) },
  });
  const subscribe = (payload: unknown) =>
    JSON.stringify({ id: rng.pick(['1', '', 'x'.repeat(300), '\u0000']), type: 'subscribe', payload });
  switch (index % 6) {
    case 0:
      return [rng.pick(['not json', '{', '[]', 'null', '5', '\u0000']), init];
    case 1:
      return [Buffer.from([0xff, 0xfe, 0x00, 0x01]), init];
    case 2:
      return [subscribe({ query: '{ me { id } }' }), init];
    case 3:
      return [init, init];
    case 4:
      return [
        init,
        subscribe({
          query: rng.pick([
            'subscription ($id: ID!, $c: String, $a: String) { threadEvents(threadId: $id, trackingCode: $c, after: $a) { cursor } }',
            'subscription ($u: ID, $a: String) { inboxEvents(unitId: $u, after: $a) { cursor } }',
            'subscription { boardEvents(after: "\\u0000") { cursor } }',
            '{ threads(filter: { search: "\\u0000" }) { totalCount } }',
            'subscription {',
            `{ ${'a: me { id } '.repeat(500)} }`,
          ]),
          variables: {
            id: rng.pick([thread.id, ...NASTY_STRINGS]),
            c: rng.pick(NASTY_VALUES),
            a: rng.pick(NASTY_VALUES),
            u: rng.pick(NASTY_VALUES),
          },
        }),
      ];
    default:
      return [
        init,
        subscribe(rng.pick([null, 5, 'x', { query: 5 }, { query: '{ me { id } }', variables: 'x' }])),
        'x'.repeat(30000),
      ];
  }
}

function runSession(messages: Array<string | Buffer>): Promise<{ closeCode: number; errors: string[] }> {
  return new Promise((resolve) => {
    const errors: string[] = [];
    const socket = new WebSocket(`ws://127.0.0.1:${server.app.port}/graphql`, 'graphql-transport-ws');
    const done = setTimeout(() => socket.close(1000), 1500);
    socket.on('open', () =>
      messages.forEach((message, index) =>
        setTimeout(() => socket.readyState === WebSocket.OPEN && socket.send(message), index * 50),
      ),
    );
    socket.on('message', (data) => {
      const text = String(data);
      if (text.includes('INTERNAL_SERVER_ERROR')) errors.push(text);
    });
    socket.on('error', () => undefined);
    socket.on('close', (code) => {
      clearTimeout(done);
      resolve({ closeCode: code, errors });
    });
  });
}

describe('hostile input', () => {
  it('hundreds of bad HTTP requests and WebSocket sessions: no 500, no INTERNAL_SERVER_ERROR, still ready', async () => {
    const rng = random(20261129);
    const http500: string[] = [];
    const internal: string[] = [];
    let requests = 0;
    for (let batch = 0; batch < 30; batch += 1) {
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, async (_, offset) => {
          const request = hostileHttpRequest(rng, batch * 10 + offset);
          return { request, outcome: await send(request.method, request.path, request.body, request.headers) };
        }),
      );
      for (const { request, outcome } of outcomes) {
        requests += 1;
        const what = `${request.method} ${request.path} ${String(request.body).slice(0, 200)} -> ${outcome.status} ${outcome.body.slice(0, 300)}`;
        if (outcome.status >= 500) http500.push(what);
        if (outcome.body.includes('INTERNAL_SERVER_ERROR')) internal.push(what);
      }
    }

    const sessions = [];
    for (let batch = 0; batch < 10; batch += 1) {
      sessions.push(
        ...(await Promise.all(
          Array.from({ length: 6 }, (_, offset) => runSession(hostileSession(rng, batch * 6 + offset))),
        )),
      );
    }
    const internalCloses = sessions.filter((session) => session.closeCode === 1011 || session.closeCode === 4500);
    internal.push(...sessions.flatMap((session) => session.errors));

    expect(requests).toBe(300);
    expect(sessions).toHaveLength(60);
    expect(http500).toEqual([]);
    expect(internal).toEqual([]);
    expect(internalCloses).toEqual([]);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await server.gql('{ me { id } }')).data).toEqual({ me: null });
  });
});
