import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  BadRequest: 'BAD_REQUEST',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  InvalidTransition: 'INVALID_TRANSITION',
  TooManySubscriptions: 'TOO_MANY_SUBSCRIPTIONS',
  ForbiddenOperation: 'FORBIDDEN_OPERATION',
  ConsentRequired: 'CONSENT_REQUIRED',
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
  /** `refusedCredentials`: the request's own token was refused before anything ran (HTTP 401). */
  constructor(message = 'You must be signed in to do this.', refusedCredentials = false) {
    super(message, {
      code: ErrorCode.Unauthenticated,
      ...(refusedCredentials
        ? { http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) } }
        : {}),
    });
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

/** A request the server will not run at all (not a GraphQL input problem): HTTP 400 over HTTP. */
export class BadRequestError extends AppError {
  readonly code = ErrorCode.BadRequest;
  constructor(message: string, status = 400) {
    super(message, { code: ErrorCode.BadRequest, http: { status } });
  }
}

export class RateLimitedError extends AppError {
  readonly code = ErrorCode.RateLimited;
  /** `retryAfter`: whole seconds until the caller may try again. */
  constructor(readonly retryAfter: number) {
    super(`Too many attempts. Try again in ${retryAfter} seconds.`, {
      code: ErrorCode.RateLimited,
      retryAfter,
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

export class TooManySubscriptionsError extends AppError {
  readonly code = ErrorCode.TooManySubscriptions;
  constructor(limit: number) {
    super(`At most ${limit} operations run at once on one connection. Complete one first.`, {
      code: ErrorCode.TooManySubscriptions,
      limit,
    });
  }
}

/** A document that is not registered, in production (see trusted-documents.ts). */
export class ForbiddenOperationError extends AppError {
  readonly code = ErrorCode.ForbiddenOperation;
  constructor(message: string) {
    super(message, { code: ErrorCode.ForbiddenOperation, http: { status: 403 } });
  }
}

/** The privacy notice in force was not agreed to: show it (its `noticeVersion`) and send that version back. */
export class ConsentRequiredError extends AppError {
  readonly code = ErrorCode.ConsentRequired;
  constructor(noticeVersion: string) {
    super(`Read the privacy notice (version ${noticeVersion}) and agree to it first.`, {
      code: ErrorCode.ConsentRequired,
      noticeVersion,
      field: 'consentVersion',
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

/** PostgreSQL refuses NUL and unencodable characters in text: the caller's input, never a server fault. */
const BAD_TEXT_SQLSTATES = new Set(['22021', '22P05']);
const sqlStateOf = (error: unknown): unknown =>
  error !== null && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : undefined;

/** `extensions.http` tells Apollo the status; it never goes out in the body. */
const withoutHttp = (extensions: Record<string, unknown>) => {
  const { http: _http, ...rest } = extensions;
  return rest;
};

/** 4xx asked for by the thrower (Apollo's own request errors carry no code, only a status). */
const clientStatusOf = (error: GraphQLError): boolean => {
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

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
      extensions: withoutHttp(original.extensions),
    };
  }
  if (BAD_TEXT_SQLSTATES.has(sqlStateOf(original) as string)) {
    return {
      message: 'Text must not contain NUL or other characters that cannot be stored.',
      path: formatted.path,
      extensions: { code: ErrorCode.BadUserInput },
    };
  }
  const code = formatted.extensions?.code;
  const untyped =
    original instanceof GraphQLError && original.originalError === undefined && original.extensions.code === undefined;
  const isRequestError = (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) || untyped;
  if (isRequestError) {
    const requestCode =
      typeof code === 'string' && REQUEST_ERROR_CODES.has(code)
        ? code
        : original instanceof GraphQLError && clientStatusOf(original)
          ? ErrorCode.BadRequest
          : 'GRAPHQL_VALIDATION_FAILED';
    return {
      message: formatted.message.replace(SUGGESTION, ''),
      locations: formatted.locations,
      extensions: { code: requestCode },
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
