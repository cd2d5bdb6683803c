import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE } from '../../server/src/shared/privacy-notice.js';
import { directory, post, type Directory, REPLY } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const POST = `mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { thread { id } } }`;
const AGREE = 'mutation ($version: String!) { agreeToPrivacyNotice(version: $version) { consentNeeded } }';
const EXPORT = 'mutation { exportMyData { json text request { kind requestedAt completedAt } } }';
const CLOSE = 'mutation ($password: String!) { closeMyAccount(password: $password) { kind requestedAt completedAt } }';
const REQUESTS = `query ($from: DateTimeISO!, $to: DateTimeISO!) {
  personalDataRequests(from: $from, to: $to) { accountId kind requestedAt completedAt }
}`;
const THREAD = `query ($id: ID!) { thread(id: $id) {
  authorName authorClosed events { actorName actorKind type } } }`;
const PASSWORD = 'mat-khau-rieng-123';

let server: TestServer;
let dir: Directory;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
});

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

async function signUp(name: string): Promise<{ token: string; id: string; email: string }> {
  const email = `${randomUUID().slice(0, 8)}@example.vn`;
  const result = await server.gql<{ register: { token: string; user: { id: string } } }>(REGISTER, {
    variables: {
      input: { email, password: PASSWORD, displayName: name, consentVersion: PRIVACY_NOTICE.version },
    },
  });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { token: result.data.register.token, id: result.data.register.user.id, email };
}

const postInput = (extra: Record<string, unknown> = {}) => ({
  kind: 'REPORT',
  title: 'Đèn đường hỏng',
  body: 'Đèn đường trước nhà văn hoá thôn đã hỏng một tuần.',
  categoryId: dir.category('INFRASTRUCTURE'),
  placeId: dir.unit('LH.NB'),
  isPublic: true,
  anonymous: false,
  idempotencyKey: randomUUID(),
  ...extra,
});

