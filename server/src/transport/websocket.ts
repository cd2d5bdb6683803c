import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { WebSocketServer } from 'ws';
import { User } from '../accounts/user.entity.js';
import type { Context, Services } from '../shared/context.js';
import { DocumentCache } from '../shared/document-cache.js';
import { ForbiddenOperationError, formatError, RateLimitedError, TooManySubscriptionsError } from '../shared/errors.js';
import { UNTRUSTED_MESSAGE, type TrustedDocuments } from '../shared/trusted-documents.js';
import { socketGuardRails } from '../shared/guard-rails.js';
import { LivePlans } from '../shared/live/live-plan.js';
import { LiveSubscription } from '../shared/live/live-subscription.js';
import { connectionTokenFrom, requestIdFrom, type ContextFactory } from '../shared/request-context.js';
import { OpenSockets, SocketCloseCode, type OpenSocket } from './open-sockets.js';

export interface SocketServer {
  /** Closes every socket with 1012 so clients resume elsewhere, then stops the WebSocket server. */
  dispose(): Promise<void>;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

const mapOf = <K, V>(maps: Map<K, Map<string, V>>, key: K): Map<string, V> => {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map()));
  return map;
};

/** A subscription's kind for the metrics: its root field (`threadEvents`, `boardEvents`, …). */
function subscriptionKind(args: ExecutionArgs): string {
  const operation = getOperationAST(args.document, args.operationName);
  const field = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return field?.kind === Kind.FIELD ? field.name.value : 'unknown';
}

/** graphql-js's own subscribe, after the source stream exists: each source event executed once. */
function mapEvents(source: AsyncIterable<unknown>, args: ExecutionArgs): AsyncIterableIterator<ExecutionResult> {
  const stream = source[Symbol.asyncIterator]();
  return {
    async next(): Promise<IteratorResult<ExecutionResult>> {
      const event = await stream.next();
      if (event.done) return { done: true, value: undefined };
      return { done: false, value: await execute({ ...args, rootValue: event.value }) };
    },
    return: () => stream.return?.() ?? Promise.resolve({ done: true as const, value: undefined }),
    throw: (error: unknown) => stream.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  } as AsyncIterableIterator<ExecutionResult>;
}

/**
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's port, at `path`. graphql-ws's own `ws`
 * adapter is replaced by this one so that a socket keeps only what it needs (not its upgrade
 * request), one timer pings every socket, client addresses and accounts are counted for the limits
 * and for revocation, and live subscriptions write pre-rendered frames (see dialogue/live-hub.ts).
 */
