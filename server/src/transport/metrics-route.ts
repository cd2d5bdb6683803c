import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Metrics } from '../shared/metrics.js';
import { tokenFrom } from '../shared/request-context.js';

/**
 * The route label of an HTTP request: the API's own paths by name, everything else `web`. Never
 * the raw path, which a client could vary without end.
 */
const routeOf = (req: Request): string => {
  // originalUrl: by the time the response finishes, a mounted router has cut `path` down.
  const [, first = ''] = (req.originalUrl.split('?')[0] ?? '').split('/');
  return ['graphql', 'healthz', 'readyz', 'metrics', 'uploads', 'attachments'].includes(first) ? `/${first}` : 'web';
};

/** Times every HTTP request into `nghedan_http_request_duration_seconds`. */
export function httpTiming(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.once('finish', () => end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
    next();
  };
}

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `/metrics` in Prometheus's text format, for a scraper that sends `Authorization: Bearer
 * <METRICS_TOKEN>`. The public port serves citizens: operation names, traffic and error rates
 * are no one else's business, so without the token the route answers 401, and with no
 * METRICS_TOKEN configured it is not mounted at all (http-server.ts).
 */
export function metricsRoute(metrics: Metrics, token: string): RequestHandler {
  return async (req, res) => {
    const given = tokenFrom(req.headers.authorization);
    if (!given || !sameSecret(given, token)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      res
        .status(401)
        .json({ errors: [{ message: 'A metrics token is required.', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    res.setHeader('content-type', metrics.contentType);
    res.send(await metrics.render());
  };
}
