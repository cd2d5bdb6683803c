import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  InvalidTransition: 'INVALID_TRANSITION',
  BadRequest: 'BAD_REQUEST',
  TooManySubscriptions: 'TOO_MANY_SUBSCRIPTIONS',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Errors the server raises on purpose: their message and code are safe to show to the caller. */
export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  protected constructor(message: string, extensions: Record<string, unknown>) {
    super(message, { extensions });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = ErrorCode.Unauthenticated;
  constructor(message = 'You must be signed in to do this.') {
    super(message, { code: ErrorCode.Unauthenticated });
  }
}

export class ForbiddenError extends AppError {
  readonly code = ErrorCode.Forbidden;
  constructor(message = 'You are not allowed to do this.') {
    super(message, { code: ErrorCode.Forbidden });
  }
}

export class NotFoundError extends AppError {
  readonly code = ErrorCode.NotFound;
  constructor(what: string) {
    super(`${what} not found.`, { code: ErrorCode.NotFound });
  }
}

export class BadUserInputError extends AppError {
  readonly code = ErrorCode.BadUserInput;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message, {
      code: ErrorCode.BadUserInput,
      ...(field ? { field } : {}),
    });
  }
}

export class ConflictError extends AppError {
  readonly code = ErrorCode.Conflict;
  constructor(message: string, field?: string) {
    super(message, { code: ErrorCode.Conflict, ...(field ? { field } : {}) });
  }
}

export class RateLimitedError extends AppError {
  readonly code = ErrorCode.RateLimited;
  constructor(retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
      code: ErrorCode.RateLimited,
      retryAfterSeconds,
    });
  }
}

export class InvalidTransitionError extends AppError {
  readonly code = ErrorCode.InvalidTransition;
  constructor(from: string, to: string) {
    super(`Cannot move from ${from} to ${to}.`, {
      code: ErrorCode.InvalidTransition,
      from,
      to,
    });
  }
}

export class BadRequestError extends AppError {
  readonly code = ErrorCode.BadRequest;
  constructor(message: string) {
    super(message, { code: ErrorCode.BadRequest });
  }
}

export class TooManySubscriptionsError extends AppError {
  readonly code = ErrorCode.TooManySubscriptions;
  constructor(limit: number) {
    super(`At most ${limit} operations run at once on one connection. Complete one first.`, {
      code: ErrorCode.TooManySubscriptions,
      limit,
    });
  }
}

/** Codes produced by graphql-js and Apollo for a malformed request: the caller's fault, safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const SUGGESTION = / ?Did you mean .*\?$/;

/**
 * The one place errors are shaped for the outside world, for HTTP and WebSocket alike:
 * our own errors and request errors pass (without field suggestions), anything else is
 * logged with the request id and replaced by a generic INTERNAL_SERVER_ERROR.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: Logger,
  requestId?: string,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...original.extensions },
    };
  }
  const code = formatted.extensions?.code;
  const isRequestError =
    (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) ||
    (original instanceof GraphQLError && original.originalError === undefined && code === undefined);
  if (isRequestError) {
    return {
      message: formatted.message.replace(SUGGESTION, ''),
      locations: formatted.locations,
      extensions: {
        code: typeof code === 'string' ? code : 'GRAPHQL_VALIDATION_FAILED',
      },
    };
  }
  log.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
  return {
    message: 'Internal server error.',
    path: formatted.path,
    extensions: {
      code: ErrorCode.Internal,
      ...(requestId ? { requestId } : {}),
    },
  };
}
