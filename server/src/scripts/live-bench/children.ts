// Forking the bench's children, and waiting on the clients.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { Progress } from './client.js';
import { ChildLink } from './ipc.js';

export const now = () => performance.timeOrigin + performance.now();

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Forks a bench child under tsx with --expose-gc; `stop()` on the link ends it. */
export function forkChild(name: string, file: string, env: Record<string, string> = {}): ChildLink {
  const child = fork(here(file), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new ChildLink(name, child);
}

export async function progressOf(clients: ChildLink[]): Promise<Progress> {
  const all = await Promise.all(clients.map((client) => client.call<Progress>('progress')));
  return all.reduce((sum, one) => ({
    open: sum.open + one.open,
    received: sum.received + one.received,
    ready: sum.ready + one.ready,
    problems: sum.problems + one.problems,
    firstProblems: [...sum.firstProblems, ...one.firstProblems].slice(0, 5),
  }));
}

/** Polls the clients until `done` holds; fails with `what` and the last progress after timeoutMs. */
export async function waitFor(
  clients: ChildLink[],
  done: (progress: Progress) => boolean,
  what: string,
  timeoutMs: number,
): Promise<Progress> {
  const started = now();
  for (;;) {
    const progress = await progressOf(clients);
    if (done(progress)) return progress;
    if (progress.problems > 0) {
      throw new Error(
        `while waiting for ${what}: ${progress.problems} problems, e.g. ${progress.firstProblems.join('; ')}`,
      );
    }
    if (now() - started > timeoutMs) {
      throw new Error(
        `timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}: ${JSON.stringify(progress)}`,
      );
    }
    await sleep(100);
  }
}

/**
 * Waits until the deliveries of the event sent at `sentAt` are over: something arrived, nothing
 * more for quietMs, and at least gapMs since the send (so events do not overlap). Returns false
 * on timeout; what is still missing then shows as lost.
 */
export async function settle(
  clients: ChildLink[],
  sentAt: number,
  baseline: number,
  options: { gapMs: number; quietMs: number; timeoutMs: number },
): Promise<boolean> {
  let last = baseline;
  let lastChange = now();
  for (;;) {
    await sleep(100);
    const { received } = await progressOf(clients);
    const time = now();
    if (received !== last) {
      last = received;
      lastChange = time;
    }
    if (received > baseline && time - lastChange >= options.quietMs && time - sentAt >= options.gapMs) return true;
    if (time - sentAt > options.timeoutMs) return false;
  }
}
