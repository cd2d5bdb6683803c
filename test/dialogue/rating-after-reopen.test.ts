import { beforeAll, describe, expect, it } from 'vitest';
import { directory, move, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
});

const RATE = 'mutation ($input: RateInput!) { rateThread(input: $input) { rating ratingComment viewerCan { rate } } }';
const rate = (token: string, threadId: string, score: number, comment?: string) =>
  server.gql<{ rateThread: { rating: number; ratingComment: string | null; viewerCan: { rate: boolean } } }>(RATE, {
    token,
    variables: { input: { threadId, score, comment } },
  });

describe('rating after a reopen', () => {
  it('lets the citizen rate the next answer once they reopened the one they rated', async () => {
    const citizen = await server.login('dan@nghedan.demo');
    const officer = await server.login('lh.nb@nghedan.demo');
    const thread = await post(server, dir, { token: citizen, place: 'LH.NB', title: 'Ổ gà trên đường chính' });
    for (const status of ['ACKNOWLEDGED', 'ANSWERED', 'RESOLVED']) {
      expect((await move(server, officer, thread.id, status)).errors).toBeUndefined();
    }
    const first = await rate(citizen, thread.id, 2, 'Mới vá tạm');
    expect(first.data!.rateThread).toEqual({ rating: 2, ratingComment: 'Mới vá tạm', viewerCan: { rate: false } });
    expect((await rate(citizen, thread.id, 3)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    expect(
      (await move(server, citizen, thread.id, 'REOPENED', { reason: 'Ổ gà lại xuất hiện' })).errors,
    ).toBeUndefined();
    const reopened = await server.gql<{ thread: { rating: number | null; viewerCan: { rate: boolean } } }>(
      'query ($id: ID!) { thread(id: $id) { rating viewerCan { rate } } }',
      { token: citizen, variables: { id: thread.id } },
    );
    expect(reopened.data!.thread).toEqual({ rating: null, viewerCan: { rate: false } });

    for (const status of ['IN_PROGRESS', 'ANSWERED', 'RESOLVED']) {
      expect((await move(server, officer, thread.id, status)).errors).toBeUndefined();
    }
    const second = await rate(citizen, thread.id, 5, 'Đã trải nhựa lại');
    expect(second.errors).toBeUndefined();
    expect(second.data!.rateThread).toMatchObject({ rating: 5, ratingComment: 'Đã trải nhựa lại' });
  });
});
