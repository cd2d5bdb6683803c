import { RateLimitedError } from './errors.js';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Fixed-window counters kept in this process. Enough to slow password guessing on one
 * instance; several instances each keep their own counts.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws RATE_LIMITED when `key` has already been hit `limit` times in the current window. */
  assertAllowed(key: string, limit: number): void {
    const window = this.current(key);
    if (window && window.count >= limit) {
      throw new RateLimitedError(Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000)));
    }
  }

  hit(key: string, windowMs: number): void {
    this.sweep();
    const window = this.current(key);
    if (window) window.count += 1;
    else this.windows.set(key, { count: 1, resetAt: this.now() + windowMs });
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.resetAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
