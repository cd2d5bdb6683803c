import type * as GraphqlWs from 'graphql-ws';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../../web/src/accounts/session';
import { createConfig } from '../../../web/src/config';

type Listener = (event: unknown) => void;
const listeners = new Map<string, Listener[]>();
const terminate = vi.fn();
let options: GraphqlWs.ClientOptions | undefined;

vi.mock('graphql-ws', async (importOriginal) => ({
  ...(await importOriginal<typeof GraphqlWs>()),
  createClient: (given: GraphqlWs.ClientOptions) => {
    options = given;
    return {
      on: (name: string, listener: Listener) => {
        listeners.set(name, [...(listeners.get(name) ?? []), listener]);
        return () => undefined;
      },
      terminate,
      subscribe: vi.fn(),
      dispose: vi.fn(),
    };
  },
}));

const { createGraphqlClients } = await import('../../../web/src/graphql/client');

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

function signedIn() {
  const session = createSession(memoryStorage());
  session.start({
    token: 'token',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: 'u-1', displayName: 'Dân', email: 'dan@nghedan.demo', role: 'CITIZEN', unit: null },
  });
  createGraphqlClients(createConfig({}, 'http://localhost'), session);
  return session;
}

/** What graphql-ws does when it opens a socket: it asks for the connection params. */
const connect = async () => {
  const params = options?.connectionParams;
  return typeof params === 'function' ? await params() : params;
};

const close = (code: number) => {
  // The client must listen for closes, or every case below would pass without testing anything.
  expect(listeners.get('closed')?.length).toBe(1);
  listeners.get('closed')!.forEach((listener) => listener({ code }));
};

beforeEach(() => {
  listeners.clear();
  terminate.mockClear();
});

describe('WebSocket close codes', () => {
  it('4403 (bad or expired token) ends the session and asks to sign in again', async () => {
    const session = signedIn();
    expect(await connect()).toEqual({ authToken: 'token' });
    close(4403);
    expect(session.isSignedIn.value).toBe(false);
    expect(session.expired.value).toBe(true);
    expect(terminate).toHaveBeenCalled();
    session.start({
      token: 'new',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'u-1', displayName: 'Dân', email: 'dan@nghedan.demo', role: 'CITIZEN', unit: null },
    });
    expect(session.expired.value).toBe(false);
  });

  it('4403 for a socket opened with an older token keeps the session that already holds a new one', async () => {
    const session = signedIn();
    await connect();
    // A password change here: the session gets the new token before the old socket is closed.
    session.start({
      token: 'after-password-change',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'u-1', displayName: 'Dân', email: 'dan@nghedan.demo', role: 'CITIZEN', unit: null },
    });
    close(4403);
    expect(session.isSignedIn.value).toBe(true);
    expect(session.expired.value).toBe(false);
    expect(await connect()).toEqual({ authToken: 'after-password-change' });
  });

  it.each([1000, 1006, 1012, 4001, 4002, 4500])('%i keeps the session (the socket just reconnects)', async (code) => {
    const session = signedIn();
    await connect();
    close(code);
    expect(session.isSignedIn.value).toBe(true);
    expect(session.expired.value).toBe(false);
    expect(terminate).not.toHaveBeenCalled();
  });
});
