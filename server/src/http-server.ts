import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Services } from './shared/context.js';
import { clientAddress } from './shared/client-address.js';
import { notFoundAsJson } from './shared/not-found.js';
import { contextFactory } from './shared/request-context.js';
import { securityHeaders } from './shared/security-headers.js';
import { TrustedDocuments } from './shared/trusted-documents.js';
import { startGraphQLOverHttp } from './transport/graphql-http.js';
import { healthRoutes } from './transport/health.js';
import { httpErrorHandler } from './transport/http-errors.js';
import { OPEN311_PATH, open311Router } from './open311/routes.js';
import { mediaRouter } from './transport/media-routes.js';
import { httpTiming, metricsRoute } from './transport/metrics-route.js';
import { assignRequestId } from './transport/request-id.js';
import { webAppRoutes } from './transport/web-app.js';
import { startSocketServer } from './transport/websocket.js';

export const GRAPHQL_PATH = '/graphql';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * One port serves GraphQL over HTTP and WebSocket at /graphql, the health probes, `/metrics`
 * (only with METRICS_TOKEN), uploads and attachment links, Open311 GeoReport v2 at /open311/v2, and the built web app. Both transports share the context factory,
 * guard rails and error masking; each part lives in its module under transport/.
 */
export async function startHttpServer(
  orm: MikroORM,
  schema: GraphQLSchema,
  services: Services,
  /** More HTTP routes (a domain's pages, such as the unsubscribe link), mounted before the web app. */
  routes: Router[] = [],
): Promise<RunningServer> {
  const { config, log, metrics } = services;
  const createContext = contextFactory(orm, services);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  const trusted = TrustedDocuments.load(config.trustedDocuments, config.trustedDocumentsFile, config.limits.maxTokens);
  if (trusted.enforced) log.info({ documents: trusted.size }, 'only registered GraphQL documents run');

  const socketServer = startSocketServer({
    trusted,
    httpServer,
    path: GRAPHQL_PATH,
    orm,
    schema,
    services,
    createContext,
    addressOf: (request) => clientAddress(request, config.trustProxy),
  });
  const graphql = await startGraphQLOverHttp({
    httpServer,
    schema,
    services,
    createContext,
    trusted,
    drainSockets: () => socketServer.dispose(),
  });

  app.use(assignRequestId);
  app.use(httpTiming(metrics));
  app.use(securityHeaders(GRAPHQL_PATH));
  app.use(healthRoutes(orm, log));
  if (config.metricsToken) app.get('/metrics', metricsRoute(metrics, config.metricsToken));
  app.use(GRAPHQL_PATH, ...graphql.handler);
  app.use(OPEN311_PATH, open311Router(orm, services));
  app.use(mediaRouter(orm, services, createContext));
  for (const router of routes) app.use(router);
  app.use(webAppRoutes());
  app.use(notFoundAsJson);
  app.use(httpErrorHandler(log, config.maxBodyBytes));

  await listen(httpServer, config.port, config.host);
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    stop: () => (stopping ??= graphql.apollo.stop()),
  };
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
