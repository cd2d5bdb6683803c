import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/accounts/role.js';
import {
  readsPersonalData,
  threadAccess,
  type ThreadScope,
  type Viewer,
} from '../../server/src/dialogue/thread-access.js';
import {
  collect,
  directory,
  EVENT_FIELDS,
  post,
  REPLY,
  settleSubscription,
  type Directory,
} from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  for (const name of ['dan', 'kbinh', 'lh.nb', 'lh.pt', 'mttq', 'admin']) {
    tokens[name] = await server.login(`${name}@nghedan.demo`);
  }
});

const TEXT = 'gọi tôi 0912 345 678, CCCD 079123456789';
const MASKED = 'gọi tôi 09xx xxx 678, CCCD xxxxxxxxx789';
const marker = () => `moc${randomBytes(4).toString('hex')}`;

const THREAD = `query ($id: ID!, $code: String) {
  thread(id: $id, trackingCode: $code) { title body messages { body } }
}`;
type Shown = { title: string; body: string; messages: Array<{ body: string }> };

async function read(id: string, who?: string, code?: string): Promise<Shown> {
  const result = await server.gql<{ thread: Shown }>(THREAD, {
    token: who && tokens[who],
    variables: { id, code },
  });
  if (!result.data?.thread) throw new Error(`thread failed: ${JSON.stringify(result.errors)}`);
  return result.data.thread;
}

async function search(words: string, who?: string): Promise<Array<{ id: string; body: string }>> {
  const result = await server.gql<{ threads: { nodes: Array<{ id: string; body: string }> } }>(
    'query ($filter: ThreadFilter) { threads(filter: $filter, first: 100) { nodes { id body } } }',
    { token: who && tokens[who], variables: { filter: { search: words } } },
  );
  if (!result.data?.threads) throw new Error(`threads failed: ${JSON.stringify(result.errors)}`);
  return result.data.threads.nodes;
}

