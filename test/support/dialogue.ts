import { PRIVACY_NOTICE } from '../../server/src/shared/privacy-notice.js';
import type { Client } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import type { TestServer } from './server.js';

export interface Directory {
  unit(code: string): string;
  category(code: string): string;
}

/** Unit and category ids by code, read through the API. */
export async function directory(server: TestServer): Promise<Directory> {
  const result = await server.gql<{
    units: Array<{ id: string; code: string }>;
    categories: Array<{ id: string; code: string }>;
  }>('{ units { id code } categories { id code } }');
  const units = new Map(result.data!.units.map((unit) => [unit.code, unit.id]));
  const categories = new Map(result.data!.categories.map((category) => [category.code, category.id]));
  const get = (map: Map<string, string>, code: string) => {
    const id = map.get(code);
    if (!id) throw new Error(`unknown code ${code}`);
    return id;
  };
  return { unit: (code) => get(units, code), category: (code) => get(categories, code) };
}

export const POST = `mutation ($input: PostFeedbackInput!) {
  postFeedback(input: $input) { trackingCode thread { id status isPublic unit { code } place { code } category { code } authorName } }
}`;

export interface PostedThread {
  id: string;
  status: string;
  unit: { code: string };
  trackingCode: string | null;
}

/** Posts a thread through the API and returns it, failing loudly on errors. */
export async function post(
  server: TestServer,
  dir: Directory,
  options: {
    token?: string;
    category?: string;
    place?: string;
    isPublic?: boolean;
    anonymous?: boolean;
    kind?: string;
    title?: string;
    body?: string;
    idempotencyKey?: string;
    headers?: Record<string, string>;
    /** More input fields (contactEmail, contactLanguage). */
    extra?: Record<string, unknown>;
  } = {},
): Promise<PostedThread> {
  const input = {
    kind: options.kind ?? 'REPORT',
    title: options.title ?? 'Đường liên thôn xuống cấp',
    body: options.body ?? 'Đoạn đường qua thôn bị sạt lở sau mưa lớn, xe máy đi lại rất nguy hiểm.',
    categoryId: dir.category(options.category ?? 'INFRASTRUCTURE'),
    placeId: dir.unit(options.place ?? 'LH.NB'),
    isPublic: options.isPublic ?? true,
    anonymous: options.anonymous ?? false,
    idempotencyKey: options.idempotencyKey ?? randomUUID(),
    consentVersion: PRIVACY_NOTICE.version,
    ...options.extra,
  };
  const result = await server.gql<{
    postFeedback: { trackingCode: string | null; thread: Omit<PostedThread, 'trackingCode'> };
  }>(POST, { token: options.token, variables: { input }, headers: options.headers });
  if (!result.data?.postFeedback) throw new Error(`post failed: ${JSON.stringify(result.errors)}`);
  return { ...result.data.postFeedback.thread, trackingCode: result.data.postFeedback.trackingCode };
}

export const CHANGE_STATUS = `mutation ($input: ChangeStatusInput!) { changeThreadStatus(input: $input) { id status } }`;
export const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id body internal authorName } }`;

export async function move(
  server: TestServer,
  token: string | undefined,
  threadId: string,
  status: string,
  extra: Record<string, unknown> = {},
) {
  return server.gql<{ changeThreadStatus: { status: string } }>(CHANGE_STATUS, {
    token,
    variables: { input: { threadId, status, ...extra } },
  });
}

export interface LiveEvent {
  cursor: string;
  type: string;
  threadId: string;
  toStatus?: string | null;
  message?: { body: string } | null;
}

export const EVENT_FIELDS = 'cursor type threadId toStatus internal message { body }';

/** Collects what a subscription delivers; `until(n)` waits for at least n events. */
export function collect(client: Client, query: string, variables: Record<string, unknown>) {
  const events: LiveEvent[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const waiters: Array<() => void> = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const dispose = client.subscribe<Record<string, LiveEvent>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        const event = result.data && Object.values(result.data)[0];
        if (event) events.push(event);
        notify();
      },
      error: (error) => {
        errors.push(error);
        notify();
      },
      complete: () => {
        completed = true;
        notify();
      },
    },
  );
  // Generous by default: the whole suite shares two cores, and a condition is awaited, not slept on.
  const settle = (check: () => boolean, what: string, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(events)}`)),
        timeoutMs,
      );
      const test = () => {
        if (check()) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(test);
      };
      test();
    });
  return {
    events,
    errors,
    get completed() {
      return completed;
    },
    until: (count: number, timeoutMs?: number) => settle(() => events.length >= count, `${count} events`, timeoutMs),
    ended: (timeoutMs?: number) => settle(() => completed || errors.length > 0, 'the end of the stream', timeoutMs),
    dispose,
  };
}

/** Lets a just-made subscription register on the server before anything is published. */
export const settleSubscription = () => new Promise((resolve) => setTimeout(resolve, 150));
