import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});

describe('security headers', () => {
  it.each(['/', '/threads/some-thread', '/healthz'])('%s carries a strict Content-Security-Policy', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    const policy = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it.each(['/', '/graphql'])('%s says nosniff, no framing and no referrer', async (path) => {
    const response = await fetch(`${server.url}${path}`, {
      method: path === '/graphql' ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json' },
      body: path === '/graphql' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
