import type { Server as HttpServer } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Context, Services } from '../shared/context.js';
import { formatError } from '../shared/errors.js';
import { httpGuardRails } from '../shared/guard-rails.js';
import type { Metrics } from '../shared/metrics.js';
import { requestScope, tokenFrom, type ContextFactory } from '../shared/request-context.js';
import { trustedDocumentsMiddleware, type TrustedDocuments } from '../shared/trusted-documents.js';
import { requestIdOf } from './request-id.js';

/** Times each query and mutation by operation name into `nghedan_graphql_operation_duration_seconds`. */
function operationTiming(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const end = metrics.operationDuration.startTimer();
      let operation = 'unresolved';
      let type = 'unknown';
      return {
        async didResolveOperation(request) {
          operation = metrics.operationLabel(request.operationName);
          type = request.operation?.operation ?? 'unknown';
        },
        async willSendResponse() {
          end({ operation, type, transport: 'http' });
        },
      };
    },
  };
}

export interface GraphQLOverHttp {
  apollo: ApolloServer<Context>;
  /** Reads the JSON body and runs the operation; mount at the GraphQL path. */
  handler: RequestHandler[];
}

/**
 * GraphQL over HTTP (Apollo Server) with the guard rails, error masking and the drain of both
 * transports on stop: Apollo's drain plugin waits for in-flight HTTP requests, and `drainSockets`
 * closes the WebSockets (1012) first so their clients resume on another instance.
 */
export async function startGraphQLOverHttp(options: {
  httpServer: HttpServer;
  schema: GraphQLSchema;
  services: Services;
  createContext: ContextFactory;
  /** The registered documents; in production only these run. */
  trusted: TrustedDocuments;
  drainSockets: () => Promise<void>;
}): Promise<GraphQLOverHttp> {
  const { services, schema, httpServer } = options;
  const { config, log, metrics } = services;
  const production = config.environment === 'production';
  const rails = httpGuardRails(config.limits, production);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    csrfPrevention: true,
    // main.ts owns shutdown order: Apollo, then the ORM, then PostgreSQL.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    validationRules: rails.validationRules,
    parseOptions: rails.parseOptions,
    formatError: (formatted, error) => {
      const masked = formatError(formatted, error, log, requestScope.getStore());
      metrics.countErrors([masked], 'http');
      return masked;
    },
    plugins: [
      ...rails.plugins,
      operationTiming(metrics),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return { drainServer: options.drainSockets };
        },
      },
    ],
  });
  await apollo.start();
  return {
    apollo,
    handler: [
      express.json({ limit: config.maxBodyBytes }),
      trustedDocumentsMiddleware(options.trusted),
      expressMiddleware(apollo, {
        context: async ({ req }) =>
          options.createContext({
            token: tokenFrom(req.headers.authorization),
            clientIp: req.ip ?? 'unknown',
            requestId: requestIdOf(req),
          }),
      }),
    ],
  };
}
