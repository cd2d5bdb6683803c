import { PRIVACY_NOTICE } from '../../server/src/shared/privacy-notice.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { token expiresAt user { id email displayName role } }
}`;
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token user { email role } } }';
const ME = '{ me { email displayName role unit { code name } } }';
const CREATE_STAFF = `mutation ($input: CreateStaffAccountInput!) {
  createStaffAccount(input: $input) { email role unit { code } }
}`;
const CHANGE_PASSWORD = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { token } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_LOGIN_FAILURES: '10/15m' });
});

describe('register, login and me', () => {
  it('signs a new citizen up, signs them in and tells them who they are', async () => {
    const registered = await server.gql<{
      register: { token: string; user: { email: string; role: string } };
    }>(REGISTER, {
      variables: {
        input: {
          email: 'Mai.Nguyen@Example.VN',
          password: 'mat-khau-123',
          displayName: 'Nguyễn Thị Mai',
          consentVersion: PRIVACY_NOTICE.version,
        },
      },
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.register.user).toMatchObject({
      email: 'mai.nguyen@example.vn',
      role: 'CITIZEN',
    });

    const login = await server.gql<{ login: { token: string } }>(LOGIN, {
      variables: {
        input: { email: 'mai.nguyen@example.vn', password: 'mat-khau-123' },
      },
    });
    const me = await server.gql(ME, { token: login.data?.login.token });
    expect(me.data).toEqual({
      me: {
        email: 'mai.nguyen@example.vn',
        displayName: 'Nguyễn Thị Mai',
        role: 'CITIZEN',
        unit: null,
      },
    });
  });

  it('answers me with null for an anonymous caller', async () => {
    expect((await server.gql(ME)).data).toEqual({ me: null });
  });

  it('shows an officer their unit', async () => {
    const token = await server.login('lh.nb@nghedan.demo');
    const me = await server.gql(ME, { token });
    expect(me.data).toMatchObject({
      me: {
        role: 'OFFICER',
        unit: { code: 'LH.NB', name: 'UBND thị trấn Nam Ban' },
      },
    });
  });

  it('refuses a second account with the same e-mail with CONFLICT', async () => {
    const input = {
      email: 'dan@nghedan.demo',
      password: 'another-pass-1',
      displayName: 'Someone',
      consentVersion: PRIVACY_NOTICE.version,
    };
    const result = await server.gql(REGISTER, { variables: { input } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'email',
    });
  });

  it.each([
    [{ email: 'not-an-email', password: 'long-enough', displayName: 'A' }, 'email'],
    [{ email: 'a@b.vn', password: 'short', displayName: 'A' }, 'password'],
    [{ email: 'a@b.vn', password: 'long-enough', displayName: '   ' }, 'displayName'],
    [
      {
        email: 'a@b.vn',
        password: 'long-enough',
        displayName: 'x'.repeat(101),
      },
      'displayName',
    ],
  ])('rejects bad sign-up input %j naming the field %s', async (input, field) => {
    const result = await server.gql(REGISTER, { variables: { input } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('gives the same error for a wrong password and an unknown account', async () => {
    const wrongPassword = await server.gql(LOGIN, {
      variables: {
        input: { email: 'dan@nghedan.demo', password: 'wrong-password' },
      },
    });
    const unknown = await server.gql(LOGIN, {
      variables: {
        input: { email: 'nobody@nghedan.demo', password: 'wrong-password' },
      },
    });
    expect(wrongPassword.errors).toEqual(unknown.errors);
    expect(wrongPassword.errors?.[0]).toMatchObject({
      message: 'Wrong e-mail or password.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('stops password guessing on one account from one address with RATE_LIMITED', async () => {
    const input = { email: 'lh.tv@nghedan.demo', password: 'guess-guess' };
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      codes.push((await server.gql(LOGIN, { variables: { input } })).errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
    expect(codes[10]).toBe('RATE_LIMITED');
  });

  it('refuses a forged or garbled token instead of treating the caller as anonymous', async () => {
    const token = await server.login('dan@nghedan.demo');
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.c2lnbmF0dXJlLWZyb20tc29tZW9uZS1lbHNl`;
    for (const bad of [forged, 'not-a-token']) {
      const result = await server.gql(ME, { token: bad });
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    }
  });

  it('revokes older tokens when the password changes', async () => {
    const old = await server.login('dan@nghedan.demo');
    const changed = await server.gql<{ changePassword: { token: string } }>(CHANGE_PASSWORD, {
      token: old,
      variables: {
        input: {
          currentPassword: 'demo-password-for-tests',
          newPassword: 'new-password-2026',
        },
      },
    });
    expect(changed.errors).toBeUndefined();
    expect((await server.gql(ME, { token: old })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = changed.data!.changePassword.token;
    expect((await server.gql(ME, { token: fresh })).data).toMatchObject({
      me: { email: 'dan@nghedan.demo' },
    });
    expect(await server.login('dan@nghedan.demo', 'new-password-2026')).toBeTypeOf('string');
  });
});

describe('staff accounts', () => {
  const officerInput = (unitId: string | null, email = 'can.bo.moi@nghedan.demo') => ({
    email,
    password: 'initial-pass-1',
    displayName: 'Cán bộ mới',
    role: 'OFFICER',
    unitId,
  });

  const unitId = async (code: string): Promise<string> => {
    const units = await server.gql<{
      units: Array<{ id: string; code: string }>;
    }>('{ units { id code } }');
    return units.data!.units.find((unit) => unit.code === code)!.id;
  };

  it('lets an administrator create an officer of a unit, who can then sign in', async () => {
    const admin = await server.login('admin@nghedan.demo');
    const result = await server.gql(CREATE_STAFF, {
      token: admin,
      variables: { input: officerInput(await unitId('LH.PT')) },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      createStaffAccount: {
        email: 'can.bo.moi@nghedan.demo',
        role: 'OFFICER',
        unit: { code: 'LH.PT' },
      },
    });
    const token = await server.login('can.bo.moi@nghedan.demo', 'initial-pass-1');
    expect((await server.gql(ME, { token })).data).toMatchObject({
      me: { unit: { code: 'LH.PT' } },
    });
  });

  it('forbids officers and citizens to create accounts, and asks anonymous callers to sign in', async () => {
    const input = officerInput(await unitId('LH.PT'), 'x@nghedan.demo');
    for (const email of ['lh.pt@nghedan.demo', 'kbinh@nghedan.demo', 'mttq@nghedan.demo']) {
      const token = await server.login(email);
      const result = await server.gql(CREATE_STAFF, {
        token,
        variables: { input },
      });
      expect(result.errors?.[0]?.extensions?.code, email).toBe('FORBIDDEN');
    }
    const anonymous = await server.gql(CREATE_STAFF, { variables: { input } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('requires a unit for an officer and refuses one for a monitor', async () => {
    const admin = await server.login('admin@nghedan.demo');
    const noUnit = await server.gql(CREATE_STAFF, {
      token: admin,
      variables: { input: officerInput(null, 'o2@nghedan.demo') },
    });
    expect(noUnit.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'unitId',
    });
    const monitor = {
      ...officerInput(await unitId('LH.MTTQ'), 'm2@nghedan.demo'),
      role: 'MONITOR',
    };
    const withUnit = await server.gql(CREATE_STAFF, {
      token: admin,
      variables: { input: monitor },
    });
    expect(withUnit.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'unitId',
    });
    const missing = await server.gql(CREATE_STAFF, {
      token: admin,
      variables: {
        input: officerInput('00000000-0000-4000-8000-000000000000', 'o3@nghedan.demo'),
      },
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
