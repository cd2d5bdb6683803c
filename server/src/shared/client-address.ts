import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { ProxyTrust } from '../config.js';

/**
 * The client address of an HTTP request or a WebSocket upgrade request, by the same rules Express
 * uses for `req.ip` (so both transports count a client under the same key in the rate limits).
 */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  if (!req.socket?.remoteAddress) return 'unknown';
  return proxyaddr(req, trust) || 'unknown';
}
