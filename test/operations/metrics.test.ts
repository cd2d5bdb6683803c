import { PRIVACY_NOTICE } from '../../server/src/shared/privacy-notice.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';
let server: TestServer;
let dir: Directory;

beforeAll(async () => {
  server = await startTestServer({ METRICS_TOKEN, RATE_LIMIT_SIGN_UPS: '1/1h' });
  dir = await directory(server);
});

const scrape = async (token: string | null = METRICS_TOKEN) =>
  fetch(`${server.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** The value of one series (name with its labels exactly as Prometheus prints them), or undefined. */
const valueOf = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

const waitFor = async (check: () => Promise<boolean>) => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the metrics never showed it');
};

describe('/metrics', () => {
  it('refuses a scrape without the token, or with another one', async () => {
    expect((await scrape(null)).status).toBe(401);
    const wrong = await scrape('metrics-token-for-the-tests-but-not-this-one');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('nghedan_');
  });

  it('shows HTTP and GraphQL latency by operation name and errors by code', async () => {
    await server.gql('query BoardCategories { categories { code } }');
    await server.gql('query Broken { thread(id: "not-an-id") { id } }');
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(
      valueOf(
        text,
        'nghedan_graphql_operation_duration_seconds_count{operation="BoardCategories",type="query",transport="http"}',
      ),
    ).toBe(1);
    expect(
      valueOf(text, 'nghedan_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^nghedan_graphql_errors_total\{code="(BAD_USER_INPUT|NOT_FOUND)",transport="http"\} 1$/m);
    expect(valueOf(text, 'nghedan_db_pool_connections{state="max"}')).toBe(10);
    expect(text).toContain('nghedan_process_cpu_user_seconds_total');
  });

  it('counts open sockets and subscriptions by kind, and the lag of live events', async () => {
    const client = server.socket();
    const received: unknown[] = [];
    const dispose = client.subscribe(
      { query: 'subscription BoardLive { boardEvents { cursor type } }' },
      { next: (event) => void received.push(event), error: () => undefined, complete: () => undefined },
    );
    await waitFor(async () => {
      const text = await (await scrape()).text();
      return valueOf(text, 'nghedan_subscriptions{kind="boardEvents"}') === 1;
    });
    expect(valueOf(await (await scrape()).text(), 'nghedan_open_sockets')).toBe(1);

    await post(server, dir);
    await waitFor(async () => received.length > 0);
    await waitFor(
      async () => (valueOf(await (await scrape()).text(), 'nghedan_live_event_lag_seconds_count') ?? 0) > 0,
    );

    dispose();
    await waitFor(async () => {
      const text = await (await scrape()).text();
      return (valueOf(text, 'nghedan_subscriptions{kind="boardEvents"}') ?? 0) === 0;
    });
  });

  it('counts rate-limit refusals by rule', async () => {
    const signUp = (email: string) =>
      server.gql('mutation ($input: RegisterInput!) { register(input: $input) { token } }', {
        variables: {
          input: {
            email,
            password: 'a-long-password-1',
            displayName: 'Người dân',
            consentVersion: PRIVACY_NOTICE.version,
          },
        },
      });
    await signUp('first-metrics@example.vn');
    const refused = await signUp('second-metrics@example.vn');
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const text = await (await scrape()).text();
    expect(valueOf(text, 'nghedan_rate_limit_refusals_total{limit="signUps"}')).toBe(1);
    expect(valueOf(text, 'nghedan_graphql_errors_total{code="RATE_LIMITED",transport="http"}')).toBe(1);
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let plain: TestServer;
  beforeAll(async () => {
    plain = await startTestServer();
  });

  it('does not exist', async () => {
    const response = await fetch(`${plain.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('nghedan_');
  });
});
