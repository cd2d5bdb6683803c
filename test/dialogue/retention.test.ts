import { beforeAll, describe, expect, it } from 'vitest';
import { RetentionJob } from '../../server/src/dialogue/retention.job.js';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  for (const name of ['dan', 'lh.nb']) tokens[name] = await server.login(`${name}@nghedan.demo`);
});

const DAY = 86_400_000;
const count = async (threadId: string) => {
  const [row] = await server.app.orm.em
    .getConnection()
    .execute<Array<{ n: number }>>('select count(*)::int as n from thread_access_log where thread_id = ?', [threadId]);
  return row!.n;
};
const jobAt = (offsetDays: number) =>
  new RetentionJob(
    server.app.orm,
    server.app.log,
    { accessLogDays: 30 },
    () => new Date(Date.now() + offsetDays * DAY),
  );

describe('retention', () => {
  it('erases access log records once their period has passed, and counts them', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB', isPublic: false });
    for (let read = 0; read < 3; read += 1) {
      const result = await server.gql('query ($id: ID!) { thread(id: $id) { id } }', {
        token: tokens['lh.nb'],
        variables: { id: thread.id },
      });
      expect(result.errors).toBeUndefined();
    }
    expect(await count(thread.id)).toBe(3);
    expect(await jobAt(29).runOnce()).toEqual({ accessLogRecords: 0 });
    expect(await count(thread.id)).toBe(3);
    expect(await jobAt(31).runOnce()).toEqual({ accessLogRecords: 3 });
    expect(await count(thread.id)).toBe(0);
  });

  it('shares the work between instances: every expired record erased exactly once', async () => {
    const thread = await post(server, dir, { token: tokens.dan, place: 'LH.NB', isPublic: false });
    const [reader] = await server.app.orm.em
      .getConnection()
      .execute<Array<{ id: string }>>(`select id from users where email = 'lh.nb@nghedan.demo'`);
    await server.app.orm.em.getConnection().execute(
      `insert into thread_access_log (thread_id, reader_id, reader_role, operation, transport, at)
       select ?, ?, 'OFFICER', 'thread', 'HTTP', now() - interval '100 days' from generate_series(1, 4500)`,
      [thread.id, reader!.id],
    );
    const runs = await Promise.all([jobAt(0).runOnce(), jobAt(0).runOnce(), jobAt(0).runOnce()]);
    expect(runs.reduce((sum, run) => sum + run.accessLogRecords, 0)).toBe(4500);
    expect(await count(thread.id)).toBe(0);
  });
});
