import { PRIVACY_NOTICE } from '../../server/src/shared/privacy-notice.js';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/process.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nghe-dan-restart-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the real entry point as a user would, with no DATABASE_URL: embedded PostgreSQL. */
const startEmbedded = () => startServerProcess({ DATA_DIR: dataDir, DEMO_PASSWORD: 'restart-demo-pass' });

async function gql(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, { user?: { email: string } } | unknown[]>;
    errors?: unknown[];
  };
}

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { user { email } } }';
const credentials = { email: 'restart@example.vn', password: 'survives-restarts' };

describe('npm start on embedded PostgreSQL', () => {
  it('keeps data across a restart and shuts down cleanly on Ctrl-C', async () => {
    const first = await startEmbedded();
    const registered = await gql(
      first.url,
      'mutation ($input: RegisterInput!) { register(input: $input) { user { email } } }',
      { input: { ...credentials, displayName: 'Khách', consentVersion: PRIVACY_NOTICE.version } },
    );
    expect(registered.errors).toBeUndefined();
    const unitsBefore = (await gql(first.url, '{ units { code } }')).data?.units as unknown[];
    expect(unitsBefore.length).toBeGreaterThan(50);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('stopped cleanly');
    expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(false);

    const second = await startEmbedded();
    const login = await gql(second.url, LOGIN, { input: credentials });
    expect(login.data?.login).toEqual({ user: { email: credentials.email } });
    const unitsAfter = (await gql(second.url, '{ units { code } }')).data?.units as unknown[];
    expect(unitsAfter).toHaveLength(unitsBefore.length);
    expect(second.output()).not.toContain('demo data loaded');

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(false);
  }, 120_000);
});
