import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nghe-dan-restart-'));
const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Started {
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  child: ChildProcess;
}

/** Runs the real entry point as a user would, with no DATABASE_URL: embedded PostgreSQL. */
async function startServerProcess(): Promise<Started> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'info',
    DEMO_PASSWORD: 'restart-demo-pass',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: projectRoot, env });
  running.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Nghe Dân: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { url, output: () => output, exited, child };
}

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
    const first = await startServerProcess();
    const registered = await gql(
      first.url,
      'mutation ($input: RegisterInput!) { register(input: $input) { user { email } } }',
      { input: { ...credentials, displayName: 'Khách' } },
    );
    expect(registered.errors).toBeUndefined();
    const unitsBefore = (await gql(first.url, '{ units { code } }')).data?.units as unknown[];
    expect(unitsBefore.length).toBeGreaterThan(50);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('stopped cleanly');
    expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(false);

    const second = await startServerProcess();
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
