import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler, type Request, type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { projectRoot } from './config.js';
import { pendingMigrations } from './db/orm.js';
import type { Context, Services } from './shared/context.js';
import { clientAddress } from './shared/client-address.js';
import { formatError } from './shared/errors.js';
import { httpGuardRails } from './shared/guard-rails.js';
import { notFoundAsJson } from './shared/not-found.js';
import { contextFactory, requestIdFrom, requestScope, tokenFrom } from './shared/request-context.js';
import { securityHeaders } from './shared/security-headers.js';
import { TrustedDocuments, trustedDocumentsMiddleware } from './shared/trusted-documents.js';
import { mediaRouter } from './transport/media-routes.js';
import { startSocketServer } from './transport/websocket.js';
import { hasWebApp, webAppRouter } from './transport/web-app.js';

export const GRAPHQL_PATH = '/graphql';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * One port serves GraphQL over HTTP and WebSocket at /graphql, the health probes and the
 * built web app. Both transports share the context factory, guard rails and error masking.
 */
export async function startHttpServer(
  orm: MikroORM,
  schema: GraphQLSchema,
  services: Services,
  /** More HTTP routes (a domain's pages, such as the unsubscribe link), mounted before the web app. */
  routes: Router[] = [],
): Promise<RunningServer> {
  const { config, log } = services;
  const production = config.environment === 'production';
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

  const httpRails = httpGuardRails(config.limits, production);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    csrfPrevention: true,
    // main.ts owns shutdown order: Apollo, then the ORM, then PostgreSQL.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    validationRules: httpRails.validationRules,
    parseOptions: httpRails.parseOptions,
    formatError: (formatted, error) => formatError(formatted, error, log, requestScope.getStore()),
    plugins: [
      ...httpRails.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await socketServer.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    (req as Request & { requestId: string }).requestId = requestId;
    requestScope.run(requestId, next);
  });

  app.use(securityHeaders(GRAPHQL_PATH));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      const pending = await pendingMigrations(orm);
      if (pending > 0) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use(
    GRAPHQL_PATH,
    express.json({ limit: config.maxBodyBytes }),
    trustedDocumentsMiddleware(trusted),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext({
          token: tokenFrom(req.headers.authorization),
          clientIp: req.ip ?? 'unknown',
          requestId: (req as Request & { requestId: string }).requestId,
        }),
    }),
  );

  app.use(mediaRouter(orm, services, createContext));
  for (const router of routes) app.use(router);

  const webDist = path.join(projectRoot, 'web/dist');
  if (hasWebApp(webDist)) {
    app.use(webAppRouter(webDist, /^\/(graphql|healthz|readyz|attachments\/|uploads)/));
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('Nghe Dân API is running at /graphql. Build the web app with `npm run web:build`.');
    });
  }

  const handleErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    const code =
      error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    if (status >= 500)
      log.error(
        {
          err: error,
          requestId: (req as Request & { requestId?: string }).requestId,
        },
        'http error',
      );
    const message =
      code === 'PAYLOAD_TOO_LARGE'
        ? `The request body is larger than ${config.maxBodyBytes} bytes.`
        : status < 500
          ? 'The request could not be read.'
          : 'Internal server error.';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
  app.use(notFoundAsJson);
  app.use(handleErrors);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    stop: () => (stopping ??= apollo.stop()),
  };
}
