import 'reflect-metadata';
import { TokenService } from './accounts/token.js';
import { resolveJwtSecret, type Config } from './config.js';
import { openDatabase, type OpenDatabase } from './db/database.js';
import { migrate, poolUseOf, type Orm } from './db/orm.js';
import { withStartupLock } from './db/startup-lock.js';
import { watchForInstancesWithoutRedis } from './db/instances.js';
import { seedDemoData } from './db/seed/demo.js';
import { seedDemoThreads } from './db/seed/demo-threads.js';
import { startHttpServer, type RunningServer } from './http-server.js';
import { createSchema } from './schema.js';
import { createLogger, type Logger } from './shared/logger.js';
import { Metrics } from './shared/metrics.js';
import { RateLimits } from './shared/rate-limits.js';
import type { Services } from './shared/context.js';
import { createEventBus, type EventBus } from './shared/event-bus.js';
import { TrackingCodes } from './dialogue/tracking-code.js';
import { WorkingCalendar } from './dialogue/working-time.js';
import { OverdueWatcher } from './dialogue/overdue.job.js';
import { RetentionJob } from './dialogue/retention.job.js';
import { ThreadEventHub } from './dialogue/live-hub.js';
import { defaultToneScorer } from './language/index.js';
import { openBlobStore, type BlobStore } from './shared/media/blob-store.js';
import { SignedUrls } from './shared/media/signed-urls.js';
import { Notifications } from './notifications/notifications.js';

export interface App {
  url: string;
  port: number;
  orm: Orm;
  log: Logger;
  overdue: OverdueWatcher;
  notifications: Notifications;
  /** Shuts down in order: HTTP and sockets drained, ORM closed, embedded PostgreSQL stopped. */
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger = createLogger(config.logLevel)): Promise<App> {
  let database: OpenDatabase | undefined;
  let server: RunningServer | undefined;
  let bus: EventBus | undefined;
  let watcher: OverdueWatcher | undefined;
  let retention: RetentionJob | undefined;
  let live: ThreadEventHub | undefined;
  let limits: RateLimits | undefined;
  let blobs: BlobStore | undefined;
  let stopWatchingInstances: (() => void) | undefined;
  let notifications: Notifications | undefined;
  const stop = async () => {
    stopWatchingInstances?.();
    await watcher?.stop();
    await retention?.stop();
    await notifications?.stop();
    await server?.stop();
    live?.stop();
    await bus?.close();
    await limits?.close();
    blobs?.close();
    await database?.close();
  };
  try {
    database = await openDatabase(config, log);
    const { orm } = database;
    const secret = resolveJwtSecret(config);
    const metrics = new Metrics();
    notifications = new Notifications(orm, config.notifications, secret, config.dataDir, log);
    bus = await createEventBus(config.redisUrl, log);
    live = new ThreadEventHub(
      orm,
      bus,
      log,
      (em) => ({
        em,
        viewer: null,
        requestId: 'live',
        clientIp: '',
        log,
        services,
        grants: new Set(),
      }),
      config.live.pollSeconds * 1000,
      config.live.recentEvents,
      (events) => {
        const now = Date.now();
        for (const event of events) metrics.eventLag.observe((now - event.createdAt.getTime()) / 1000);
      },
    );
    limits = RateLimits.create(config.rateLimits, config.redisUrl, log, (name) =>
      metrics.rateLimitRefusals.inc({ limit: name }),
    );
    metrics.observe({ pool: () => poolUseOf(orm) });
    blobs = await openBlobStore({ s3Url: config.media.s3Url, dataDir: config.dataDir });
    const services: Services = {
      config,
      log,
      tokens: new TokenService(secret, config.jwtTtlSeconds),
      limits,
      bus,
      trackingCodes: new TrackingCodes(secret),
      live,
      scorer: defaultToneScorer(),
      calendar: new WorkingCalendar(config.calendar),
      media: {
        blobs,
        urls: new SignedUrls(secret, config.media.linkTtlSeconds),
      },
      metrics,
      pushPublicKey: notifications.vapid.publicKey,
    };
    // Instances starting together on one database take turns: the first migrates and seeds,
    // the others then find the migrations applied and the database no longer empty.
    await withStartupLock(orm, log, async () => {
      const applied = await migrate(orm, log);
      if (applied.length > 0) log.info({ applied }, 'migrations applied');
      if (!config.seedDemo) return;
      const summary = await seedDemoData(orm.em.fork(), config.demoPassword);
      if (summary) {
        const threads = config.seedDemoThreads ? await seedDemoThreads(orm, services) : 0;
        log.info({ ...summary, threads }, 'demo data loaded into the empty database');
      }
    });
    await live.start();
    server = await startHttpServer(orm, await createSchema(), services, [notifications.router]);
    await notifications.startWorker(server.url);
    if (!config.redisUrl) stopWatchingInstances = watchForInstancesWithoutRedis(orm, log);
    watcher = new OverdueWatcher(orm, bus, log);
    watcher.start(config.overdueScanSeconds);
    retention = new RetentionJob(orm, log, config.retention);
    retention.start(config.retentionScanSeconds);
    return { url: server.url, port: server.port, orm, log, overdue: watcher, notifications, stop };
  } catch (error) {
    await stop().catch((stopError: unknown) => log.error({ err: stopError }, 'cleanup after a failed start'));
    throw error;
  }
}