describe('personal data on the public board', () => {
  it('is masked for anonymous readers and other citizens, shown to the author, the unit and monitors', async () => {
    const tag = marker();
    const thread = await post(server, dir, {
      token: tokens.dan,
      place: 'LH.NB',
      title: `Cần hỗ trợ ${tag} 0912.345.678`,
      body: `${TEXT}. ${tag}`,
    });
    expect(thread.unit.code).toBe('LH.NB');
    const reply = await server.gql(REPLY, {
      token: tokens.dan,
      variables: { input: { threadId: thread.id, body: `Bổ sung: ${TEXT}` } },
    });
    expect(reply.errors).toBeUndefined();

    for (const reader of [undefined, 'kbinh', 'lh.pt']) {
      const shown = await read(thread.id, reader);
      expect(shown.title, `title for ${reader ?? 'anonymous'}`).toBe(`Cần hỗ trợ ${tag} 09xx.xxx.678`);
      expect(shown.body).toBe(`${MASKED}. ${tag}`);
      expect(shown.messages.map((message) => message.body)).toEqual([`Bổ sung: ${MASKED}`]);
    }
    for (const reader of ['dan', 'lh.nb', 'mttq', 'admin']) {
      const shown = await read(thread.id, reader);
      expect(shown.body, `body for ${reader}`).toBe(`${TEXT}. ${tag}`);
      expect(shown.messages.map((message) => message.body)).toEqual([`Bổ sung: ${TEXT}`]);
    }
    // The list shows the same as the page.
    expect((await search(tag)).map((node) => node.body)).toEqual([`${MASKED}. ${tag}`]);
    expect((await search(tag, 'lh.nb')).map((node) => node.body)).toEqual([`${TEXT}. ${tag}`]);
  });

  it('shows an anonymous post as written to whoever holds its tracking code', async () => {
    const thread = await post(server, dir, { anonymous: true, body: TEXT, place: 'LH.NB' });
    expect((await read(thread.id)).body).toBe(MASKED);
    expect((await read(thread.id, undefined, thread.trackingCode!)).body).toBe(TEXT);
    // Signed in as someone else does not help; the code does.
    expect((await read(thread.id, 'kbinh')).body).toBe(MASKED);
  });

  it('cannot be found by the masked number, except by those who may read it', async () => {
    const tag = marker();
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB', body: `${TEXT} ${tag}` });
    for (const words of ['0912 345 678', '0912', '345', '079123456789', '123456']) {
      expect(await search(`${words} ${tag}`), `anonymous searching ${words}`).toEqual([]);
      expect(await search(`${words} ${tag}`, 'kbinh'), `another citizen searching ${words}`).toEqual([]);
      expect(await search(`${words} ${tag}`, 'lh.pt'), `another unit searching ${words}`).toEqual([]);
    }
    for (const who of ['dan', 'lh.nb', 'mttq', 'admin']) {
      const found = await search(`0912 345 678 ${tag}`, who);
      expect(
        found.map((node) => node.id),
        `${who} searching the number`,
      ).toEqual([thread.id]);
    }
    expect((await search(`079123456789 ${tag}`, 'lh.nb')).map((node) => node.id)).toEqual([thread.id]);
    // What everyone is shown can be searched by everyone.
    expect((await search(`09xx xxx 678 ${tag}`)).map((node) => node.id)).toEqual([thread.id]);
  });

  it('is masked in the live board feed', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB', body: 'Đường hỏng' });
    const board = collect(server.socket(), `subscription { boardEvents { ${EVENT_FIELDS} } }`, {});
    await settleSubscription();
    await server.gql(REPLY, { token: tokens.dan, variables: { input: { threadId: thread.id, body: TEXT } } });
    await board.until(1);
    const messages = board.events.filter((event) => event.threadId === thread.id && event.message);
    expect(messages.map((event) => event.message!.body)).toEqual([MASKED]);
    board.dispose();
  });

  it("is shown as written in the unit's live inbox while the board masks it", async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB', body: 'Đường hỏng' });
    const events = `${EVENT_FIELDS}`;
    const board = collect(server.socket(), `subscription { boardEvents { ${events} } }`, {});
    const inbox = collect(
      server.socket({ authToken: tokens['lh.nb'] }),
      `subscription ($unitId: ID) { inboxEvents(unitId: $unitId) { ${events} } }`,
      { unitId: dir.unit('LH.NB') },
    );
    await settleSubscription();
    await server.gql(REPLY, { token: tokens.dan, variables: { input: { threadId: thread.id, body: TEXT } } });
    await Promise.all([board.until(1), inbox.until(1)]);
    const bodies = (live: typeof board) =>
      live.events.filter((event) => event.threadId === thread.id && event.message).map((event) => event.message!.body);
    expect(bodies(board)).toEqual([MASKED]);
    expect(bodies(inbox)).toEqual([TEXT]);
    board.dispose();
    inbox.dispose();
  });
});

describe('readsPersonalData', () => {
  const scope: ThreadScope = { isPublic: true, authorId: 'author', unitId: 'unit', escalatedToId: 'escalated' };
  const viewer = (id: string, role: Role, unitId?: string): Viewer => ({
    id,
    role,
    unit: unitId ? { id: unitId } : null,
  });
  it.each<[string, Viewer | null, boolean, boolean]>([
    ['anonymous', null, false, false],
    ['the holder of the tracking code', null, true, true],
    ['the author', viewer('author', Role.CITIZEN), false, true],
    ['another citizen', viewer('other', Role.CITIZEN), false, false],
    ['an officer of the unit', viewer('o1', Role.OFFICER, 'unit'), false, true],
    ['an officer of the unit it was escalated to', viewer('o2', Role.OFFICER, 'escalated'), false, true],
    ['an officer of another unit', viewer('o3', Role.OFFICER, 'elsewhere'), false, false],
    ['a monitor', viewer('m', Role.MONITOR), false, true],
    ['an administrator', viewer('a', Role.ADMIN), false, true],
  ])('%s: %s', (_who, reader, code, expected) => {
    expect(readsPersonalData(threadAccess(scope, reader, code))).toBe(expected);
  });
});
