import { PRIVACY_NOTICE } from '../../shared/privacy-notice.js';
// What the bench does through the public GraphQL API only: who subscribes to what, the threads
// they follow, the mutations it times, and the audience rules that say who must see each event.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config.js';
import type { SubscriberSpec } from './client.js';

export type Audience =
  { kind: 'board' } | { kind: 'thread'; threadId: string } | { kind: 'inbox'; unitId: string } | { kind: 'monitor' };

export interface ThreadInfo {
  id: string;
  isPublic: boolean;
  unitId: string;
  unitCode: string;
  /** How its author follows it: a citizen's token or the tracking code of an anonymous post. */
  follow?: { token: string } | { trackingCode: string };
}

export interface LogEvent {
  cursor: string;
  type: string;
  internal: boolean;
  threadId: string;
  message: { id: string } | null;
}

export type ActionKind = 'post' | 'reply' | 'note';
export interface Action {
  kind: ActionKind;
  threadId: string;
  messageId?: string;
  sentAt: number;
}

/** The rule of the README's "Who sees what", for the bench's threads (no transfer, no escalation). */
export function sees(audience: Audience, event: LogEvent, thread: ThreadInfo): boolean {
  switch (audience.kind) {
    case 'board':
      return thread.isPublic && !event.internal;
    case 'thread':
      return event.threadId === audience.threadId && !event.internal;
    case 'inbox':
      return thread.unitId === audience.unitId;
    case 'monitor':
      return true;
  }
}

const operation = (name: string) =>
  ['ThreadEventFields', name]
    .map((file) => readFileSync(path.join(projectRoot, 'web/src/graphql/operations', `${file}.graphql`), 'utf8'))
    .join('\n');
/** The documents the web app sends, so messages have their real size. */
const DOCUMENTS = {
  board: operation('BoardEvents'),
  thread: operation('ThreadEvents'),
  inbox: operation('InboxEvents'),
} as const;

export class Api {
  constructor(readonly url: string) {}

