import { serverAudits, type AuditResult } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';

interface Audited {
  results: AuditResult[];
  /** Every HTTP status the audit's requests got. */
  statuses: number[];
}

/** Runs graphql-http's GraphQL-over-HTTP server audit against a started server. */
async function audit(env: Record<string, string>): Promise<Audited> {
  const server = await startTestServer(env);
  const statuses: number[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  const results: AuditResult[] = [];
  for (const { fn } of serverAudits({ url: `${server.url}/graphql`, fetchFn })) results.push(await fn());
  return { results, statuses };
}

const count = (results: Audited['results'], status: AuditResult['status']) =>
  results.filter((result) => result.status === status);

describe("graphql-http's server audit", () => {
  it('development: no worse than plain Apollo Server 5 (54 ok, 3 notices, 3 warnings, 0 errors), no 5xx', async () => {
    const { results, statuses } = await audit({ NODE_ENV: 'development' });
    const summary = Object.fromEntries(
      (['ok', 'notice', 'warn', 'error'] as const).map((status) => [status, count(results, status).length]),
    );
    expect(count(results, 'error').map((result) => result.name)).toEqual([]);
    expect(summary.ok).toBeGreaterThanOrEqual(54);
    expect(summary.notice).toBeLessThanOrEqual(3);
    expect(summary.warn).toBeLessThanOrEqual(3);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });

  // The audit is a third-party client sending its own documents: with trusted documents on it is
  // refused as such (next test); with them off it checks the protocol behind them.
  it('production: the only errors are introspection being off, no 5xx', async () => {
    const { results, statuses } = await audit({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'off' });
    const errors = count(results, 'error');
    for (const error of errors) {
      // These audits query __type or __schema, which production refuses (GraphQL introspection off).
      const body = 'response' in error ? await error.response.clone().text() : '';
      expect(body, `${error.name}: ${'reason' in error ? error.reason : ''}`).toMatch(/introspection/i);
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });

  it('production with trusted documents: the only errors are its refusals and introspection, no 5xx', async () => {
    const { results, statuses } = await audit({ NODE_ENV: 'production' });
    for (const error of count(results, 'error')) {
      const body = 'response' in error ? await error.response.clone().text() : '';
      expect(body, `${error.name}: ${'reason' in error ? error.reason : ''}`).toMatch(
        /FORBIDDEN_OPERATION|introspection/i,
      );
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});
