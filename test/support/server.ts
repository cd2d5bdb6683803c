import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll } from 'vitest';
import { startApp, type App } from '../../server/src/app.js';
import { loadConfig, RATE_LIMIT_VARIABLES } from '../../server/src/config.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from './constants.js';
import { createTestDatabase } from './database.js';

export { DEMO_PASSWORD, TEST_JWT_SECRET } from './constants.js';

/** Tests post, reply and sign in far more often than people do; the rate-limit tests set their own. */
export const RELAXED_RATE_LIMITS: Record<string, string> = Object.fromEntries(
  Object.values(RATE_LIMIT_VARIABLES).map(([name]) => [name, '1000000/1h']),
);

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions?: Record<string, unknown>;
  }>;
}

export interface TestServer {
  app: App;
  url: string;
  /** POSTs one operation to /graphql over real HTTP. */
  gql<T = Record<string, unknown>>(
    query: string,
    options?: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** Opens a real graphql-ws connection; closed after the file's tests. */
  socket(connectionParams?: Record<string, unknown>): Client;
  login(email: string, password?: string): Promise<string>;
}

/**
 * Starts the real server on a free port, on a database of the file's own: a copy of the seeded
 * template when the file wants the usual demo data, else an empty one the server fills itself.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const usualDemo =
    (env.SEED_DEMO ?? 'true') === 'true' &&
    (env.SEED_DEMO_THREADS ?? 'false') === 'false' &&
    (env.DEMO_PASSWORD ?? DEMO_PASSWORD) === DEMO_PASSWORD;
  const databaseUrl = await createTestDatabase(usualDemo ? 'seeded' : 'empty');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: 'true',
    SEED_DEMO_THREADS: 'false',
    DEMO_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Without SMTP_URL, e-mails become .eml files: kept out of the project's data folder.
    MAIL_DIR: path.join(os.tmpdir(), 'nghedan-test-mail'),
    ...RELAXED_RATE_LIMITS,
    ...env,
  });
  const app = await startApp(config);
  const sockets: Client[] = [];
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await app.stop();
  });
  const url = `http://127.0.0.1:${app.port}`;

  const gql: TestServer['gql'] = async (query, options = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables: options.variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
    return { status: response.status, ...body } as GraphQLResponse<never>;
  };

  return {
    app,
    url,
    gql,
    socket(connectionParams) {
      const client = createClient({
        url: `ws://127.0.0.1:${app.port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
        lazy: true,
      });
      sockets.push(client);
      return client;
    },
    async login(email, password = DEMO_PASSWORD) {
      const result = await gql<{ login: { token: string } }>(
        'mutation ($input: LoginInput!) { login(input: $input) { token } }',
        { variables: { input: { email, password } } },
      );
      if (!result.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.token;
    },
  };
}

/** Runs one operation over a graphql-ws client and resolves with its first result or error. */
export function overSocket(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{
  data?: unknown;
  errors?: ReadonlyArray<{
    message: string;
    extensions?: Record<string, unknown>;
  }>;
}> {
  return new Promise((resolve, reject) => {
    const dispose = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          dispose();
          resolve(result as never);
        },
        error: (error) => {
          if (Array.isArray(error)) resolve({ errors: error });
          else reject(error);
        },
        complete: () => undefined,
      },
    );
  });
}
