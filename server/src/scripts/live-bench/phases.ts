// The measured phases of one N: the product, then the raw-ws floors (matched, broadcast), on the same clients.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OpenRequest, SubscriberResult } from './client.js';
import { forkChild, now, progressOf, settle, waitFor } from './children.js';
import type { ChildLink, Probe } from './ipc.js';
import { matchedDeliveries, messagesOf, sendPlan, type EventPlan } from './plan.js';
import { analyse, type Phase } from './report.js';
import {
  Api,
  prepare,
  sees,
  subscribers,
  type Action,
  type ActionKind,
  type LogEvent,
  type ThreadInfo,
} from './scenario.js';

export interface Options {
  /** Where to write the product's CPU profile of the event phase (none when undefined). */
  profile?: string;
  events: number;
  concurrency: number;
  spreadAddresses: boolean;
  gapMs: number;
  quietMs: number;
  eventTimeoutMs: number;
  serverEnv: Record<string, string>;
  log: (line: string) => void;
}

const DEMO_PASSWORD = 'bench-demo-password';
const ACTIONS: ActionKind[] = ['post', 'reply', 'note'];

/** Every child started is stopped by the caller's cleanup, whatever happens here. */
export type Track = (link: ChildLink) => ChildLink;

async function openAll(clients: ChildLink[], request: (share: number) => OpenRequest, n: number) {
  const timeoutMs = Math.max(120_000, n * 60);
  await Promise.all(clients.map((client, share) => client.call('open', request(share), timeoutMs)));
}

async function collect(clients: ChildLink[]) {
  const all = await Promise.all(
    clients.map((client) =>
      client.call<{ subscribers: SubscriberResult[]; boardBytes: { sum: number; count: number } }>(
        'results',
        {},
        120_000,
      ),
    ),
  );
  const bytes = all.reduce(
    (sum, one) => ({ sum: sum.sum + one.boardBytes.sum, count: sum.count + one.boardBytes.count }),
    {
      sum: 0,
      count: 0,
    },
  );
  return { results: all.flatMap((one) => one.subscribers), boardBytes: bytes.count ? bytes.sum / bytes.count : NaN };
}

export async function productPhase(
  n: number,
  databaseUrl: string,
  clients: ChildLink[],
  track: Track,
  options: Options,
) {
  const { log } = options;
  const server = track(
    forkChild('product server', './product-server.ts', {
      LIVE_BENCH_SERVER_ENV: JSON.stringify({
        NODE_ENV: 'production',
        PORT: '0',
        DATABASE_URL: databaseUrl,
        JWT_SECRET: randomBytes(48).toString('base64url'),
        SEED_DEMO: 'true',
        SEED_DEMO_THREADS: 'false',
        DEMO_PASSWORD,
        LOG_LEVEL: 'warn',
        // The bench's own documents (subscriptions, its posts) are not the web app's registered ones;
        // it measures delivery, so the trusted-document check is off here and only here.
        TRUSTED_DOCUMENTS: 'off',
        // Every event of the run is an anonymous post from this one address.
        RATE_LIMIT_ANONYMOUS_POSTS: '100000000/1h',
        RATE_LIMIT_ADDRESS_POSTS: '100000000/1h',
        // E-mail and push for each event are the outbox workers' work, after the transaction and
        // beside live delivery; the bench measures delivery, so they wait in the outbox here.
        NOTIFICATION_CONCURRENCY: '0',
        ...options.serverEnv,
      }),
    }),
  );
  const { port } = await server.ready(180_000);
  const api = new Api(`http://127.0.0.1:${port}`);
  const setup = await prepare(api, DEMO_PASSWORD);
  const population = subscribers(n, setup);
  const monitorToken = setup.monitorTokens[0]!;

  const before = await server.call<Probe>('probe', { gc: true });
  log(`product: opening ${n} subscriptions`);
  await openAll(
    clients,
    (share) => ({
      url: `ws://127.0.0.1:${port}/graphql`,
      specs: population.filter((_, key) => key % clients.length === share).map((one) => one.spec),
      concurrency: Math.ceil(options.concurrency / clients.length),
      spreadAddresses: options.spreadAddresses,
    }),
    n,
  );
  // Every subscription replays the setup threads' events from `after`: once they are in, it listens.
  await waitFor(clients, (progress) => progress.ready === n, `${n} subscriptions to replay`, Math.max(120_000, n * 50));
  const subscribed = await server.call<Probe>('probe', { gc: true });

  log(`product: ${options.events} events`);
  const threads = new Map<string, ThreadInfo>(setup.threads);
  const followed = [...setup.threads.values()];
  const actions: Action[] = [];
  const start = await server.call<Probe>('probe', { gc: true });
  if (options.profile) await server.call('profileStart');
  for (let index = 0; index < options.events; index += 1) {
    const kind = ACTIONS[index % ACTIONS.length]!;
    const { received } = await progressOf(clients);
    const sentAt = now();
    if (kind === 'post') {
      const { place, category } = setup.places[index % setup.places.length]!;
      const { thread } = await api.post(place, category, { isPublic: true });
      threads.set(thread.id, thread);
      actions.push({ kind, threadId: thread.id, sentAt });
    } else {
      const thread = followed[index % followed.length]!;
      const messageId = await api.reply(thread.id, kind === 'note', setup.officerTokens.get(thread.unitId)!);
      actions.push({ kind, threadId: thread.id, messageId, sentAt });
    }
    const settled = await settle(clients, sentAt, received, { ...options, timeoutMs: options.eventTimeoutMs });
    if (!settled)
      log(`  event ${index + 1} (${kind}) still delivering after ${options.eventTimeoutMs / 1000} s; going on`);
    else log(`  event ${index + 1} (${kind}) settled after ${Math.round(now() - sentAt)} ms`);
  }
  // Late duplicates or leaks would arrive now.
  await sleep(2_000);
  const end = await server.call<Probe>('probe');
  if (options.profile) {
    await server.call('profileStop', { file: options.profile });
    log(`product: CPU profile of the event phase in ${options.profile}`);
  }
  const { problems, firstProblems } = await progressOf(clients);
  if (problems > 0) log(`product: ${problems} problems on the sockets, e.g. ${firstProblems.join('; ')}`);

  // The log as a monitor reads it (after the timed phase): every event after `after` on the bench's threads.
  const events: LogEvent[] = [];
  for (const thread of threads.values()) events.push(...(await api.eventsAfter(thread.id, setup.after, monitorToken)));
  const byCursor = new Map(events.map((event) => [event.cursor, event]));
  const eventOf = new Map<string, number>();
  for (const event of events) {
    const action = actions.findIndex((one) =>
      one.kind === 'post' ? one.threadId === event.threadId : one.messageId === event.message?.id,
    );
    if (action >= 0) eventOf.set(event.cursor, action);
  }
  const expected = population.map(
    ({ audience }) =>
      new Set(
        events.filter((event) => sees(audience, event, threads.get(event.threadId)!)).map((event) => event.cursor),
      ),
  );
  const { results, boardBytes } = await collect(clients);
  const outcome = analyse(results, {
    expected: (key) => expected[key]!,
    eventOf,
    sentAt: actions.map((action) => action.sentAt),
    describe: (key, cursor) => {
      const event = byCursor.get(cursor);
      const thread = event && threads.get(event.threadId);
      const audience = JSON.stringify(population[key]!.audience);
      return event
        ? `${audience}: ${event.type}${event.internal ? ' (internal)' : ''} #${cursor} of a ${thread?.isPublic ? 'public' : 'private'} thread of unit ${thread?.unitCode}`
        : `${audience}: #${cursor}, not an event of the bench's threads`;
    },
  });
  await Promise.all(clients.map((client) => client.call('close', {}, 60_000)));
  await server.stop();
  const phase: Phase = { outcome, events: options.events, before, subscribed, start, end };
  return { phase, boardBytes, actions, plan: sendPlan(results, eventOf, options.events) };
}

