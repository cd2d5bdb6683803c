import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../shared/logger.js';
import { requestIdOf } from './request-id.js';

/**
 * Errors Express itself raises (a body too large, JSON that does not parse): the API's error
 * shape with a code, never Express's HTML page or a stack trace.
 */
export function httpErrorHandler(log: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    const code =
      error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    if (status >= 500) log.error({ err: error, requestId: requestIdOf(req) }, 'http error');
    const message =
      code === 'PAYLOAD_TOO_LARGE'
        ? `The request body is larger than ${maxBodyBytes} bytes.`
        : status < 500
          ? 'The request could not be read.'
          : 'Internal server error.';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
