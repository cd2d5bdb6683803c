// The one place that reads import.meta.env: everything else imports `config`.

export interface WebConfig {
  /** GraphQL over HTTP: an absolute URL or a path on this origin. */
  httpUrl: string;
  /** GraphQL over WebSocket (graphql-ws), derived from httpUrl unless VITE_GRAPHQL_WS_URL is set. */
  wsUrl: string;
  /** Where the session and drafts are kept in localStorage. */
  storagePrefix: string;
  /** Production builds register /sw.js (offline board, Web Push); the dev server does not. */
  serviceWorker: boolean;
}

function toWebSocketUrl(httpUrl: string, origin: string): string {
  const url = new URL(httpUrl, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function createConfig(env: Record<string, string | undefined>, origin: string): WebConfig {
  const httpUrl = env.VITE_GRAPHQL_URL || '/graphql';
  return {
    httpUrl,
    wsUrl: env.VITE_GRAPHQL_WS_URL || toWebSocketUrl(httpUrl, origin),
    storagePrefix: 'nghedan.',
    serviceWorker: env.MODE === 'production',
  };
}

const origin = typeof location === 'undefined' ? 'http://localhost' : location.origin;

export const config: WebConfig = createConfig(import.meta.env as Record<string, string | undefined>, origin);
