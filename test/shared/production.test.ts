import { beforeAll, describe, expect, it } from 'vitest';
import { overSocket, startTestServer, type TestServer } from '../support/server.js';

const INTROSPECTION = '{ __schema { queryType { name } } }';

describe('a production server', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The layers behind trusted documents (trusted-documents.test.ts runs production with them on).
    server = await startTestServer({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'off' });
  });

  it('refuses introspection over HTTP and WebSocket', async () => {
    const http = await server.gql(INTROSPECTION);
    expect(http.data ?? null).toBeNull();
    expect(http.errors?.[0]?.message).toMatch(/introspection/i);
    const ws = await overSocket(server.socket(), INTROSPECTION);
    expect(ws.data ?? null).toBeNull();
    expect(ws.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('masks a database failure as INTERNAL_SERVER_ERROR carrying the request id, on both transports', async () => {
    await server.app.orm.em.getConnection().execute('alter table categories rename to categories_gone');
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42' },
        body: JSON.stringify({ query: '{ categories { code } }' }),
      });
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: unknown }> };
      expect(body.errors).toEqual([
        {
          message: 'Internal server error.',
          path: ['categories'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'trace-me-42' },
        },
      ]);
      const ws = await overSocket(server.socket(), '{ categories { code } }');
      expect(ws.errors?.[0]).toMatchObject({
        message: 'Internal server error.',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(ws)).not.toContain('categories_gone');
    } finally {
      await server.app.orm.em.getConnection().execute('alter table categories_gone rename to categories');
    }
  });
});
