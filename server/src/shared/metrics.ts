import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Operation names come from clients: past this many distinct names, the rest count as `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Seconds; from a cached query (a few ms) to a slow export (tens of seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface PoolUse {
  used: number;
  free: number;
  pending: number;
  max: number;
}

/**
 * This instance's Prometheus metrics, on prom-client with a registry of its own (tests run
 * several servers in one process, and the default registry would mix them). Transports and the
 * live hub record into it; `/metrics` (transport/metrics-route.ts) renders it. Gauges whose value
 * lives elsewhere (open sockets, subscriptions, the pool) read it when scraped, through the
 * sources the server registers.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private socketCount: () => number = () => 0;
  private subscriptionCounts: () => Map<string, number> = () => new Map();
  private poolUse: () => PoolUse | undefined = () => undefined;

  readonly httpDuration = new Histogram({
    name: 'nghedan_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status, from the first byte read to the last written.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly operationDuration = new Histogram({
    name: 'nghedan_graphql_operation_duration_seconds',
    help: 'GraphQL queries and mutations by operation name, type and transport (http or websocket).',
    labelNames: ['operation', 'type', 'transport'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'nghedan_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code and transport.',
    labelNames: ['code', 'transport'] as const,
    registers: [this.registry],
  });

  readonly rateLimitRefusals = new Counter({
    name: 'nghedan_rate_limit_refusals_total',
    help: 'Requests refused with RATE_LIMITED, by limit (the RATE_LIMIT_* rule, or live_subscribes).',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  readonly eventLag = new Histogram({
    name: 'nghedan_live_event_lag_seconds',
    help: 'From a thread event being written to the log until live delivery writes it to the sockets.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'nghedan_' });
    // The sources are read through these arrows: inside `collect`, `this` is the gauge.
    const sockets = () => this.socketCount();
    const subscriptions = () => this.subscriptionCounts();
    const pool = () => this.poolUse();
    new Gauge({
      name: 'nghedan_open_sockets',
      help: 'WebSocket connections open on this instance.',
      registers: [this.registry],
      collect() {
        this.set(sockets());
      },
    });
    new Gauge({
      name: 'nghedan_subscriptions',
      help: 'GraphQL subscriptions running on this instance, by kind (the subscription field).',
      labelNames: ['kind'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [kind, count] of subscriptions()) this.set({ kind }, count);
      },
    });
    new Gauge({
      name: 'nghedan_db_pool_connections',
      help: 'Database pool connections by state: used, free, pending (requests waiting), max.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const use = pool();
        if (!use) return;
        for (const state of ['used', 'free', 'pending', 'max'] as const) this.set({ state }, use[state]);
      },
    });
  }

  /** Where the scrape reads the gauges whose state lives in the transports and the ORM. */
  observe(sources: {
    sockets?: () => number;
    subscriptions?: () => Map<string, number>;
    pool?: () => PoolUse | undefined;
  }): void {
    if (sources.sockets) this.socketCount = sources.sockets;
    if (sources.subscriptions) this.subscriptionCounts = sources.subscriptions;
    if (sources.pool) this.poolUse = sources.pool;
  }

  /** A label for a client-given operation name that cannot grow without bound. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Counts the errors of one response by their codes (INTERNAL_SERVER_ERROR when untyped). */
  countErrors(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }>, transport: 'http' | 'websocket'): void {
    for (const error of errors) {
      const code = error.extensions?.code;
      this.errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR', transport });
    }
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