const sql = <T>(query: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute<T[]>(query, params);

describe('notice and consent', () => {
  it('refuses a sign-up without the notice in force, or with an older version, and records the one agreed to', async () => {
    const input = { email: `${randomUUID().slice(0, 8)}@example.vn`, password: PASSWORD, displayName: 'Lê Văn Tám' };
    const missing = await server.gql(REGISTER, { variables: { input } });
    expect(codeOf(missing)).toBe('CONSENT_REQUIRED');
    expect(missing.errors?.[0]?.extensions?.noticeVersion).toBe(PRIVACY_NOTICE.version);
    const old = await server.gql(REGISTER, { variables: { input: { ...input, consentVersion: '2020-01-01' } } });
    expect(codeOf(old)).toBe('CONSENT_REQUIRED');
    expect(await sql(`select 1 from users where email = ?`, [input.email])).toHaveLength(0);

    const { id } = await signUp('Lê Văn Tám');
    const consents = await sql<{ notice_version: string; occasion: string; given_at: unknown }>(
      `select notice_version, occasion, given_at from consents where user_id = ?`,
      [id],
    );
    expect(consents).toEqual([
      { notice_version: PRIVACY_NOTICE.version, occasion: 'REGISTER', given_at: expect.anything() },
    ]);
  });

  it('refuses an anonymous post without the notice in force and records it with the post', async () => {
    const missing = await server.gql(POST, { variables: { input: postInput({ anonymous: true }) } });
    expect(codeOf(missing)).toBe('CONSENT_REQUIRED');
    const old = await server.gql(POST, {
      variables: { input: postInput({ anonymous: true, consentVersion: '2020-01-01' }) },
    });
    expect(codeOf(old)).toBe('CONSENT_REQUIRED');
    const posted = await server.gql<{ postFeedback: { thread: { id: string } } }>(POST, {
      variables: { input: postInput({ anonymous: true, consentVersion: PRIVACY_NOTICE.version }) },
    });
    const threadId = posted.data!.postFeedback.thread.id;
    const rows = await sql(`select user_id, notice_version, occasion from consents where thread_id = ?`, [threadId]);
    expect(rows).toEqual([{ user_id: null, notice_version: PRIVACY_NOTICE.version, occasion: 'POST' }]);
  });

  it('asks a signed-in citizen again when the notice version changed, and records the new agreement', async () => {
    const { token, id } = await signUp('Phạm Thị Hoa');
    await sql(`update users set consent_version = '2025-01-01' where id = ?`, [id]);
    const me = await server.gql<{ me: { consentNeeded: boolean } }>('{ me { consentNeeded } }', { token });
    expect(me.data?.me.consentNeeded).toBe(true);
    expect(codeOf(await server.gql(POST, { token, variables: { input: postInput() } }))).toBe('CONSENT_REQUIRED');
    expect(codeOf(await server.gql(AGREE, { token, variables: { version: '2025-01-01' } }))).toBe('CONSENT_REQUIRED');

    const agreed = await server.gql<{ agreeToPrivacyNotice: { consentNeeded: boolean } }>(AGREE, {
      token,
      variables: { version: PRIVACY_NOTICE.version },
    });
    expect(agreed.data?.agreeToPrivacyNotice.consentNeeded).toBe(false);
    const posted = await server.gql(POST, { token, variables: { input: postInput() } });
    expect(posted.errors).toBeUndefined();
    const occasions = await sql<{ occasion: string; notice_version: string }>(
      `select occasion, notice_version from consents where user_id = ? order by id`,
      [id],
    );
    expect(occasions).toEqual([
      { occasion: 'REGISTER', notice_version: PRIVACY_NOTICE.version },
      { occasion: 'RENEW', notice_version: PRIVACY_NOTICE.version },
    ]);
  });
});

describe('my data', () => {
  it('exports their own account, threads, messages, ratings, supports and consents, and nobody else’s', async () => {
    const mine = await signUp('Trần Văn Mười');
    const other = await signUp('Đỗ Thị Lan');
    const own = await post(server, dir, { token: mine.token, title: 'Ổ gà đường tỉnh của tôi', isPublic: false });
    const theirs = await post(server, dir, {
      token: other.token,
      title: 'Chuyện riêng của người khác',
      isPublic: false,
    });
    const theirsPublic = await post(server, dir, {
      token: other.token,
      title: 'Cầu tre công khai',
      kind: 'INITIATIVE',
    });
    await server.gql(REPLY, { token: mine.token, variables: { input: { threadId: own.id, body: 'Bổ sung của tôi' } } });
    await server.gql(REPLY, {
      token: other.token,
      variables: { input: { threadId: theirs.id, body: 'Bí mật của Lan' } },
    });
    await server.gql('mutation ($id: ID!) { supportThread(threadId: $id) { id } }', {
      token: mine.token,
      variables: { id: theirsPublic.id },
    });

    const result = await server.gql<{
      exportMyData: { json: string; text: string; request: { kind: string; requestedAt: string; completedAt: string } };
    }>(EXPORT, { token: mine.token });
    expect(result.errors).toBeUndefined();
    const { json, text, request } = result.data!.exportMyData;
    const data = JSON.parse(json);
    expect(data.account).toMatchObject({ id: mine.id, email: mine.email, displayName: 'Trần Văn Mười' });
    expect(data.threads.map((t: { id: string }) => t.id)).toEqual([own.id]);
    expect(data.messages.map((m: { body: string }) => m.body)).toEqual(['Bổ sung của tôi']);
    expect(data.supports.map((s: { threadId: string }) => s.threadId)).toEqual([theirsPublic.id]);
    expect(data.consents).toEqual([
      { noticeVersion: PRIVACY_NOTICE.version, occasion: 'REGISTER', givenAt: expect.any(String) },
    ]);
    expect(json).not.toContain(other.email);
    expect(json).not.toContain('Bí mật của Lan');
    expect(json).not.toContain('Chuyện riêng của người khác');
    expect(text).toContain('Ổ gà đường tỉnh của tôi');
    expect(text).toContain(mine.email);
    expect(text).not.toContain('Bí mật của Lan');
    expect(request.kind).toBe('EXPORT');
    expect(new Date(request.completedAt).getTime()).toBeGreaterThanOrEqual(new Date(request.requestedAt).getTime());
  });

  it('closes an account: personal fields erased, posts kept and relabelled, sign-in and tokens refused, logged', async () => {
    const since = new Date(Date.now() - 60_000);
    const citizen = await signUp('Hoàng Văn Nam');
    const open = await post(server, dir, { token: citizen.token, title: 'Rác thải ở chợ' });
    const privateThread = await post(server, dir, { token: citizen.token, title: 'Việc riêng', isPublic: false });
    await server.gql(REPLY, {
      token: citizen.token,
      variables: { input: { threadId: open.id, body: 'Vẫn chưa dọn' } },
    });
    const officer = await server.login('lh.nb@nghedan.demo');
    const answer = await server.gql(REPLY, {
      token: officer,
      variables: { input: { threadId: open.id, body: 'Xã đã cho dọn chiều nay.' } },
    });
    expect(answer.errors).toBeUndefined();

    expect(codeOf(await server.gql(CLOSE, { token: citizen.token, variables: { password: 'sai-mat-khau' } }))).toBe(
      'BAD_USER_INPUT',
    );
    const closed = await server.gql<{ closeMyAccount: { kind: string; completedAt: string } }>(CLOSE, {
      token: citizen.token,
      variables: { password: PASSWORD },
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeMyAccount.kind).toBe('CLOSE');

    const [user] = await sql<{ email: string; display_name: string; password_hash: string; closed_at: unknown }>(
      `select email, display_name, password_hash, closed_at from users where id = ?`,
      [citizen.id],
    );
    expect(user!.email).not.toContain(citizen.email.split('@')[0]!);
    expect(user!.display_name).toBe('Người dân (đã xoá tài khoản)');
    expect(user!.password_hash).not.toMatch(/^scrypt\$/);
    expect(user!.closed_at).toBeTruthy();

    // The token in hand stops working; signing in again fails.
    expect(codeOf(await server.gql('{ me { id } }', { token: citizen.token }))).toBe('UNAUTHENTICATED');
    const login = await server.gql(LOGIN, { variables: { input: { email: citizen.email, password: PASSWORD } } });
    expect(codeOf(login)).toBe('UNAUTHENTICATED');

    // The public thread stays on the board, relabelled, with the unit's answer; no e-mail anywhere.
    const shown = await server.gql<{
      thread: {
        authorName: string;
        authorClosed: boolean;
        events: Array<{ actorName: string; actorKind: string; type: string }>;
      };
    }>(THREAD, { variables: { id: open.id } });
    expect(shown.errors).toBeUndefined();
    expect(shown.data?.thread).toMatchObject({ authorName: 'Người dân (đã xoá tài khoản)', authorClosed: true });
    const events = shown.data!.thread.events;
    expect(events.filter((e) => e.type === 'POSTED')).toEqual([
      { type: 'POSTED', actorName: 'Người dân (đã xoá tài khoản)', actorKind: 'CLOSED_ACCOUNT' },
    ]);
    expect(JSON.stringify(shown.data)).not.toContain('Hoàng Văn Nam');
    const messages = await sql<{ author_name: string; body: string }>(
      `select author_name, body from messages where thread_id = ? order by created_at`,
      [open.id],
    );
    expect(messages).toEqual([
      { author_name: 'Người dân (đã xoá tài khoản)', body: 'Vẫn chưa dọn' },
      { author_name: expect.not.stringContaining('đã xoá'), body: 'Xã đã cho dọn chiều nay.' },
    ]);
    // The private thread is kept for the unit, relabelled.
    const [kept] = await sql<{ author_name: string }>(`select author_name from threads where id = ?`, [
      privateThread.id,
    ]);
    expect(kept!.author_name).toBe('Người dân (đã xoá tài khoản)');

    // The request is logged with its completion, for administrators only.
    const variables = { from: since.toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    expect(codeOf(await server.gql(REQUESTS, { token: officer, variables }))).toBe('FORBIDDEN');
    const admin = await server.login('admin@nghedan.demo');
    const log = await server.gql<{
      personalDataRequests: Array<{ accountId: string; kind: string; requestedAt: string; completedAt: string | null }>;
    }>(REQUESTS, { token: admin, variables });
    const entry = log.data?.personalDataRequests.find((row) => row.accountId === citizen.id && row.kind === 'CLOSE');
    expect(entry?.completedAt).toBeTruthy();
  });

  it('refuses both to anonymous callers', async () => {
    expect(codeOf(await server.gql(EXPORT))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(CLOSE, { variables: { password: 'x' } }))).toBe('UNAUTHENTICATED');
  });
});
