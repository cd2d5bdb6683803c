import type { Request, RequestHandler } from 'express';
import { requestIdFrom, requestScope } from '../shared/request-context.js';

/** The request id of an HTTP request: the client's `X-Request-Id` when well-formed, else a new one. */
export const requestIdOf = (req: Request): string => (req as Request & { requestId: string }).requestId;

/**
 * Gives every HTTP request an id, echoes it in `X-Request-Id` and keeps it in scope for code
 * that has no context object (error formatting, logs).
 */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('x-request-id', requestId);
  (req as Request & { requestId: string }).requestId = requestId;
  requestScope.run(requestId, next);
};
