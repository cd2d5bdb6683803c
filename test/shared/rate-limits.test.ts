import { PRIVACY_NOTICE } from '../../server/src/shared/privacy-notice.js';
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type RateLimitName } from '../../server/src/config.js';
import { createLogger } from '../../server/src/shared/logger.js';
import { RateLimits } from '../../server/src/shared/rate-limits.js';
import { directory, post, POST, REPLY, type Directory } from '../support/dialogue.js';
import { DEMO_PASSWORD, overSocket, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
beforeAll(async () => {
  server = await startTestServer({
    TRUST_PROXY: 'loopback',
    RATE_LIMIT_LOGIN_FAILURES: '5/15m',
    RATE_LIMIT_LOGIN_ADDRESS_FAILURES: '8/15m',
    RATE_LIMIT_LOGIN_SLOWDOWN: '6/1h',
    RATE_LIMIT_PASSWORD_CHANGE_FAILURES: '3/15m',
    RATE_LIMIT_SIGN_UPS: '2/1h',
    RATE_LIMIT_ANONYMOUS_POSTS: '3/1h',
    RATE_LIMIT_ACCOUNT_POSTS: '2/1h',
    RATE_LIMIT_REPLIES: '2/10m',
    RATE_LIMIT_TRACKING_CODE_MISSES: '3/15m',
    RATE_LIMIT_TRACKING_CODE_LOOKUPS: '6/10m',
  });
  dir = await directory(server);
});

let nextAddress = 1;
/** A client address of its own (TRUST_PROXY=loopback believes X-Forwarded-For from the tests). */
const newAddress = () => `203.0.113.${nextAddress++}`;
const from = (address: string) => ({ 'x-forwarded-for': address });

type Result = { errors?: Array<{ extensions?: Record<string, unknown> }>; data?: unknown };
const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code;
const retryAfterOf = (result: Result) => result.errors?.[0]?.extensions?.retryAfter;

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const login = (email: string, password: string, address: string) =>
  server.gql(LOGIN, { variables: { input: { email, password } }, headers: from(address) });

describe('sign-in: nobody can lock the owner out', () => {
  it('wrong passwords from one address stop that address only; the owner signs in from elsewhere', async () => {
    const attacker = newAddress();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(codeOf(await login('dan@nghedan.demo', 'wrong-password', attacker))).toBe('UNAUTHENTICATED');
    }
    const blocked = await login('dan@nghedan.demo', DEMO_PASSWORD, attacker);
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(retryAfterOf(blocked)).toBeGreaterThan(0);
    // A second attacking address pushes the account past its slow-down threshold: slower, never shut.
    const second = newAddress();
    for (let attempt = 0; attempt < 3; attempt += 1) await login('dan@nghedan.demo', 'wrong-password', second);
    const owner = await login('dan@nghedan.demo', DEMO_PASSWORD, newAddress());
    expect(owner.errors).toBeUndefined();
    expect(owner.data).toMatchObject({ login: { token: expect.any(String) } });
  });

  it('one address spraying many accounts is stopped; other addresses are not', async () => {
    const sprayer = newAddress();
    for (let index = 0; index < 8; index += 1) await login(`nobody${index}@example.vn`, 'wrong-password', sprayer);
    expect(codeOf(await login('kbinh@nghedan.demo', DEMO_PASSWORD, sprayer))).toBe('RATE_LIMITED');
    expect((await login('kbinh@nghedan.demo', DEMO_PASSWORD, newAddress())).errors).toBeUndefined();
  });

  it('limits current-password guesses in changePassword per account', async () => {
    const token = await server.login('lh.nb@nghedan.demo');
    const change = (currentPassword: string) =>
      server.gql('mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }', {
        token,
        variables: { input: { currentPassword, newPassword: 'a-new-password-1' } },
        headers: from(newAddress()),
      });
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect(codeOf(await change(`guess-${attempt}`))).toBe('BAD_USER_INPUT');
    const limited = await change(DEMO_PASSWORD);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(retryAfterOf(limited)).toBeGreaterThan(0);
  });

  it('limits sign-ups per address', async () => {
    const address = newAddress();
    const register = () =>
      server.gql('mutation ($input: RegisterInput!) { register(input: $input) { token } }', {
        variables: {
          input: {
            email: `${randomUUID()}@example.vn`,
            password: 'mat-khau-123',
            displayName: 'Lan',
            consentVersion: PRIVACY_NOTICE.version,
          },
        },
        headers: from(address),
      });
    expect((await register()).errors).toBeUndefined();
    expect((await register()).errors).toBeUndefined();
    expect(codeOf(await register())).toBe('RATE_LIMITED');
  });
});

function postInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'REPORT',
    title: 'Đường liên thôn xuống cấp',
    body: 'Đoạn đường qua thôn bị sạt lở sau mưa lớn, xe máy đi lại rất nguy hiểm.',
    categoryId: dir.category('INFRASTRUCTURE'),
    placeId: dir.unit('LH.NB'),
    isPublic: true,
    anonymous: true,
    idempotencyKey: randomUUID(),
    consentVersion: PRIVACY_NOTICE.version,
    ...overrides,
  };
}

