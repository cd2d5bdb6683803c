import type { EventBus, ThreadNotice } from '../shared/event-bus.js';

/**
 * Turns the event bus into "the dashboard changed" ticks for one subscriber: at most one per
 * `intervalMs`, whatever the event rate; a burst yields one tick at the end of the window.
 */
export class DashboardTicks implements AsyncIterableIterator<Date> {
  private lastTick = 0;
  private timer: NodeJS.Timeout | undefined;
  private ready: Date[] = [];
  private wake: (() => void) | undefined;
  private finished = false;
  private readonly unlisten: () => void;

  constructor(
    bus: EventBus,
    relevant: (notice: ThreadNotice) => boolean,
    private readonly intervalMs = 1000,
  ) {
    this.unlisten = bus.listen('threads', (notices) => {
      if (this.finished || this.timer || !notices.some(relevant)) return;
      const wait = Math.max(0, this.lastTick + this.intervalMs - Date.now());
      this.timer = setTimeout(() => this.tick(), wait);
    });
  }

  private tick(): void {
    this.timer = undefined;
    this.lastTick = Date.now();
    // A subscriber that has not read the last tick yet gets only the newest one.
    this.ready = [new Date(this.lastTick)];
    this.wake?.();
  }

  async next(): Promise<IteratorResult<Date>> {
    while (!this.finished) {
      const at = this.ready.shift();
      if (at) return { value: at, done: false };
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<Date>> {
    this.finished = true;
    clearTimeout(this.timer);
    this.unlisten();
    this.wake?.();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Date> {
    return this;
  }
}
