import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { User } from '../accounts/user.entity.js';
import type { Context, Services } from './context.js';
import { UnauthenticatedError } from './errors.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** The id of the HTTP request being handled, for code that has no context object (error formatting). */
export const requestScope = new AsyncLocalStorage<string>();

export const requestIdFrom = (header: unknown): string =>
  typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();

/** Takes the token from `Bearer <token>` or from a bare token string. */
export function tokenFrom(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return (match?.[1] ?? value).trim();
}

/**
 * The token a graphql-ws `connection_init` carries (`authToken`, or `Authorization` as a header
 * would). Absent or null: anonymous (`undefined`). Anything else that is not a non-empty string
 * (a number, object, array, boolean or "") is refused (`null`; the socket closes with 4403)
 * rather than silently treated as anonymous.
 */
export function connectionTokenFrom(params: Readonly<Record<string, unknown>>): string | undefined | null {
  const value = params.authToken ?? params.Authorization ?? params.authorization;
  if (value === undefined || value === null) return undefined;
  return tokenFrom(value) ?? null;
}

/**
 * Builds the per-operation context for HTTP and WebSocket alike. A token that is present but
 * not valid is an error: it never silently becomes an anonymous request.
 */
export function contextFactory(orm: MikroORM, services: Services) {
  return async (input: { token?: string; clientIp: string; requestId: string }): Promise<Context> => {
    const em = orm.em.fork();
    const log = services.log.child({ requestId: input.requestId });
    let viewer: User | null = null;
    if (input.token !== undefined) {
      const claims = await services.tokens.verify(input.token);
      viewer = claims ? await em.findOne(User, claims.userId, { populate: ['unit'] }) : null;
      if (!viewer || !claims || viewer.tokenVersion !== claims.tokenVersion || viewer.disabledAt) {
        throw new UnauthenticatedError('The access token is invalid or has expired. Sign in again.', true);
      }
    }
    return {
      em,
      viewer,
      requestId: input.requestId,
      clientIp: input.clientIp,
      log,
      services,
      grants: new Set(),
    };
  };
}

export type ContextFactory = ReturnType<typeof contextFactory>;
