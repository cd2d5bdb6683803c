// Why urql and not Apollo Client: citizens mostly use phones on weak networks, and urql's core is
// a fraction of Apollo Client 4's size (no normalized cache, no rxjs). This app needs no normalized
// cache: live events say what changed and the page refetches. Subscriptions bypass urql and talk
// to graphql-ws directly (see live/liveFeed.ts), so that every (re)subscription sends the cursor of
// the last event seen, which urql's subscriptionExchange cannot do after a reconnect.
import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import { CloseCode, createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import type { Session } from '../accounts/session';
import type { WebConfig } from '../config';

export interface GraphqlClients {
  /** Queries and mutations over HTTP. */
  client: Client;
  /** Subscriptions over WebSocket. */
  ws: WsClient;
}

/** 1 s, 2 s, 4 s … up to 15 s, with jitter so a restarted server is not hit by every phone at once. */
export function retryDelayMs(retries: number, random = Math.random): number {
  return Math.min(1000 * 2 ** retries, 15_000) + Math.floor(random() * 500);
}

export function createGraphqlClients(config: WebConfig, session: Session): GraphqlClients {
  /** The token the current socket signed in with. */
  let socketToken: string | null = null;
  const ws = createWsClient({
    url: config.wsUrl,
    lazy: true,
    lazyCloseTimeout: 3000,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    connectionParams: () => {
      socketToken = session.token();
      return socketToken ? { authToken: socketToken } : {};
    },
  });
  // A new identity needs a new socket; terminate() makes graphql-ws reconnect and resubscribe.
  session.onTokenChange(() => ws.terminate());
  // Every other close is retried with the delay above, and each live feed resubscribes from its
  // last cursor: 4001 (this socket fell behind), 4002 (too many sockets from this address),
  // 1012 (the server restarts), 1006 (the network dropped).
  ws.on('closed', (event) => {
    if ((event as { code?: number } | null)?.code !== CloseCode.Forbidden) return;
    // 4403: the server refused, expired or revoked this socket's token. Sign out, unless the
    // session already holds another token (a password just changed here): the retry uses that.
    if (socketToken !== null && session.token() === socketToken) session.expire();
  });

  const client = new Client({
    url: config.httpUrl,
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: (): RequestInit => {
      const token = session.token();
      return { headers: token ? { authorization: `Bearer ${token}` } : {} };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          const expired = error.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED');
          if (expired && session.token()) session.expire();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });

  return { client, ws };
}