/** The matched floor replays the product's deliveries; the broadcast floor sends `bytes` to every socket. */
export type FloorWork = { kind: 'matched'; plan: EventPlan[] } | { kind: 'broadcast'; bytes: number };

/** For `analyse` and the wait after each trigger: cursors by subscriber and by event, messages per event. */
function floorDeliveries(n: number, work: FloorWork, events: number) {
  if (work.kind === 'matched') {
    const { expected, eventOf } = matchedDeliveries(work.plan);
    const none = new Set<string>();
    return { expected: (key: number) => expected.get(key) ?? none, eventOf, messages: work.plan.map(messagesOf) };
  }
  const cursors = Array.from({ length: events }, (_, index) => `floor-${index}`);
  const all = new Set(cursors);
  return {
    expected: () => all,
    eventOf: new Map(cursors.map((cursor, index) => [cursor, index])),
    messages: cursors.map(() => n),
  };
}

export async function floorPhase(n: number, work: FloorWork, clients: ChildLink[], track: Track, options: Options) {
  const { log } = options;
  const floor = track(forkChild(`${work.kind} floor server`, './floor-server.ts'));
  const { port } = await floor.ready(60_000);
  const deliveries = floorDeliveries(n, work, options.events);
  if (work.kind === 'matched') await floor.call('plan', work.plan, 120_000);
  const before = await floor.call<Probe>('probe', { gc: true });
  log(`${work.kind} floor: opening ${n} sockets`);
  const keys = Array.from({ length: n }, (_, key) => key);
  await openAll(
    clients,
    (share) => ({
      url: `ws://127.0.0.1:${port}`,
      plain: { keys: keys.filter((key) => key % clients.length === share) },
      concurrency: Math.ceil(options.concurrency / clients.length),
      spreadAddresses: options.spreadAddresses,
    }),
    n,
  );
  const subscribed = await floor.call<Probe>('probe', { gc: true });
  const sentAt: number[] = [];
  const start = await floor.call<Probe>('probe', { gc: true });
  for (let index = 0; index < options.events; index += 1) {
    const { received } = await progressOf(clients);
    sentAt.push(now());
    if (work.kind === 'matched') await floor.call('matched', { event: index });
    else await floor.call('broadcast', { cursor: `floor-${index}`, bytes: work.bytes });
    await waitFor(
      clients,
      (progress) => progress.received >= received + deliveries.messages[index]!,
      `${work.kind} event ${index + 1} to arrive`,
      options.eventTimeoutMs,
    );
    const wait = sentAt[index]! + options.gapMs - now();
    if (wait > 0) await sleep(wait);
  }
  const end = await floor.call<Probe>('probe');
  const { results } = await collect(clients);
  const outcome = analyse(results, { expected: deliveries.expected, eventOf: deliveries.eventOf, sentAt });
  await Promise.all(clients.map((client) => client.call('close', {}, 60_000)));
  await floor.stop();
  const phase: Phase = { outcome, events: options.events, before, subscribed, start, end };
  return phase;
}
