import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let officer: string;
let colleague: string;
let colleagueId: string;
let officerId: string;
let citizen: string;

const sql = <T = unknown>(text: string, params: unknown[] = []) =>
  server.app.orm.em.getConnection().execute<T[]>(text, params) as Promise<T[]>;

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  // A second officer of Nam Ban (the demo has one per unit), with the first one's password.
  await sql(
    `insert into users (id, email, display_name, password_hash, role, unit_id, token_version, created_at)
     select gen_random_uuid(), 'lh.nb.2@nghedan.demo', 'Cán bộ Trần Thị Hai', password_hash, role, unit_id, 0, now()
     from users where email = 'lh.nb@nghedan.demo'`,
  );
  officer = await server.login('lh.nb@nghedan.demo');
  colleague = await server.login('lh.nb.2@nghedan.demo');
  citizen = await server.login('dan@nghedan.demo');
  const ids = await sql<{ email: string; id: string }>(
    `select email, id from users where email in ('lh.nb@nghedan.demo', 'lh.nb.2@nghedan.demo')`,
  );
  officerId = ids.find((row) => row.email === 'lh.nb@nghedan.demo')!.id;
  colleagueId = ids.find((row) => row.email === 'lh.nb.2@nghedan.demo')!.id;
});

const ASSIGN = `mutation ($input: AssignThreadInput!) { assignThread(input: $input) { id assignee { id displayName } } }`;
const assign = (token: string | undefined, threadId: string, assigneeId: string | null) =>
  server.gql<{ assignThread: { assignee: { id: string; displayName: string } | null } }>(ASSIGN, {
    token,
    variables: { input: { threadId, assigneeId } },
  });
const THREAD = `query ($id: ID!) { thread(id: $id) {
  assignee { id displayName } assignableOfficers { id displayName } viewerCan { assign }
  events { type internal actorName assignee { displayName } }
} }`;
interface ThreadView {
  assignee: { id: string; displayName: string } | null;
  assignableOfficers: Array<{ id: string; displayName: string }>;
  viewerCan: { assign: boolean };
  events: Array<{ type: string; internal: boolean; actorName: string; assignee: { displayName: string } | null }>;
}
const view = async (token: string | undefined, id: string) => {
  const result = await server.gql<{ thread: ThreadView }>(THREAD, { token, variables: { id } });
  expect(result.errors).toBeUndefined();
  return result.data!.thread;
};
const INBOX = `query ($filter: ThreadFilter) { threads(filter: $filter, first: 100) { nodes { id } } }`;
const inbox = async (token: string, assignment: string) => {
  const result = await server.gql<{ threads: { nodes: Array<{ id: string }> } }>(INBOX, {
    token,
    variables: { filter: { unitId: dir.unit('LH.NB'), assignment } },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.threads.nodes.map((node) => node.id);
};

describe('assigning a thread inside the unit', () => {
  it('puts a colleague in charge, records it for the staff only, and the inbox views follow', async () => {
    const thread = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Cống thoát nước bị tắc' });
    const before = await view(officer, thread.id);
    expect(before.viewerCan.assign).toBe(true);
    expect(before.assignableOfficers.map((person) => person.id).sort()).toEqual([officerId, colleagueId].sort());
    expect(await inbox(officer, 'UNASSIGNED')).toContain(thread.id);

    const result = await assign(officer, thread.id, colleagueId);
    expect(result.errors).toBeUndefined();
    expect(result.data!.assignThread.assignee).toEqual({ id: colleagueId, displayName: 'Cán bộ Trần Thị Hai' });

    const staff = await view(officer, thread.id);
    expect(staff.assignee?.displayName).toBe('Cán bộ Trần Thị Hai');
    expect(staff.events.at(-1)).toMatchObject({
      type: 'ASSIGNED',
      internal: true,
      assignee: { displayName: 'Cán bộ Trần Thị Hai' },
    });
    expect(await inbox(colleague, 'MINE')).toContain(thread.id);
    expect(await inbox(officer, 'MINE')).not.toContain(thread.id);
    expect(await inbox(officer, 'UNASSIGNED')).not.toContain(thread.id);

    const unassigned = await assign(colleague, thread.id, null);
    expect(unassigned.data!.assignThread.assignee).toBeNull();
    expect((await view(officer, thread.id)).events.at(-1)).toMatchObject({ type: 'UNASSIGNED', internal: true });
    expect(await inbox(officer, 'UNASSIGNED')).toContain(thread.id);
  });

  it('never shows the citizen or the public who is in charge', async () => {
    const thread = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Đèn đường không sáng' });
    expect((await assign(officer, thread.id, colleagueId)).errors).toBeUndefined();
    for (const token of [citizen, undefined]) {
      const seen = await view(token, thread.id);
      expect(seen.assignee).toBeNull();
      expect(seen.assignableOfficers).toEqual([]);
      expect(seen.viewerCan.assign).toBe(false);
      expect(seen.events.map((event) => event.type)).not.toContain('ASSIGNED');
      expect(JSON.stringify(seen)).not.toContain('Trần Thị Hai');
    }
    // Nor can a citizen learn it from the inbox views: they list only threads one is staff on.
    const probe = await server.gql<{ threads: { nodes: unknown[] } }>(INBOX, {
      token: citizen,
      variables: { filter: { assignment: 'UNASSIGNED' } },
    });
    expect(probe.data!.threads.nodes).toEqual([]);
  });

  it('refuses people outside the unit, outsiders, no change and finished threads with typed errors', async () => {
    const thread = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Rác thải ven đường' });
    const otherUnitOfficer = (
      await sql<{ id: string }>(`select id from users where email = 'lh.ktht@nghedan.demo'`)
    )[0]!.id;
    expect((await assign(officer, thread.id, otherUnitOfficer)).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'assigneeId' },
    });
    expect((await assign(citizen, thread.id, officerId)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outsider = await server.login('lh.ktht@nghedan.demo');
    expect((await assign(outsider, thread.id, officerId)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await assign(officer, thread.id, null)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await assign(officer, thread.id, 'not-an-id')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await sql(`update threads set status = 'CLOSED' where id = ?`, [thread.id]);
    expect((await assign(officer, thread.id, colleagueId)).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'threadId' },
    });
    expect((await view(officer, thread.id)).assignee).toBeNull();
  });

  it('lets an administrator assign, and a transfer clears the assignment', async () => {
    const thread = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Cây đổ chắn đường' });
    const admin = await server.login('admin@nghedan.demo');
    expect((await assign(admin, thread.id, officerId)).data!.assignThread.assignee?.id).toBe(officerId);
    const transfer = await server.gql('mutation ($input: TransferInput!) { transferThread(input: $input) { id } }', {
      token: officer,
      variables: { input: { threadId: thread.id, unitId: dir.unit('LH.KTHT'), reason: 'Sai thẩm quyền' } },
    });
    expect(transfer.errors).toBeUndefined();
    expect((await view(admin, thread.id)).assignee).toBeNull();
    expect(await inbox(officer, 'MINE')).not.toContain(thread.id);
  });
});