export function startSocketServer(options: {
  httpServer: HttpServer;
  path: string;
  orm: MikroORM;
  schema: GraphQLSchema;
  services: Services;
  createContext: ContextFactory;
  addressOf: (request: IncomingMessage) => string;
  /** The registered documents; in production only these subscribe. */
  trusted: TrustedDocuments;
}): SocketServer {
  const { httpServer, schema, services, createContext } = options;
  const { config, log } = services;
  const production = config.environment === 'production';
  const rails = socketGuardRails(config.limits, production);
  const documents = new DocumentCache(schema, rails.parse, rails.rules);
  const { metrics } = services;
  const formatErrors = (errors: readonly GraphQLError[]) => {
    const masked = errors.map((error) => formatError(error.toJSON(), error, log));
    metrics.countErrors(masked, 'websocket');
    return masked;
  };
  // Subscriptions running, by socket and id, with their kind (the subscription field), for the
  // `nghedan_subscriptions` gauge; a socket's entries go when it closes. Queries and mutations
  // over the socket are timed from subscribe to result.
  const running = new Map<OpenSocket, Map<string, string>>();
  const started = new Map<OpenSocket, Map<string, () => void>>();
  metrics.observe({
    subscriptions: () => {
      const counts = new Map<string, number>();
      for (const ids of running.values())
        for (const kind of ids.values()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      return counts;
    },
  });
  const plans = new LivePlans(schema, formatErrors);
  const sockets = new OpenSockets(config.live, services.bus, () => options.orm.em.fork(), log);
  // Counted per instance, not in the shared RateLimits service: it protects this instance's CPU and
  // pool, and a reconnect storm should not wait on a Redis round trip per subscribe.
  const subscribes = new RateLimiterMemory({ points: config.live.subscribesPer10s, duration: 10 });

  const server = makeServer<Record<string, unknown>, OpenSocket>({
    schema,
    onConnect: async (ctx) => {
      const token = connectionTokenFrom(ctx.connectionParams ?? {});
      if (token === null) return false;
      if (token === undefined) return true;
      const claims = await services.tokens.verify(token);
      if (!claims) return false;
      const user = await options.orm.em.fork().findOne(User, claims.userId);
      if (!user || user.tokenVersion !== claims.tokenVersion || user.disabledAt) return false;
      sockets.signIn(ctx.extra, token, {
        userId: user.id,
        tokenVersion: user.tokenVersion,
        role: user.role,
        unitId: user.unit?.id ?? null,
        expiresAt: claims.expiresAt,
      });
      return true;
    },
    onSubscribe: async (ctx, id, payload) => {
      const open = ctx.extra;
      if (Object.keys(ctx.subscriptions).length > config.live.operationsPerSocket) {
        return [new TooManySubscriptionsError(config.live.operationsPerSocket)];
      }
      try {
        await subscribes.consume(open.address);
      } catch (refused) {
        if (refused instanceof RateLimiterRes) {
          metrics.rateLimitRefusals.inc({ limit: 'live_subscribes' });
          return [new RateLimitedError(Math.ceil(refused.msBeforeNext / 1000))];
        }
        throw refused;
      }
      if (!options.trusted.allows(payload.query)) return [new ForbiddenOperationError(UNTRUSTED_MESSAGE)];
      const checked = documents.check(payload.query);
      if ('errors' in checked) return [...checked.errors];
      let contextValue: Context;
      try {
        contextValue = await createContext({
          token: open.token,
          clientIp: open.address,
          requestId: requestIdFrom(undefined),
        });
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      const operationName = payload.operationName ?? undefined;
      const variables = payload.variables ?? undefined;
      const operation = getOperationAST(checked.document, operationName);
      const label = metrics.operationLabel(operationName ?? operation?.name?.value);
      if (operation && operation.operation !== 'subscription') {
        const end = metrics.operationDuration.startTimer({
          operation: label,
          type: operation.operation,
          transport: 'websocket',
        });
        mapOf(started, open).set(id, () => end());
      }
      contextValue.live = {
        subscriptionId: id,
        sink: open,
        acquirePlan: () => plans.acquire(payload.query, checked.document, operationName, variables),
      };
      return { schema, document: checked.document, operationName, variableValues: variables, contextValue };
    },
    subscribe: async (args) => {
      const stream = await createSourceEventStream(args);
      if (stream instanceof LiveSubscription) {
        // The hub renders this stream's events itself: let the operation's EntityManager go.
        (args as { contextValue?: unknown }).contextValue = undefined;
        return stream as AsyncIterable<ExecutionResult>;
      }
      return isAsyncIterable(stream) ? mapEvents(stream, args) : stream;
    },
    onOperation: (ctx, id, _payload, args, result) => {
      if (isAsyncIterable(result)) mapOf(running, ctx.extra).set(id, subscriptionKind(args));
      started.get(ctx.extra)?.get(id)?.();
      started.get(ctx.extra)?.delete(id);
    },
    onComplete: (ctx, id) => {
      running.get(ctx.extra)?.delete(id);
    },
    onNext: (_ctx, _id, _payload, args, result) => {
      if (!result.errors) return;
      const context = args.contextValue as Context;
      const errors = result.errors.map((error) => formatError(error.toJSON(), error, context.log, context.requestId));
      metrics.countErrors(errors, 'websocket');
      return { ...result, errors };
    },
    onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
  });

  const wsServer = new WebSocketServer({
    server: httpServer,
    path: options.path,
    maxPayload: config.maxBodyBytes,
    // Live deliveries are framed by text-frames.ts beside ws's sender, which compression would queue.
    perMessageDeflate: false,
    handleProtocols,
  });
  metrics.observe({ sockets: () => wsServer.clients.size });
  wsServer.on('error', (error) => log.error({ err: error }, 'WebSocket server error'));
  wsServer.on('connection', (socket, request) => {
    const open = sockets.open(socket, options.addressOf(request));
    if (!open) return;
    socket.on('error', (error) => {
      log.warn({ err: error }, 'WebSocket error');
      open.close(CloseCode.InternalServerError, 'Internal server error');
    });
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => void (socket.readyState === socket.OPEN && socket.send(data)),
        close: (code, reason) => open.close(code ?? CloseCode.InternalServerError, reason ?? ''),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              log.error({ err: error }, 'WebSocket message failed');
              open.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      open,
    );
    socket.once('close', (code, reason) => {
      running.delete(open);
      started.delete(open);
      sockets.closed(open);
      void closed(code, String(reason));
    });
  });

  return {
    dispose: async () => {
      sockets.stop();
      sockets.closeAll(SocketCloseCode.ServiceRestart, 'Server restarting: reconnect and resume');
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
