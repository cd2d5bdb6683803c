import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { collect, directory, EVENT_FIELDS, post, type Directory } from '../support/dialogue.js';
import { DEMO_PASSWORD, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.js';

let server: TestServer;
let second: App;
let dir: Directory;
beforeAll(async () => {
  server = await startTestServer({ OVERDUE_SCAN_SECONDS: '1' });
  dir = await directory(server);
  // A second instance on the same database runs the same job.
  const databaseUrl = server.app.orm.config.get('clientUrl')!;
  second = await startApp(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      DEMO_PASSWORD,
      LOG_LEVEL: 'silent',
      OVERDUE_SCAN_SECONDS: '1',
    }),
  );
});
afterAll(async () => {
  await second?.stop();
});

const EVENTS =
  'query ($id: ID!) { thread(id: $id) { overdue escalatedTo { code } events { type reason reasonCode reasonParams { key value } toUnit { code } } } }';

async function makeOverdue(threadId: string, which: 'acknowledge' | 'answer') {
  await server.app.orm.em
    .getConnection()
    .execute(`update threads set ${which}_due_at = now() - interval '1 minute' where id = ?`, [threadId]);
}

describe('overdue threads', () => {
  it(
    'are marked and escalated once, by one of two instances, and the parent unit and monitors hear it live',
    { timeout: 90_000 },
    async () => {
      const citizen = await server.login('dan@nghedan.demo');
      const monitor = await server.login('mttq@nghedan.demo');
      const parentOfficer = await server.login('lh@nghedan.demo');
      const thread = await post(server, dir, { token: citizen, place: 'LH.NB', isPublic: false });
      const start = await server.gql<{ thread: { events: Array<{ cursor: string }> } }>(
        'query ($id: ID!) { thread(id: $id) { events { cursor } } }',
        { token: monitor, variables: { id: thread.id } },
      );
      const after = start.data!.thread.events.at(-1)!.cursor;
      const subscription = `subscription ($unitId: ID, $after: String) { inboxEvents(unitId: $unitId, after: $after) { ${EVENT_FIELDS} } }`;
      const parentInbox = collect(server.socket({ authToken: parentOfficer }), subscription, {
        unitId: dir.unit('LH'),
        after,
      });
      const monitors = collect(server.socket({ authToken: monitor }), subscription, { after });

      await makeOverdue(thread.id, 'acknowledge');
      // The scan runs every second on each instance; a loaded machine may take a while.
      await parentInbox.until(2, 30_000);
      await monitors.until(2, 30_000);
      // Give both instances several more scans to prove nothing is escalated twice.
      await new Promise((resolve) => setTimeout(resolve, 2500));

      const result = await server.gql<{
        thread: {
          overdue: boolean;
          escalatedTo: { code: string };
          events: Array<{
            type: string;
            reason: string | null;
            reasonCode: string;
            reasonParams: Array<{ key: string; value: string }>;
            toUnit: { code: string } | null;
          }>;
        };
      }>(EVENTS, { token: monitor, variables: { id: thread.id } });
      const { overdue, escalatedTo, events } = result.data!.thread;
      expect(overdue).toBe(true);
      expect(escalatedTo).toEqual({ code: 'LH' });
      expect(events.filter((event) => event.type === 'OVERDUE')).toEqual([
        { type: 'OVERDUE', reason: null, reasonCode: 'ACKNOWLEDGE_OVERDUE', reasonParams: [], toUnit: null },
      ]);
      expect(events.filter((event) => event.type === 'ESCALATED')).toEqual([
        {
          type: 'ESCALATED',
          reason: null,
          reasonCode: 'ESCALATED_OVERDUE',
          reasonParams: [{ key: 'missed', value: 'ACKNOWLEDGE' }],
          toUnit: { code: 'LH' },
        },
      ]);
      expect(parentInbox.events.map((event) => event.type)).toEqual(['OVERDUE', 'ESCALATED']);
      expect(monitors.events.map((event) => event.type)).toEqual(['OVERDUE', 'ESCALATED']);

      // The district officer may now read the escalated private thread.
      expect((await server.gql(EVENTS, { token: parentOfficer, variables: { id: thread.id } })).errors).toBeUndefined();
      const overdueList = await server.gql<{ threads: { nodes: Array<{ id: string }> } }>(
        '{ threads(filter: { overdue: true }) { nodes { id } } }',
        { token: monitor },
      );
      expect(overdueList.data?.threads.nodes.map((node) => node.id)).toContain(thread.id);
    },
  );

  it('claims each thread once when both instances scan at the same moment', async () => {
    // Stop the timed scans so that only the three simultaneous scans below can claim.
    await Promise.all([server.app.overdue.stop(), second.overdue.stop()]);
    const citizen = await server.login('dan@nghedan.demo');
    const threads = await Promise.all([1, 2, 3, 4, 5].map(() => post(server, dir, { token: citizen, place: 'LH.PT' })));
    for (const thread of threads) await makeOverdue(thread.id, 'answer');
    const claimed = await Promise.all([
      server.app.overdue.runOnce(),
      second.overdue.runOnce(),
      server.app.overdue.runOnce(),
    ]);
    const monitor = await server.login('mttq@nghedan.demo');
    for (const thread of threads) {
      const result = await server.gql<{ thread: { events: Array<{ type: string }> } }>(EVENTS, {
        token: monitor,
        variables: { id: thread.id },
      });
      const types = result.data!.thread.events.map((event) => event.type);
      expect(types.filter((type) => type === 'OVERDUE')).toHaveLength(1);
      expect(types.filter((type) => type === 'ESCALATED')).toHaveLength(1);
    }
    expect(claimed.reduce((sum, count) => sum + count, 0)).toBe(threads.length);
  });
});
