// Request/response over the IPC channel of a forked child, and the probes every measured child answers.
import type { ChildProcess } from 'node:child_process';

export interface Request {
  rpc: number;
  type: string;
  payload?: unknown;
}
interface Reply {
  rpc: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}
/** What a child says without being asked: that it listens (with its port) or that it failed. */
export type Announcement = { type: 'ready'; port?: number } | { type: 'failed'; error: string };

export type Handlers = Record<string, (payload: never) => unknown>;

export interface Probe {
  cpuMicros: number;
  rssBytes: number;
  sqlStatements: number | null;
}

/** Answers the parent's requests with the given handlers; exits when the parent goes away. */
export function serveParent(handlers: Handlers, onDisconnect: () => void): void {
  process.on('message', (message: Request) => {
    if (typeof message?.rpc !== 'number') return;
    const reply = (body: Omit<Reply, 'rpc'>) => process.send?.({ rpc: message.rpc, ...body });
    Promise.resolve()
      .then(() => {
        const handler = handlers[message.type];
        if (!handler) throw new Error(`unknown request ${message.type}`);
        return handler(message.payload as never);
      })
      .then(
        (value) => reply({ ok: true, value }),
        (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  });
  process.on('disconnect', onDisconnect);
}

export function announce(announcement: Announcement): void {
  process.send?.(announcement);
}

/**
 * CPU used since start, RSS and SQL statements so far. With `gc` (the child runs with
 * --expose-gc) two full collections run first, so RSS holds only what is alive and the
 * collections' own CPU falls before the reading: a phase measured from such a probe to one
 * without gc does not pay for it.
 */
export function probe(sqlStatements: () => number | null, { gc = false } = {}): Probe {
  if (gc) {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (!collect) throw new Error('start the child with --expose-gc');
    collect();
    collect();
  }
  const { user, system } = process.cpuUsage();
  return { cpuMicros: user + system, rssBytes: process.memoryUsage.rss(), sqlStatements: sqlStatements() };
}

/** The parent's side: one pending promise per request id. */
export class ChildLink {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly announced: Promise<Announcement>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.announced = new Promise((resolve, reject) => {
      child.on('message', (message: Reply | Announcement) => {
        if ('rpc' in message) {
          const waiter = this.pending.get(message.rpc);
          this.pending.delete(message.rpc);
          if (message.ok) waiter?.resolve(message.value);
          else waiter?.reject(new Error(`${name}: ${message.error}`));
        } else if (message.type === 'ready') resolve(message);
        else reject(new Error(`${name} failed to start: ${message.error}`));
      });
      child.on('exit', (code, signal) => {
        const error = new Error(`${name} exited (${signal ?? `code ${code}`})`);
        reject(error);
        for (const waiter of this.pending.values()) waiter.reject(error);
        this.pending.clear();
      });
    });
    this.announced.catch(() => undefined);
  }

  call<T>(type: string, payload?: unknown, timeoutMs = 60_000): Promise<T> {
    const rpc = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rpc);
        reject(new Error(`${this.name} did not answer "${type}" within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(rpc, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      if (!this.child.connected) {
        this.pending.delete(rpc);
        clearTimeout(timer);
        reject(new Error(`${this.name} is gone`));
        return;
      }
      this.child.send({ rpc, type, payload } satisfies Request);
    });
  }

  async ready(timeoutMs: number): Promise<Announcement & { type: 'ready' }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} not ready within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      return (await Promise.race([this.announced, timeout])) as Announcement & { type: 'ready' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Asks nicely (the child stops in order), then SIGKILL after graceMs. */
  async stop(graceMs = 15_000): Promise<void> {
    const { child } = this;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
