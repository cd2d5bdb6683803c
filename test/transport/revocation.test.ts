import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../../server/src/accounts/token.js';
import { Role } from '../../server/src/accounts/role.js';
import { startApp, type App } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { createTestDatabase } from '../support/database.js';
import { rawSocket } from '../support/raw-socket.js';
import { DEMO_PASSWORD, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.js';

const BOARD = 'subscription { boardEvents { cursor } }';
const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }`;
const ME = '{ me { id role } }';

/** A socket signed in with `token`, following the board. */
async function signedInSocket(url: string, token: string) {
  const socket = await rawSocket(url);
  await socket.init({ authToken: token });
  socket.subscribe('board', BOARD);
  return socket;
}

const stillOpen = async (socket: Awaited<ReturnType<typeof rawSocket>>) => {
  // A round trip on the socket after the close would have arrived.
  socket.subscribe('probe', '{ __typename }');
  await socket.until((all) => all.some((message) => message.id === 'probe'), 'the probe');
  return socket.ws.readyState === socket.ws.OPEN;
};

describe('revocation on one instance', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });

  it("closes an account's sockets with 4403 when its password changes, and only that account's", async () => {
    const token = await server.login('kbinh@nghedan.demo');
    const other = await signedInSocket(server.url, await server.login('dan@nghedan.demo'));
    const first = await signedInSocket(server.url, token);
    const second = await signedInSocket(server.url, token);
    const changed = await server.gql<{ changePassword: { token: string } }>(CHANGE_PASSWORD, {
      token,
      variables: { input: { currentPassword: DEMO_PASSWORD, newPassword: 'another-password-1' } },
    });
    expect(await first.closed).toBe(4403);
    expect(await second.closed).toBe(4403);
    const renewed = await signedInSocket(server.url, changed.data!.changePassword.token);
    expect(await stillOpen(renewed)).toBe(true);
    expect(await stillOpen(other)).toBe(true);
  });

  it.each([
    ['disabled', { disabled: true }],
    ['moved to another role', { role: 'MONITOR' }],
  ])('closes the sockets of an account %s by an administrator', async (_what, change) => {
    const admin = await server.login('admin@nghedan.demo');
    const email = `officer-${Math.random().toString(36).slice(2)}@nghedan.demo`;
    const units = await server.gql<{ units: Array<{ id: string; code: string }> }>('{ units { id code } }');
    const created = await server.gql<{ createStaffAccount: { id: string } }>(
      'mutation ($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id } }',
      {
        token: admin,
        variables: {
          input: {
            email,
            password: DEMO_PASSWORD,
            displayName: 'Cán bộ thử',
            role: 'OFFICER',
            unitId: units.data!.units.find((unit) => unit.code === 'LH.NB')!.id,
          },
        },
      },
    );
    const token = await server.login(email, DEMO_PASSWORD);
    const socket = await signedInSocket(server.url, token);
    const updated = await server.gql(
      'mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { id role disabledAt } }',
      { token: admin, variables: { input: { userId: created.data!.createStaffAccount.id, ...change } } },
    );
    expect(updated.errors).toBeUndefined();
    expect(await socket.closed).toBe(4403);
    expect((await server.gql(ME, { token })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('closes a socket with 4403 when its token expires', async () => {
    const token = await server.login('dan@nghedan.demo');
    const me = await server.gql<{ me: { id: string } }>(ME, { token });
    const user = await server.app.orm.em.fork().findOneOrFail('User', me.data!.me.id);
    const shortLived = await new TokenService(TEST_JWT_SECRET, 2).sign({
      userId: me.data!.me.id,
      role: Role.CITIZEN,
      tokenVersion: (user as { tokenVersion: number }).tokenVersion,
    });
    const socket = await signedInSocket(server.url, shortLived.token);
    const opened = Date.now();
    expect(await socket.closed).toBe(4403);
    expect(Date.now() - opened).toBeLessThan(10_000);
  });
});

describe('revocation whose notice never came', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ LIVE_ACCOUNT_CHECK_SECONDS: '1' });
  });

  it('closes the socket when the account changed behind the server (the password script without Redis)', async () => {
    const token = await server.login('dan@nghedan.demo');
    const socket = await signedInSocket(server.url, token);
    await server.app.orm.em
      .fork()
      .execute("update users set token_version = token_version + 1 where email = 'dan@nghedan.demo'");
    expect(await socket.closed).toBe(4403);
  });
});

const redisUrl = process.env.REDIS_URL?.trim();

describe.skipIf(!redisUrl)('revocation across instances sharing Redis', () => {
  const apps: App[] = [];
  afterAll(async () => {
    for (const app of apps) await app.stop();
  });

  it('closes the sockets on both instances when the password changes on one', async () => {
    const databaseUrl = await createTestDatabase('seeded');
    for (let index = 0; index < 2; index += 1) {
      apps.push(
        await startApp(
          loadConfig({
            NODE_ENV: 'test',
            PORT: '0',
            DATABASE_URL: databaseUrl,
            REDIS_URL: redisUrl,
            JWT_SECRET: TEST_JWT_SECRET,
            SEED_DEMO: 'true',
            SEED_DEMO_THREADS: 'false',
            DEMO_PASSWORD,
            LOG_LEVEL: 'silent',
          }),
        ),
      );
    }
    const [a, b] = apps.map((app) => `http://127.0.0.1:${app.port}`) as [string, string];
    const call = async <T>(url: string, query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: T; errors?: unknown[] };
    };
    const login = await call<{ login: { token: string } }>(
      a,
      'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email: 'dan@nghedan.demo', password: DEMO_PASSWORD } },
    );
    const token = login.data!.login.token;
    const onA = await signedInSocket(a, token);
    const onB = await signedInSocket(b, token);
    const changed = await call(
      a,
      CHANGE_PASSWORD,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: 'another-password-2' } },
      token,
    );
    expect(changed.errors).toBeUndefined();
    expect(await onA.closed).toBe(4403);
    expect(await onB.closed).toBe(4403);
  });
});
