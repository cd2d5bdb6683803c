// One measured phase of bench:api: autocannon against a server for a while, with the server's
// own CPU (its probe) and PostgreSQL's CPU (the backends of the bench's database, from /proc).
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { ChildLink } from '../live-bench/ipc.js';
import type { Probe } from '../live-bench/ipc.js';

export interface Figures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Server process CPU per request, ms. */
  appCpuMs: number;
  /** PostgreSQL backends' CPU per request, ms; null where /proc cannot tell (PostgreSQL elsewhere). */
  pgCpuMs: number | null;
  failures: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU ticks so far of each backend connected to `database` (empty when /proc is not ours). */
async function backendTicks(admin: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields after the command (which is in parentheses): utime and stime are 14th and 15th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // Not on this machine, or gone.
    }
  }
  return ticks;
}

export interface Target {
  url: string;
  headers: Record<string, string>;
  body: () => string;
  server: ChildLink;
}

/**
 * Runs autocannon for `seconds` with `connections` clients, after `warmup` seconds unmeasured; a
 * request unanswered after `timeout` seconds counts as failed.
 */
export async function measure(
  target: Target,
  connections: number,
  { seconds, warmup, timeout }: { seconds: number; warmup: number; timeout: number },
  db: { admin: pg.Client; name: string; local: boolean },
): Promise<Figures> {
  const run = (duration: number) =>
    autocannon({
      url: target.url,
      method: 'POST',
      connections,
      duration,
      timeout,
      headers: { 'content-type': 'application/json', ...target.headers },
      requests: [{ setupRequest: (request) => ({ ...request, body: target.body() }) }],
    });
  if (warmup > 0) await run(warmup);
  const before = await target.server.call<Probe>('probe', { gc: true });
  const pgBefore = db.local ? await backendTicks(db.admin, db.name) : new Map<number, number>();
  const result = await run(seconds);
  const after = await target.server.call<Probe>('probe', {});
  const pgAfter = db.local ? await backendTicks(db.admin, db.name) : new Map<number, number>();
  let pgTicks = 0;
  for (const [pid, ticks] of pgAfter) pgTicks += ticks - (pgBefore.get(pid) ?? 0);
  const requests = Math.max(1, result.requests.total);
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    appCpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / requests,
    pgCpuMs: db.local ? ((pgTicks / TICKS_PER_SECOND) * 1000) / requests : null,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
