import { beforeAll, describe, expect, it } from 'vitest';
import { collect, directory, post, settleSubscription, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  for (const name of ['dan', 'kbinh', 'lh.nb', 'mttq', 'admin']) {
    tokens[name] = await server.login(`${name}@nghedan.demo`);
  }
});

interface Record_ {
  email: string;
  operation: string;
  transport: string;
}
async function recordsOf(threadId: string): Promise<Record_[]> {
  return server.app.orm.em.getConnection().execute<Record_[]>(
    `select u.email, l.operation, l.transport from thread_access_log l join users u on u.id = l.reader_id
      where l.thread_id = ? order by l.id`,
    [threadId],
  );
}

const read = async (...args: Parameters<typeof readRaw>) => {
  const result = await readRaw(...args);
  if (result.errors && args[1] !== 'kbinh') throw new Error(JSON.stringify(result.errors));
  return result;
};
const readRaw = (
  id: string,
  who?: string,
  query = 'query ($id: ID!) { thread(id: $id) { id title messages { body } events { type } } }',
) => server.gql<{ thread: { id: string } | null }>(query, { token: who && tokens[who], variables: { id } });

const STAFF_READS = `query ($id: ID!, $code: String) {
  thread(id: $id, trackingCode: $code) { staffReads { unit { code name } role reads firstReadAt lastReadAt } }
}`;

describe('the staff access log', () => {
  it('records every read of a private thread by staff once, and none by its author', async () => {
    const thread = await post(server, dir, {
      token: tokens.dan,
      place: 'LH.NB',
      isPublic: false,
      body: 'Chuyện riêng tư của gia đình',
    });
    expect(thread.unit.code).toBe('LH.NB');
    expect((await read(thread.id, 'dan')).data?.thread?.id).toBe(thread.id);
    expect((await read(thread.id, 'kbinh')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await recordsOf(thread.id)).toEqual([]);

    await read(thread.id, 'lh.nb');
    // One operation reading the thread twice (aliases) is one read.
    await read(thread.id, 'mttq', 'query ($id: ID!) { a: thread(id: $id) { id } b: thread(id: $id) { title } }');
    const inbox = await server.gql<{ threads: { nodes: Array<{ id: string }> } }>(
      'query ($unitId: ID) { threads(filter: { unitId: $unitId }, first: 100) { nodes { id } } }',
      { token: tokens['lh.nb'], variables: { unitId: dir.unit('LH.NB') } },
    );
    expect(inbox.data!.threads.nodes.map((node) => node.id)).toContain(thread.id);
    await read(thread.id, 'admin');

    const live = collect(
      server.socket({ authToken: tokens['lh.nb'] }),
      'subscription ($id: ID!) { threadEvents(threadId: $id) { type } }',
      { id: thread.id },
    );
    await settleSubscription();
    await expect.poll(async () => (await recordsOf(thread.id)).length).toBe(5);
    live.dispose();

    expect(await recordsOf(thread.id)).toEqual([
      { email: 'lh.nb@nghedan.demo', operation: 'thread', transport: 'HTTP' },
      { email: 'mttq@nghedan.demo', operation: 'thread', transport: 'HTTP' },
      { email: 'lh.nb@nghedan.demo', operation: 'threads', transport: 'HTTP' },
      { email: 'admin@nghedan.demo', operation: 'thread', transport: 'HTTP' },
      { email: 'lh.nb@nghedan.demo', operation: 'threadEvents', transport: 'WEBSOCKET' },
    ]);
    // The author reading again adds nothing.
    await read(thread.id, 'dan');
    expect(await recordsOf(thread.id)).toHaveLength(5);
  });

  it('does not log reads of public threads', async () => {
    const thread = await post(server, dir, {
      token: tokens.dan,
      place: 'LH.NB',
      body: 'Chuyện công khai cho mọi người',
    });
    await read(thread.id, 'lh.nb');
    await read(thread.id, 'mttq');
    expect(await recordsOf(thread.id)).toEqual([]);
  });

  it('shows the author which units read the private thread and when, never who', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB', isPublic: false });
    await read(thread.id, 'lh.nb');
    await read(thread.id, 'lh.nb');
    await read(thread.id, 'mttq');
    const shown = await server.gql<{
      thread: { staffReads: Array<{ unit: { code: string } | null; role: string; reads: number }> };
    }>(STAFF_READS, { token: tokens.dan, variables: { id: thread.id } });
    const summary = shown.data!.thread.staffReads.map(({ unit, role, reads }) => ({
      unit: unit?.code ?? null,
      role,
      reads,
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { unit: 'LH.NB', role: 'OFFICER', reads: 2 },
        { unit: null, role: 'MONITOR', reads: 1 },
      ]),
    );
    expect(summary).toHaveLength(2);
    expect(JSON.stringify(shown)).not.toMatch(/@nghedan\.demo/);
    // Anyone else gets null: staff cannot see who else read.
    const byOfficer = await server.gql<{ thread: { staffReads: unknown } }>(STAFF_READS, {
      token: tokens['lh.nb'],
      variables: { id: thread.id },
    });
    expect(byOfficer.data!.thread.staffReads).toBeNull();
  });

  it('lets an anonymous poster see the reads with the tracking code', async () => {
    const thread = await post(server, dir, { anonymous: true, place: 'LH.NB', isPublic: false });
    await read(thread.id, 'lh.nb');
    const shown = await server.gql<{ thread: { staffReads: Array<{ unit: { code: string } }> } }>(STAFF_READS, {
      variables: { id: thread.id, code: thread.trackingCode },
    });
    expect(shown.data!.thread.staffReads.map((row) => row.unit.code)).toEqual(['LH.NB']);
  });

  it('exports the log as CSV for administrators only', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB', isPublic: false });
    await read(thread.id, 'lh.nb');
    const query = 'query ($from: DateTimeISO!, $to: DateTimeISO!) { accessLogCsv(from: $from, to: $to) }';
    const variables = {
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
    };
    const csv = await server.gql<{ accessLogCsv: string }>(query, { token: tokens.admin, variables });
    const lines = csv
      .data!.accessLogCsv.replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Thời điểm,Tài khoản,Họ tên,Vai trò,Đơn vị,Luồng,Thao tác,Kênh');
    expect(
      lines.some(
        (line) => line.includes(thread.id) && line.includes('lh.nb@nghedan.demo') && line.includes(',thread,HTTP'),
      ),
    ).toBe(true);
    for (const who of ['mttq', 'lh.nb', 'dan']) {
      const refused = await server.gql(query, { token: tokens[who], variables });
      expect(refused.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    const backwards = await server.gql(query, {
      token: tokens.admin,
      variables: { from: variables.to, to: variables.from },
    });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is append-only in the database', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB', isPublic: false });
    await read(thread.id, 'lh.nb');
    const connection = server.app.orm.em.getConnection();
    await expect(
      connection.execute(`update thread_access_log set operation = 'x' where thread_id = ?`, [thread.id]),
    ).rejects.toThrow(/append-only/);
    await expect(connection.execute(`delete from thread_access_log where thread_id = ?`, [thread.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(connection.execute(`truncate thread_access_log`)).rejects.toThrow(/append-only/);
    expect(await recordsOf(thread.id)).toHaveLength(1);
  });
});
