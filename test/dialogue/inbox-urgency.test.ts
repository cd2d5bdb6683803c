import { beforeAll, describe, expect, it } from 'vitest';
import { pendingDeadline, urgencyRank, URGENCY_RANK_SQL, URGENT_AT_SQL } from '../../server/src/dialogue/deadline.js';
import { ThreadStatus } from '../../server/src/dialogue/thread-status.js';
import { STATUTORY_CALENDAR } from '../../server/src/dialogue/working-time.js';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
});

const sql = (text: string, params: unknown[] = []) => server.app.orm.em.getConnection().execute(text, params);

interface Node {
  id: string;
  title: string;
  status: string;
  deadline: { kind: string; dueAt: string; workingHoursLeft: number } | null;
}
const INBOX = `query ($unitId: ID!, $after: String) {
  threads(filter: { unitId: $unitId }, orderBy: DEADLINE, first: 4, after: $after) {
    nodes { id title status deadline { kind dueAt workingHoursLeft } } endCursor hasNextPage
  }
}`;

describe('the inbox puts urgent work first', () => {
  it('lists overdue open threads first, then the ones due soonest, finished ones last, page by page', async () => {
    const citizen = await server.login('dan@nghedan.demo');
    const officer = await server.login('lh.nb@nghedan.demo');
    const plan = [
      ...['done-1', 'done-2', 'done-3', 'done-4', 'done-5'].map((title) => ({ title, kind: 'done' as const })),
      ...['soon-2', 'soon-1'].map((title) => ({ title, kind: 'soon' as const })),
      ...['late-3', 'late-1', 'late-2'].map((title) => ({ title, kind: 'late' as const })),
    ];
    const ids = new Map<string, string>();
    for (const { title } of plan) {
      const thread = await post(server, dir, { token: citizen, place: 'LH.NB', title: `Ý kiến ${title}` });
      expect(thread.unit.code).toBe('LH.NB');
      ids.set(title, thread.id);
    }
    const daysAgo = { 'late-1': 10, 'late-2': 9, 'late-3': 8 } as Record<string, number>;
    const hoursAhead = { 'soon-1': 2, 'soon-2': 5 } as Record<string, number>;
    for (const { title, kind } of plan) {
      const id = ids.get(title)!;
      if (kind === 'done') {
        await sql(
          `update threads set status = 'RESOLVED', acknowledged_at = now(), answered_at = now(), answer_due_at = date_trunc('milliseconds', now() - interval '100 hours') where id = ?`,
          [id],
        );
      } else if (kind === 'late') {
        await sql(
          `update threads set status = 'IN_PROGRESS', acknowledged_at = now(), answer_due_at = date_trunc('milliseconds', now() - make_interval(days => ?)) where id = ?`,
          [daysAgo[title], id],
        );
      } else {
        await sql(
          `update threads set status = 'ACKNOWLEDGED', acknowledged_at = now(), answer_due_at = date_trunc('milliseconds', now() + make_interval(hours => ?)) where id = ?`,
          [hoursAhead[title], id],
        );
      }
    }
    // Timestamps the app writes have millisecond precision, as cursors do.
    const seen: Node[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<
        ReturnType<typeof server.gql<{ threads: { nodes: Node[]; endCursor: string | null; hasNextPage: boolean } }>>
      > = await server.gql(INBOX, { token: officer, variables: { unitId: dir.unit('LH.NB'), after } });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.threads.nodes);
      after = page.data!.threads.hasNextPage ? page.data!.threads.endCursor : null;
    } while (after);
    const titles = seen.map((node) => node.title.replace('Ý kiến ', ''));
    expect(titles.slice(0, 5)).toEqual(['late-1', 'late-2', 'late-3', 'soon-1', 'soon-2']);
    expect(titles.slice(5).sort()).toEqual(['done-1', 'done-2', 'done-3', 'done-4', 'done-5']);
    const late = seen.find((node) => node.title.endsWith('late-1'))!;
    expect(late.deadline?.kind).toBe('ANSWER');
    expect(late.deadline!.workingHoursLeft).toBeLessThan(0);
    expect(seen.find((node) => node.title.endsWith('done-1'))!.deadline).toBeNull();
  });

  it('says how many working hours are left, holidays and weekends excluded', async () => {
    const citizen = await server.login('dan@nghedan.demo');
    const thread = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Còn 16 giờ làm việc' });
    const due = STATUTORY_CALENDAR.addWorkingHours(new Date(), 16);
    await sql(`update threads set acknowledge_due_at = ? where id = ?`, [due, thread.id]);
    const result = await server.gql<{ thread: { deadline: Node['deadline'] } }>(
      'query ($id: ID!) { thread(id: $id) { deadline { kind dueAt workingHoursLeft } } }',
      { token: citizen, variables: { id: thread.id } },
    );
    expect(result.data!.thread.deadline).toMatchObject({ kind: 'ACKNOWLEDGE', dueAt: due.toISOString() });
    expect(result.data!.thread.deadline!.workingHoursLeft).toBeCloseTo(16, 0);
  });

  it('orders in SQL exactly as the rule says, for every status and step', async () => {
    const ack = new Date('2026-12-01T01:00:00Z');
    const answer = new Date('2026-12-03T10:00:00Z');
    const cases = Object.values(ThreadStatus).flatMap((status) =>
      [false, true].flatMap((acknowledged) =>
        [false, true].map((answered) => ({
          status,
          acknowledgedAt: acknowledged ? ack : null,
          answeredAt: answered ? answer : null,
          acknowledgeDueAt: ack,
          answerDueAt: answer,
        })),
      ),
    );
    for (const row of cases) {
      const [result] = (await sql(
        `select (${URGENCY_RANK_SQL}) as rank, (${URGENT_AT_SQL}) as due
         from (select ?::text as status, ?::timestamptz as acknowledged_at, ?::timestamptz as answered_at,
                      ?::timestamptz as acknowledge_due_at, ?::timestamptz as answer_due_at) t`,
        [row.status, row.acknowledgedAt, row.answeredAt, row.acknowledgeDueAt, row.answerDueAt],
      )) as Array<{ rank: number; due: string }>;
      expect(result!.rank, JSON.stringify(row)).toBe(urgencyRank(row));
      const pending = pendingDeadline(row);
      if (pending) expect(new Date(result!.due).toISOString(), JSON.stringify(row)).toBe(pending.dueAt.toISOString());
    }
  });
});
