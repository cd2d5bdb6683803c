import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Category } from '../units/category.entity.js';
import type { Services } from '../shared/context.js';
import { AppError, RateLimitedError } from '../shared/errors.js';
import { requestIdOf } from '../transport/request-id.js';
import {
  createRequest,
  currentPlaces,
  findByToken,
  findRequest,
  listRequests,
  Open311Error,
  requestView,
  serviceDefinition,
  serviceView,
  type RequestBody,
} from './georeport.js';

export const OPEN311_PATH = '/open311/v2';

type Format = 'json' | 'xml';

const xml = new XMLBuilder({ format: true, suppressEmptyNode: false });

/**
 * The spec's XML: a root, one element per item, nested lists (a service definition's attributes
 * and their values) as a wrapper element with one child per entry.
 */
function toXml(root: string, item: string, items: object[]): string {
  const nest = (value: unknown, name: string): unknown => {
    if (Array.isArray(value)) {
      const child = name === 'attributes' ? 'attribute' : name === 'values' ? 'value' : 'item';
      return { [child]: value.map((entry) => nest(entry, child)) };
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, nest(inner, key)]));
    }
    return value ?? '';
  };
  // A service definition is one element with its fields; every other answer a list of items.
  const body = root === item ? nest(items[0], root) : { [item]: items.map((entry) => nest(entry, item)) };
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml.build({ [root]: body })}`;
}

function send(res: Response, format: Format, status: number, root: string, item: string, items: object[]): void {
  res.status(status);
  if (format === 'xml') res.type('application/xml').send(toXml(root, item, items));
  else res.json(root === 'service_definition' ? items[0] : items);
}

function sendError(res: Response, format: Format, status: number, description: string): void {
  send(res, format, status, 'errors', 'error', [{ code: status, description }]);
}

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * Open311 GeoReport v2 at /open311/v2: `services`, `services/{code}`, `requests` (GET, POST),
 * `requests/{id}` and `tokens/{token}`, each as `.json` or `.xml`; errors as `[{code, description}]`
 * with the same HTTP status. Reading is open to all and shows public threads only; posting takes an
 * `api_key` from OPEN311_API_KEYS (none configured: posting is off).
 */
export function open311Router(orm: MikroORM, services: Services): Router {
  const { config, log } = services;
  const router = Router();
  const body = [
    express.urlencoded({ extended: true, limit: config.maxBodyBytes, parameterLimit: 50 }),
    express.json({ limit: config.maxBodyBytes }),
  ];

  const formatOf = (req: Request): Format | null => {
    const format = String(req.params.format ?? '').toLowerCase();
    return format === 'json' || format === 'xml' ? format : null;
  };

  /** Runs a handler with the format checked, the jurisdiction checked and errors in the spec's shape. */
  const handle =
    (run: (req: Request, res: Response, format: Format) => Promise<void>) => async (req: Request, res: Response) => {
      const format = formatOf(req);
      if (!format) {
        sendError(res, 'json', 404, 'Use the .json or .xml format.');
        return;
      }
      try {
        const jurisdiction =
          (req.body as Record<string, unknown> | undefined)?.jurisdiction_id ?? req.query.jurisdiction_id;
        if (jurisdiction !== undefined && jurisdiction !== config.open311.jurisdictionId) {
          throw new Open311Error(
            404,
            `jurisdiction_id not found (this server answers for ${config.open311.jurisdictionId}).`,
          );
        }
        await run(req, res, format);
      } catch (error) {
        if (error instanceof Open311Error) sendError(res, format, error.status, error.description);
        else if (error instanceof AppError) {
          if (error instanceof RateLimitedError) res.setHeader('retry-after', String(error.retryAfter));
          sendError(res, format, STATUS_OF_CODE[error.code] ?? 400, error.message);
        } else {
          log.error({ err: error, requestId: requestIdOf(req) }, 'open311 request failed');
          sendError(res, format, 500, 'Internal server error.');
        }
      }
    };

  router.get(
    '/services.:format',
    handle(async (_req, res, format) => {
      const categories = await orm.em.fork().find(Category, {}, { orderBy: { code: 'asc' } });
      send(res, format, 200, 'services', 'service', categories.map(serviceView));
    }),
  );

  router.get(
    '/services/:code.:format',
    handle(async (req, res, format) => {
      const em = orm.em.fork();
      const category = await em.findOne(Category, { code: String(req.params.code) });
      if (!category) throw new Open311Error(404, `Service ${String(req.params.code)} not found.`);
      send(res, format, 200, 'service_definition', 'service_definition', [
        serviceDefinition(category, await currentPlaces(em)),
      ]);
    }),
  );

  router.get(
    '/requests.:format',
    handle(async (req, res, format) => {
      const threads = await listRequests(orm.em.fork(), req.query);
      send(res, format, 200, 'service_requests', 'request', threads.map(requestView));
    }),
  );

  router.get(
    '/requests/:id.:format',
    handle(async (req, res, format) => {
      const thread = await findRequest(orm.em.fork(), String(req.params.id));
      send(res, format, 200, 'service_requests', 'request', [requestView(thread)]);
    }),
  );

  router.get(
    '/tokens/:token.:format',
    handle(async (req, res, format) => {
      const thread = await findByToken(orm.em.fork(), String(req.params.token));
      send(res, format, 200, 'service_requests', 'request', [
        { service_request_id: thread.id, token: String(req.params.token) },
      ]);
    }),
  );

  router.post(
    '/requests.:format',
    ...body,
    handle(async (req, res, format) => {
      const fields = (req.body ?? {}) as RequestBody;
      const given = typeof fields.api_key === 'string' ? fields.api_key : undefined;
      if (config.open311.apiKeys.size === 0) {
        throw new Open311Error(403, 'Posting over Open311 is not enabled on this server.');
      }
      let client: string | undefined;
      for (const [key, name] of config.open311.apiKeys)
        if (given !== undefined && sameSecret(given, key)) client = name;
      if (!client) throw new Open311Error(403, 'api_key is missing or not valid.');
      const { api_key: _key, jurisdiction_id: _jurisdiction, ...request } = fields;
      const created = await createRequest(orm.em.fork(), services, client, request, req.ip ?? 'unknown');
      log.info({ client, thread: created.thread.id, requestId: requestIdOf(req) }, 'open311 request posted');
      send(res, format, 201, 'service_requests', 'request', [
        {
          service_request_id: created.thread.id,
          token: created.token,
          service_notice: `Mã tra cứu / tracking code: ${created.token ?? ''}. Hạn trả lời / answer due: ${created.thread.answerDueAt.toISOString()}`,
          account_id: null,
        },
      ]);
    }),
  );

  router.use((_req: Request, res: Response) => sendError(res, 'json', 404, 'Not found.'));
  // A body that does not parse or is too large: the spec's error shape too.
  router.use((error: { status?: number; type?: string }, req: Request, res: Response, _next: express.NextFunction) => {
    const status = typeof error.status === 'number' && error.status < 500 ? error.status : 400;
    const description =
      error.type === 'entity.too.large'
        ? `The request body is larger than ${config.maxBodyBytes} bytes.`
        : 'The request could not be read.';
    sendError(res, formatOf(req) ?? 'json', status, description);
  });
  return router;
}