describe('posting and replying', () => {
  it('limits anonymous posts per address; a retry of an earlier post still answers', async () => {
    const address = newAddress();
    const send = (input: Record<string, unknown>) => server.gql(POST, { variables: { input }, headers: from(address) });
    const first = postInput();
    expect((await send(first)).errors).toBeUndefined();
    expect((await send(postInput())).errors).toBeUndefined();
    expect((await send(postInput())).errors).toBeUndefined();
    const fourth = await send(postInput());
    expect(codeOf(fourth)).toBe('RATE_LIMITED');
    expect(retryAfterOf(fourth)).toBeGreaterThan(0);
    expect((await send(first)).errors).toBeUndefined();
    expect(
      (await server.gql(POST, { variables: { input: postInput() }, headers: from(newAddress()) })).errors,
    ).toBeUndefined();
  });

  it('limits signed-in posts per account, from any address', async () => {
    const token = await server.login('kbinh@nghedan.demo');
    const send = () =>
      server.gql(POST, { token, variables: { input: postInput({ anonymous: false }) }, headers: from(newAddress()) });
    expect((await send()).errors).toBeUndefined();
    expect((await send()).errors).toBeUndefined();
    expect(codeOf(await send())).toBe('RATE_LIMITED');
  });

  it('limits replies', async () => {
    const officer = await server.login('lh.nb@nghedan.demo');
    const thread = await post(server, dir, { anonymous: true, place: 'LH.NB', headers: from(newAddress()) });
    const reply = () =>
      server.gql(REPLY, { token: officer, variables: { input: { threadId: thread.id, body: 'Đã tiếp nhận.' } } });
    expect((await reply()).errors).toBeUndefined();
    expect((await reply()).errors).toBeUndefined();
    expect(codeOf(await reply())).toBe('RATE_LIMITED');
  });
});

describe('tracking-code guesses', () => {
  const BY_CODE = 'query ($code: String!) { threadByTrackingCode(trackingCode: $code) { id } }';

  it('after a few codes that open nothing, the address is refused, even with a right code; others are not', async () => {
    const thread = await post(server, dir, { anonymous: true, isPublic: false, headers: from(newAddress()) });
    const guesser = newAddress();
    const lookUp = (code: string, address: string) =>
      server.gql(BY_CODE, { variables: { code }, headers: from(address) });
    expect(codeOf(await lookUp('AAAA-AAAA-AAAA-AAAA', guesser))).toBe('NOT_FOUND');
    // A guess against a public thread's viewerIsAuthor counts too.
    const board = await post(server, dir, { anonymous: true, isPublic: true, headers: from(newAddress()) });
    const probe = await server.gql(
      'query ($id: ID!, $code: String) { thread(id: $id, trackingCode: $code) { viewerIsAuthor } }',
      { variables: { id: board.id, code: 'BBBB-BBBB-BBBB-BBBB' }, headers: from(guesser) },
    );
    expect(probe.data).toEqual({ thread: { viewerIsAuthor: false } });
    expect(codeOf(await lookUp('CCCC-CCCC-CCCC-CCCC', guesser))).toBe('NOT_FOUND');
    const refused = await lookUp(thread.trackingCode!, guesser);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(retryAfterOf(refused)).toBeGreaterThan(0);
    expect((await lookUp(thread.trackingCode!, newAddress())).data).toEqual({
      threadByTrackingCode: { id: thread.id },
    });
  });

  it('counts subscriptions with a tracking code, by the WebSocket client address', async () => {
    const thread = await post(server, dir, { anonymous: true, isPublic: false, headers: from(newAddress()) });
    const address = newAddress();
    class FromAddress extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: from(address) });
      }
    }
    const client = createClient({
      url: `ws://127.0.0.1:${server.app.port}/graphql`,
      webSocketImpl: FromAddress,
      retryAttempts: 0,
      lazy: true,
    });
    try {
      const SUBSCRIBE =
        'subscription ($id: ID!, $code: String) { threadEvents(threadId: $id, trackingCode: $code) { type } }';
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const result = await overSocket(client, SUBSCRIBE, { id: thread.id, code: `WRONG-${attempt}` });
        expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
      const refused = await overSocket(client, SUBSCRIBE, { id: thread.id, code: thread.trackingCode });
      expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await client.dispose();
    }
  });

  it('limits look-ups per address even when every code is right', async () => {
    const thread = await post(server, dir, { anonymous: true, isPublic: false, headers: from(newAddress()) });
    const address = newAddress();
    const results = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      results.push(
        codeOf(await server.gql(BY_CODE, { variables: { code: thread.trackingCode }, headers: from(address) })),
      );
    }
    expect(results).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 'RATE_LIMITED']);
  });
});

describe('the service', () => {
  const rules = (overrides: Partial<Record<RateLimitName, string>> = {}) =>
    loadConfig({ RATE_LIMIT_REPLIES: '2/1m', RATE_LIMIT_LOGIN_SLOWDOWN: '1/1m', ...overrides }).rateLimits;
  const log = createLogger('silent');
  const opened: RateLimits[] = [];
  afterAll(() => Promise.all(opened.map((limits) => limits.close())));

  it('in memory: refuses past the rule with retryAfter, slows down without refusing', async () => {
    const limits = RateLimits.create(rules(), undefined, log);
    opened.push(limits);
    await limits.consume('replies', 'a');
    await limits.consume('replies', 'a');
    await expect(limits.consume('replies', 'a')).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) },
    });
    await limits.consume('replies', 'b');
    expect(await limits.slowDown('loginSlowdown', 'x')).toBe(0);
    await limits.penalize('loginSlowdown', ['x'], 2);
    expect(await limits.slowDown('loginSlowdown', 'x')).toBe(250);
  });

  it.skipIf(!process.env.REDIS_URL)('with Redis: instances count together', async () => {
    const first = RateLimits.create(rules(), process.env.REDIS_URL, log);
    const second = RateLimits.create(rules(), process.env.REDIS_URL, log);
    opened.push(first, second);
    const key = randomUUID();
    // The connection may still be opening: the in-memory insurance answers until it is ready.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await first.consume('replies', key);
    await second.consume('replies', key);
    await expect(first.consume('replies', key)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
  });
});
