import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * What the built web app needs and nothing more: its own scripts, styles, images (data: and blob:
 * for charts and CSV downloads), and GraphQL over HTTP and WebSocket on its own origin. No inline
 * script or style, no plugins, no framing by any site.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    // OpenStreetMap's tiles for the maps (Leaflet); nothing else is loaded from elsewhere.
    imgSrc: ["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * helmet's headers on every response (nosniff, no framing, no referrer: a citizen's page address
 * goes nowhere else, HSTS, cross-origin isolation of the window), and the Content-Security-Policy
 * on everything but the API path, whose answers are JSON (and whose development landing page
 * loads Apollo's explorer from elsewhere).
 */
export function securityHeaders(apiPath: string): RequestHandler[] {
  const everywhere = helmet({
    contentSecurityPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const policy = helmet.contentSecurityPolicy(CONTENT_SECURITY_POLICY);
  return [everywhere, (req, res, next) => (req.path.startsWith(apiPath) ? next() : policy(req, res, next))];
}
