import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { afterAll } from 'vitest';
import { projectRoot } from '../../server/src/config.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

/**
 * Runs the real entry point (`server/src/main.ts`, or its build) as a user would, with only the given
 * environment, and resolves once it prints its URL.
 */
export async function startServerProcess(
  env: Record<string, string>,
  /** What to run: the TypeScript source through tsx (the default), or the compiled build. */
  entry: 'source' | 'compiled' = 'source',
): Promise<ServerProcess> {
  const args = entry === 'source' ? ['--import', 'tsx', 'server/src/main.ts'] : ['dist/server/main.js'];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), PORT: '0', LOG_LEVEL: 'info', ...env },
  });
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
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { url, child, exited, output: () => output };
}
