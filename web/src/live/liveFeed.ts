import { stringifyDocument } from '@urql/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Client as WsClient, ExecutionResult } from 'graphql-ws';
import type { ThreadEventFieldsFragment } from '../graphql/generated';

export type LiveEvent = ThreadEventFieldsFragment;

export interface LiveFeedOptions<TData, TVariables extends { after?: string | null }> {
  document: TypedDocumentNode<TData, TVariables>;
  variables: Omit<TVariables, 'after'>;
  /** Cursor of the last event already shown (from a query), so the server replays only what follows. */
  after?: string | null;
  pick: (data: TData) => LiveEvent;
  onEvent: (event: LiveEvent) => void;
  onError?: (error: unknown) => void;
}

export interface LiveFeed {
  stop(): void;
  lastCursor(): string | null;
}

/** Refusals that pass: the feed subscribes again after the wait the server asked for. */
const RETRYABLE = new Set(['RATE_LIMITED', 'TOO_MANY_SUBSCRIPTIONS']);

function retryDelayMs(error: unknown): number | null {
  if (!Array.isArray(error)) return null;
  const refusal = (error as Array<{ extensions?: { code?: string; retryAfter?: number } }>).find(
    (item) => item.extensions?.code !== undefined && RETRYABLE.has(item.extensions.code),
  );
  if (!refusal) return null;
  return Math.max(1, refusal.extensions?.retryAfter ?? 5) * 1000;
}

/**
 * Subscribes to a resumable event stream. graphql-ws serialises the subscribe message each time it
 * (re)connects, so `after` is a getter: every resubscription after a dropped connection asks for the
 * events after the last cursor seen, and none is missed. Events already seen are dropped, in case a
 * replay overlaps what arrived live.
 */
export function startLiveFeed<TData, TVariables extends { after?: string | null }>(
  ws: Pick<WsClient, 'subscribe'>,
  options: LiveFeedOptions<TData, TVariables>,
): LiveFeed {
  let last = options.after ?? null;
  const seen = new Set<string>();
  const variables: Record<string, unknown> = { ...options.variables };
  Object.defineProperty(variables, 'after', { enumerable: true, get: () => last });

  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const subscribe = (): (() => void) =>
    ws.subscribe<TData>(
      { query: stringifyDocument(options.document), variables },
      {
        next(result: ExecutionResult<TData>) {
          if (result.errors?.length) {
            options.onError?.(result.errors);
            return;
          }
          if (!result.data) return;
          const event = options.pick(result.data);
          if (seen.has(event.cursor)) return;
          seen.add(event.cursor);
          last = event.cursor;
          options.onEvent(event);
        },
        error: (error) => {
          const wait = retryDelayMs(error);
          if (wait === null) options.onError?.(error);
          else if (!stopped) retry = setTimeout(() => (dispose = subscribe()), wait);
        },
        complete: () => undefined,
      },
    );
  let dispose = subscribe();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(retry);
      dispose();
    },
    lastCursor: () => last,
  };
}
