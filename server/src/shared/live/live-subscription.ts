import type { LivePlan } from './live-plan.js';

/** One socket, as the live hub sees it: messages already serialised go straight to it. */
export interface LiveSink {
  /**
   * Queues one text message per payload, each `head + payload + tail` (UTF-8), in order and
   * together (one system call where the transport allows); false when the socket is closing or
   * was just cut as a slow consumer.
   */
  write(head: Uint8Array, payloads: readonly Uint8Array[], tail: Uint8Array): boolean;
}

/** What a WebSocket operation gives a live subscription: where to write and what to run. */
export interface LiveChannel {
  readonly subscriptionId: string;
  readonly sink: LiveSink;
  /** The shared plan of this operation's document; released when the subscription ends. */
  acquirePlan(): LivePlan;
}

const DONE: IteratorResult<never, undefined> = { done: true, value: undefined };
const TAIL = Buffer.from('}');

/**
 * The async iterator graphql-ws drives for a shared live subscription. It never yields: the hub
 * writes frames it rendered once per audience straight to the socket (graphql-ws would serialise
 * every result once per subscriber). It ends when the client completes or the socket closes
 * (graphql-ws calls `return`), or when the hub ends it, for example because the viewer lost the
 * right to follow (`end`, and graphql-ws sends `complete`) or the stream failed (`fail`).
 */
export class LiveSubscription implements AsyncIterableIterator<never, undefined> {
  /** The bytes of a `next` message before its payload: the payload itself is shared by an audience. */
  private readonly head: Buffer;
  private resolveNext: ((result: IteratorResult<never, undefined>) => void) | undefined;
  private rejectNext: ((error: unknown) => void) | undefined;
  private failure: unknown;
  private finished = false;

  constructor(
    subscriptionId: string,
    private readonly sink: LiveSink,
    private readonly onFinish: () => void,
  ) {
    this.head = Buffer.from(`{"id":${JSON.stringify(subscriptionId)},"type":"next","payload":`);
  }

  get closed(): boolean {
    return this.finished;
  }

  /** Writes one `next` message per payload (serialised JSON, UTF-8) at once; false once it cannot. */
  send(payloads: readonly Uint8Array[]): boolean {
    return !this.finished && payloads.length > 0 && this.sink.write(this.head, payloads, TAIL);
  }

  /** Ends the stream from the server side: graphql-ws tells the client it is complete. */
  end(): void {
    this.finish();
  }

  /** Ends the stream with an error message to the client. */
  fail(error: unknown): void {
    if (this.finished) return;
    this.failure = error ?? new Error('live stream failed');
    const reject = this.rejectNext;
    this.finish(false);
    reject?.(this.failure);
  }

  next(): Promise<IteratorResult<never, undefined>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.finished) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => {
      this.resolveNext = resolve;
      this.rejectNext = reject;
    });
  }

  return(): Promise<IteratorResult<never, undefined>> {
    this.finish();
    return Promise.resolve(DONE);
  }

  throw(error?: unknown): Promise<IteratorResult<never, undefined>> {
    this.finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(resolve = true): void {
    if (this.finished) return;
    this.finished = true;
    const settle = this.resolveNext;
    this.resolveNext = undefined;
    this.rejectNext = undefined;
    this.onFinish();
    if (resolve) settle?.(DONE);
  }
}
