import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_NAME } from '../../server/src/dialogue/posting.service.js';
import { collect, directory, move, post, REPLY, settleSubscription, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let citizen: string;
let officer: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  citizen = await server.login('dan@nghedan.demo');
  officer = await server.login('lh.nb@nghedan.demo');
});

const TIMELINE = `query ($id: ID!) {
  thread(id: $id) { authorName messages { authorName body } events { type actorName toStatus } }
}`;

describe('an anonymous poster stays anonymous when they are also signed in', () => {
  it('answers back, reopens and rates as the anonymous name, live and stored, with no account attached', async () => {
    // The web app sends the tracking code and the bearer token together.
    const thread = await post(server, dir, { token: citizen, anonymous: true, isPublic: true });
    const trackingCode = thread.trackingCode!;
    expect(trackingCode).toBeTruthy();

    const live = collect(
      server.socket(),
      `subscription ($id: ID!) { threadEvents(threadId: $id) { cursor type actorName } }`,
      {
        id: thread.id,
      },
    );
    await settleSubscription();

    expect((await move(server, officer, thread.id, 'ACKNOWLEDGED')).errors).toBeUndefined();
    expect((await move(server, officer, thread.id, 'ANSWERED')).errors).toBeUndefined();
    const reply = await server.gql<{ replyToThread: { authorName: string } }>(REPLY, {
      token: citizen,
      variables: { input: { threadId: thread.id, body: 'Cảm ơn, nhưng đường vẫn chưa sửa.', trackingCode } },
    });
    expect(reply.data?.replyToThread.authorName).toBe(ANONYMOUS_NAME);
    const reopened = await move(server, citizen, thread.id, 'REOPENED', {
      trackingCode,
      reason: 'Chưa được giải quyết.',
    });
    expect(reopened.errors).toBeUndefined();
    expect((await move(server, officer, thread.id, 'ANSWERED')).errors).toBeUndefined();
    expect((await move(server, officer, thread.id, 'RESOLVED')).errors).toBeUndefined();
    const rated = await server.gql('mutation ($input: RateInput!) { rateThread(input: $input) { rating } }', {
      token: citizen,
      variables: { input: { threadId: thread.id, score: 4, trackingCode } },
    });
    expect(rated.errors).toBeUndefined();

    const shown = await server.gql<{
      thread: {
        authorName: string;
        messages: Array<{ authorName: string }>;
        events: Array<{ type: string; actorName: string; toStatus: string | null }>;
      };
    }>(TIMELINE, { token: officer, variables: { id: thread.id } });
    const { thread: timeline } = shown.data!;
    expect(timeline.authorName).toBe(ANONYMOUS_NAME);
    expect(timeline.messages.map((message) => message.authorName)).toEqual([ANONYMOUS_NAME]);
    const byCitizen = timeline.events.filter(
      (event) =>
        event.type === 'POSTED' ||
        event.type === 'MESSAGE' ||
        event.type === 'RATED' ||
        (event.type === 'STATUS_CHANGED' && event.toStatus === 'REOPENED'),
    );
    expect(byCitizen.map((event) => event.type)).toEqual(['POSTED', 'MESSAGE', 'STATUS_CHANGED', 'RATED']);
    for (const event of byCitizen) expect(event.actorName).toBe(ANONYMOUS_NAME);
    expect(JSON.stringify(shown.data)).not.toContain('Nguyễn Văn An');

    await live.until(timeline.events.length - 2);
    const liveByCitizen = live.events.filter((event) => ['MESSAGE', 'RATED'].includes(event.type));
    for (const event of liveByCitizen)
      expect((event as unknown as { actorName: string }).actorName).toBe(ANONYMOUS_NAME);

    // Nothing stored points at the account either: no author or actor key on any of it.
    const connection = server.app.orm.em.getConnection();
    const messages = await connection.execute('select author_id from messages where thread_id = ?', [thread.id]);
    expect(messages.every((row) => row.author_id === null)).toBe(true);
    const events = await connection.execute(
      "select type, actor_id from thread_events where thread_id = ? and type in ('POSTED', 'MESSAGE', 'RATED') or (thread_id = ? and to_status = 'REOPENED')",
      [thread.id, thread.id],
    );
    expect(events).toHaveLength(4);
    expect(events.every((row) => row.actor_id === null)).toBe(true);
    const threads = await connection.execute('select author_id from threads where id = ?', [thread.id]);
    expect(threads[0]?.author_id).toBeNull();
  });
});
