import { PRIVACY_NOTICE } from '../../server/src/shared/privacy-notice.js';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectionTokenFrom } from '../../server/src/shared/request-context.js';
import { directory, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
});

const NUL = 'có\u0000ký tự NUL';

async function raw(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('malformed GraphQL answers 4xx with a typed code, never 500', () => {
  it.each([
    ['a syntax error', '{ me { '],
    ['a document over the token limit', `{ ${'__typename '.repeat(1200)} }`],
  ])('%s is GRAPHQL_PARSE_FAILED with HTTP 400', async (_what, query) => {
    const result = await raw({ query });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('an APQ hash that does not match the query is BAD_REQUEST with HTTP 400', async () => {
    const result = await raw({
      query: '{ me { email } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a refused bearer token is UNAUTHENTICATED with HTTP 401, not 500', async () => {
    const result = await raw({ query: '{ me { email } }' }, { authorization: 'Bearer not-a-token' });
    expect(result.status).toBe(401);
    expect(JSON.parse(result.body).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('a subscription sent over HTTP is BAD_REQUEST with HTTP 400', async () => {
    const result = await raw({ query: 'subscription { boardEvents { cursor } }' });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body).errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
  });
});

describe('a NUL character in any text is BAD_USER_INPUT', () => {
  const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.[0]?.extensions?.code;

  it('in a search, literal or variable', async () => {
    expect(codeOf(await server.gql('{ threads(filter: { search: "a\\u0000b" }) { totalCount } }'))).toBe(
      'BAD_USER_INPUT',
    );
    const viaVariable = await server.gql('query ($s: String) { threads(filter: { search: $s }) { totalCount } }', {
      variables: { s: NUL },
    });
    expect(viaVariable.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });

  it.each(['title', 'body'])('in a post %s', async (field) => {
    const input = {
      kind: 'REPORT',
      title: 'Đường liên thôn xuống cấp',
      body: 'Đoạn đường qua thôn bị sạt lở sau mưa lớn.',
      categoryId: dir.category('INFRASTRUCTURE'),
      placeId: dir.unit('LH.NB'),
      isPublic: true,
      anonymous: true,
      idempotencyKey: randomUUID(),
      consentVersion: PRIVACY_NOTICE.version,
      [field]: `${NUL} và đủ dài để hợp lệ`,
    };
    const result = await server.gql(
      'mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { trackingCode } }',
      {
        variables: { input },
      },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('in an e-mail or a name', async () => {
    const login = await server.gql('mutation ($input: LoginInput!) { login(input: $input) { token } }', {
      variables: { input: { email: `dan\u0000@nghedan.demo`, password: 'whatever-1' } },
    });
    expect(codeOf(login)).toBe('BAD_USER_INPUT');
    const register = await server.gql('mutation ($input: RegisterInput!) { register(input: $input) { token } }', {
      variables: {
        input: {
          email: 'nul@example.vn',
          password: 'mat-khau-123',
          displayName: NUL,
          consentVersion: PRIVACY_NOTICE.version,
        },
      },
    });
    expect(codeOf(register)).toBe('BAD_USER_INPUT');
  });
});

describe('unknown paths under /graphql answer JSON', () => {
  it.each(['/graphql%00', '/graphqlx', '/graphql%2e%2e'])('GET %s is a JSON 404', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await response.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });
});

describe('WebSocket connection_init with a token that is not a string', () => {
  function closeCodeFor(payload: unknown): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.app.port}/graphql`, 'graphql-transport-ws');
      const timer = setTimeout(() => reject(new Error('no answer to connection_init')), 10_000);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') {
          clearTimeout(timer);
          socket.close(1000);
          resolve(1000);
        }
      });
      socket.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
      socket.on('error', reject);
    });
  }

  it.each([
    ['a number', 42],
    ['an object', { token: 'x' }],
    ['an array', ['x']],
    ['a boolean', true],
    ['an empty string', ''],
    ['blank', '   '],
  ])('refuses %s with 4403', async (_what, authToken) => {
    expect(await closeCodeFor({ authToken })).toBe(4403);
  });

  it.each([
    ['no payload', undefined],
    ['no token', {}],
    ['a null token', { authToken: null }],
  ])('accepts %s as anonymous', async (_what, payload) => {
    expect(await closeCodeFor(payload)).toBe(1000);
  });

  it('connectionTokenFrom: the pure rule', () => {
    expect(connectionTokenFrom({})).toBeUndefined();
    expect(connectionTokenFrom({ authToken: null })).toBeUndefined();
    expect(connectionTokenFrom({ authToken: 'Bearer abc' })).toBe('abc');
    expect(connectionTokenFrom({ Authorization: 'abc' })).toBe('abc');
    for (const bad of [0, 1, {}, [], false, true, '', ' ']) expect(connectionTokenFrom({ authToken: bad })).toBeNull();
  });
});