  async gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(120_000),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (!body.data || body.errors) throw new Error(`GraphQL request failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.gql<{ login: { token: string } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email, password } },
    );
    return data.login.token;
  }

  async eventsCursor(token: string): Promise<string> {
    const data = await this.gql<{ threads: { eventsCursor: string } }>(
      '{ threads(first: 1) { eventsCursor } }',
      {},
      token,
    );
    return data.threads.eventsCursor;
  }

  async post(
    place: string,
    category: string,
    options: { isPublic: boolean; token?: string },
  ): Promise<{ thread: ThreadInfo; trackingCode: string | null }> {
    const data = await this.gql<{
      postFeedback: {
        trackingCode: string | null;
        thread: { id: string; isPublic: boolean; unit: { id: string; code: string } };
      };
    }>(
      `mutation ($input: PostFeedbackInput!) {
        postFeedback(input: $input) { trackingCode thread { id isPublic unit { id code } } }
      }`,
      {
        input: {
          kind: 'REPORT',
          title: 'Đường liên thôn xuống cấp',
          body: 'Đoạn đường qua thôn bị sạt lở sau mưa lớn, xe máy đi lại rất nguy hiểm, đề nghị sửa chữa sớm.',
          categoryId: category,
          placeId: place,
          isPublic: options.isPublic,
          anonymous: !options.token,
          idempotencyKey: randomUUID(),
          consentVersion: PRIVACY_NOTICE.version,
        },
      },
      options.token,
    );
    const { thread, trackingCode } = data.postFeedback;
    return {
      thread: { id: thread.id, isPublic: thread.isPublic, unitId: thread.unit.id, unitCode: thread.unit.code },
      trackingCode,
    };
  }

  async reply(threadId: string, internal: boolean, token: string): Promise<string> {
    const data = await this.gql<{ replyToThread: { id: string } }>(
      'mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }',
      {
        input: {
          threadId,
          internal,
          body: internal ? 'Ghi chú nội bộ: đã giao tổ kỹ thuật kiểm tra hiện trường.' : 'Đã tiếp nhận, đang xử lý.',
        },
      },
      token,
    );
    return data.replyToThread.id;
  }

  async eventsAfter(threadId: string, after: string, token: string): Promise<LogEvent[]> {
    const data = await this.gql<{ thread: { events: LogEvent[] } }>(
      'query ($id: ID!, $after: String) { thread(id: $id) { events(after: $after) { cursor type internal threadId message { id } } } }',
      { id: threadId, after },
      token,
    );
    return data.thread.events;
  }
}

const PLACES = ['LH.NB', 'LH.PT', 'LH.TH', 'LH.DD'];
const CATEGORIES = ['INFRASTRUCTURE', 'LAND'];

export interface Setup {
  after: string;
  threads: Map<string, ThreadInfo>;
  /** Officers' tokens by unit id, monitors' and the bench's own monitor token. */
  officerTokens: Map<string, string>;
  monitorTokens: string[];
  setupEvents: LogEvent[];
  places: Array<{ place: string; category: string }>;
}

/** Signs in the demo accounts and posts the threads the citizens follow (public and private, signed in and anonymous). */
export async function prepare(api: Api, password: string): Promise<Setup> {
  const catalog = await api.gql<{
    units: Array<{ id: string; code: string }>;
    categories: Array<{ id: string; code: string }>;
  }>('{ units { id code } categories { id code } }');
  const idOf = (list: Array<{ id: string; code: string }>, code: string) => {
    const found = list.find((item) => item.code === code);
    if (!found) throw new Error(`the demo data has no ${code}`);
    return found.id;
  };
  const places = CATEGORIES.flatMap((category) =>
    PLACES.map((place) => ({ place: idOf(catalog.units, place), category: idOf(catalog.categories, category) })),
  );
  const citizens = [await api.login('dan@nghedan.demo', password), await api.login('kbinh@nghedan.demo', password)];
  const monitorTokens = [await api.login('bdv@nghedan.demo', password), await api.login('mttq@nghedan.demo', password)];
  const after = await api.eventsCursor(monitorTokens[0]!);
  const threads = new Map<string, ThreadInfo>();
  for (const [index, { place, category }] of places.entries()) {
    const anonymous = Math.floor(index / 2) % 2 === 1;
    const token = anonymous ? undefined : citizens[index % 2]!;
    const { thread, trackingCode } = await api.post(place, category, { isPublic: index % 2 === 0, token });
    threads.set(thread.id, { ...thread, follow: token ? { token } : { trackingCode: trackingCode! } });
  }
  const officerTokens = new Map<string, string>();
  for (const thread of threads.values()) {
    if (!officerTokens.has(thread.unitId)) {
      officerTokens.set(thread.unitId, await api.login(`${thread.unitCode.toLowerCase()}@nghedan.demo`, password));
    }
  }
  const setupEvents: LogEvent[] = [];
  for (const thread of threads.values())
    setupEvents.push(...(await api.eventsAfter(thread.id, after, monitorTokens[0]!)));
  return { after, threads, officerTokens, monitorTokens, setupEvents, places };
}

export interface Subscriber {
  audience: Audience;
  spec: SubscriberSpec;
}

/** N subscribers: about 70% board, 15% citizens on their threads, 10% officers' inboxes, 5% monitors. */
export function subscribers(n: number, setup: Setup): Subscriber[] {
  const followed = [...setup.threads.values()];
  const units = [...setup.officerTokens.keys()];
  const threadOf = (id: string) => setup.threads.get(id)!;
  const counts = { board: 0, thread: 0, inbox: 0, monitor: 0 };
  const result: Subscriber[] = [];
  for (let key = 0; key < n; key += 1) {
    const slot = key % 20; // interleaved, so every client process gets every audience
    const kind = slot < 14 ? 'board' : slot < 17 ? 'thread' : slot < 19 ? 'inbox' : 'monitor';
    const nth = counts[kind]++;
    let audience: Audience;
    let connectionParams: Record<string, unknown> | undefined;
    let variables: Record<string, unknown> = { after: setup.after };
    let document: string = DOCUMENTS.board;
    if (kind === 'thread') {
      const thread = followed[nth % followed.length]!;
      audience = { kind: 'thread', threadId: thread.id };
      document = DOCUMENTS.thread;
      if (thread.follow && 'token' in thread.follow) connectionParams = { authToken: thread.follow.token };
      variables = {
        ...variables,
        threadId: thread.id,
        ...(thread.follow && 'trackingCode' in thread.follow ? { trackingCode: thread.follow.trackingCode } : {}),
      };
    } else if (kind === 'inbox') {
      const unitId = units[nth % units.length]!;
      audience = { kind: 'inbox', unitId };
      document = DOCUMENTS.inbox;
      connectionParams = { authToken: setup.officerTokens.get(unitId) };
      variables = { ...variables, unitId };
    } else if (kind === 'monitor') {
      audience = { kind: 'monitor' };
      document = DOCUMENTS.inbox;
      connectionParams = { authToken: setup.monitorTokens[nth % 2] };
    } else audience = { kind: 'board' };
    const ready = setup.setupEvents.filter((event) => sees(audience, event, threadOf(event.threadId))).length;
    result.push({ audience, spec: { key, connectionParams, query: document, variables, ready } });
  }
  return result;
}
