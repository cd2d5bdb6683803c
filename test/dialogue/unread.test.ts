import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, REPLY, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let officer: string;
let citizen: string;

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  officer = await server.login('lh.nb@nghedan.demo');
  citizen = await server.login('dan@nghedan.demo');
});

const LIST = `query ($unitId: ID) {
  threads(filter: { unitId: $unitId }, first: 100) { nodes { id viewerUnread } }
  unreadThreadCount(unitId: $unitId)
}`;
const inbox = async () => {
  const result = await server.gql<{
    threads: { nodes: Array<{ id: string; viewerUnread: boolean }> };
    unreadThreadCount: number;
  }>(LIST, { token: officer, variables: { unitId: dir.unit('LH.NB') } });
  expect(result.errors).toBeUndefined();
  const unread = new Map(result.data!.threads.nodes.map((node) => [node.id, node.viewerUnread]));
  return { unread, count: result.data!.unreadThreadCount };
};
const markRead = (token: string, threadId: string) =>
  server.gql<{ markThreadRead: { id: string; viewerUnread: boolean } }>(
    'mutation ($id: ID!) { markThreadRead(threadId: $id) { id viewerUnread } }',
    { token, variables: { id: threadId } },
  );
const write = (token: string, threadId: string, body: string, internal = false) =>
  server.gql(REPLY, { token, variables: { input: { threadId, body, internal } } });

describe('unread threads in the inbox', () => {
  it('marks new threads unread, read once opened, and unread again when someone else writes', async () => {
    const first = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Nước sinh hoạt bị đục' });
    const second = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Chợ họp lấn đường' });
    const start = await inbox();
    expect(start.unread.get(first.id)).toBe(true);
    expect(start.unread.get(second.id)).toBe(true);

    const marked = await markRead(officer, first.id);
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markThreadRead.viewerUnread).toBe(false);
    const afterOpening = await inbox();
    expect(afterOpening.unread.get(first.id)).toBe(false);
    expect(afterOpening.count).toBe(start.count - 1);

    // The officer's own reply does not make it unread for them.
    expect((await write(officer, first.id, 'Đơn vị đã tiếp nhận.')).errors).toBeUndefined();
    expect((await inbox()).unread.get(first.id)).toBe(false);

    // The citizen's answer does.
    expect((await write(citizen, first.id, 'Xin cảm ơn, mong sớm xử lý.')).errors).toBeUndefined();
    const afterAnswer = await inbox();
    expect(afterAnswer.unread.get(first.id)).toBe(true);
    expect(afterAnswer.count).toBe(start.count);
  });

  it('keeps each person’s marker apart, and internal notes count only for the staff', async () => {
    const thread = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Cầu tạm xuống cấp' });
    expect((await markRead(officer, thread.id)).errors).toBeUndefined();
    expect((await markRead(citizen, thread.id)).errors).toBeUndefined();
    // A note by a colleague (the demo has one officer per unit: inserted as the log would record it).
    await server.app.orm.em.getConnection().execute(
      `insert into thread_events (type, thread_id, actor_name, internal, created_at)
       values ('INTERNAL_NOTE', ?, 'Cán bộ khác', true, now())`,
      [thread.id],
    );
    expect((await inbox()).unread.get(thread.id)).toBe(true);
    const citizenView = await server.gql<{ thread: { viewerUnread: boolean } }>(
      'query ($id: ID!) { thread(id: $id) { viewerUnread } }',
      { token: citizen, variables: { id: thread.id } },
    );
    expect(citizenView.data!.thread.viewerUnread).toBe(false);
    const anonymous = await server.gql<{ thread: { viewerUnread: boolean } }>(
      'query ($id: ID!) { thread(id: $id) { viewerUnread } }',
      { variables: { id: thread.id } },
    );
    expect(anonymous.data!.thread.viewerUnread).toBe(false);
  });

  it('refuses with typed errors', async () => {
    const thread = await post(server, dir, { token: citizen, place: 'LH.NB', isPublic: false, title: 'Riêng tư' });
    expect((await markRead(officer, 'nope')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const outsider = await server.login('kbinh@nghedan.demo');
    expect((await markRead(outsider, thread.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await server.gql('mutation ($id: ID!) { markThreadRead(threadId: $id) { id } }', {
      variables: { id: thread.id },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const count = await server.gql('{ unreadThreadCount }', { token: citizen });
    expect(count.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
