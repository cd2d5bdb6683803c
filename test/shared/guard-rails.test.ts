import { beforeAll, describe, expect, it } from 'vitest';
import { overSocket, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let unitId: string;
beforeAll(async () => {
  server = await startTestServer({
    GRAPHQL_MAX_DEPTH: '4',
    GRAPHQL_MAX_ALIASES: '3',
    GRAPHQL_MAX_TOKENS: '200',
  });
  const units = await server.gql<{
    units: Array<{ id: string; code: string }>;
  }>('{ units { id code } }');
  unitId = units.data!.units.find((unit) => unit.code === 'LH.NB.T1')!.id;
});

/** `unit { parent { parent … { code } } }`: depth is the number of nested selections. */
const depth = (levels: number) =>
  `query ($id: ID!) { unit(id: $id) { ${'parent { '.repeat(levels - 2)}code${' }'.repeat(levels - 2)} } }`;
const aliases = (count: number) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: categories { code }`).join(' ')} }`;

describe('query limits, the same on HTTP and WebSocket', () => {
  it('runs a query within the limits on both transports', async () => {
    const http = await server.gql(depth(4), { variables: { id: unitId } });
    expect(http.errors).toBeUndefined();
    expect(http.data).toEqual({ unit: { parent: { parent: { code: 'LH' } } } });
    const ws = await overSocket(server.socket(), depth(4), { id: unitId });
    expect(ws).toEqual({ data: http.data });
  });

  it.each([
    ['too deep', () => depth(5), /depth/i],
    ['too many aliases', () => aliases(4), /aliases/i],
    ['too many tokens', () => `{ ${'categories { code name nameEn } '.repeat(40)} }`, /token/i],
  ])('refuses a query that is %s on both transports', async (_label, query, message) => {
    const http = await server.gql(query(), { variables: { id: unitId } });
    expect(http.data ?? null).toBeNull();
    expect(http.errors?.[0]?.message).toMatch(message);
    const ws = await overSocket(server.socket(), query(), { id: unitId });
    expect(ws.data ?? null).toBeNull();
    expect(ws.errors?.[0]?.message).toMatch(message);
  });

  it('hides field suggestions', async () => {
    const http = await server.gql('{ categorie { code } }');
    expect(http.errors?.[0]?.message).toBe('Cannot query field "categorie" on type "Query".');
    const ws = await overSocket(server.socket(), '{ categorie { code } }');
    expect(ws.errors?.[0]?.message).toBe('Cannot query field "categorie" on type "Query".');
  });
});

describe('HTTP request rules', () => {
  it('refuses a simple cross-site POST (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a body over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ me { email } }',
        variables: { padding: 'x'.repeat(200 * 1024) },
      }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers the health probes', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({
      status: 'ok',
    });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({
      status: 'ready',
    });
  });
});

describe('WebSocket authentication', () => {
  const closeCode = (connectionParams: Record<string, unknown>) =>
    new Promise<number>((resolve) => {
      const client = server.socket(connectionParams);
      client.on('closed', (event) => resolve((event as { code: number }).code));
      client.subscribe(
        { query: '{ me { email } }' },
        {
          next: () => undefined,
          error: () => undefined,
          complete: () => undefined,
        },
      );
    });

  it('closes the socket with 4403 for a bad token, never downgrading to anonymous', async () => {
    expect(await closeCode({ authToken: 'not-a-token' })).toBe(4403);
    const token = await server.login('dan@nghedan.demo');
    expect(await closeCode({ authToken: `${token.slice(0, -4)}AAAA` })).toBe(4403);
  });

  it('knows the viewer from a good token and serves anonymous sockets without one', async () => {
    const token = await server.login('dan@nghedan.demo');
    expect(await overSocket(server.socket({ authToken: token }), '{ me { email } }')).toEqual({
      data: { me: { email: 'dan@nghedan.demo' } },
    });
    expect(await overSocket(server.socket(), '{ me { email } }')).toEqual({
      data: { me: null },
    });
  });
});
