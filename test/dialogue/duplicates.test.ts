import { beforeAll, describe, expect, it } from 'vitest';
import { collect, directory, post, settleSubscription, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  for (const name of ['dan', 'kbinh', 'lh.nb', 'lh.pt', 'admin'])
    tokens[name] = await server.login(`${name}@nghedan.demo`);
});

const MARK = `mutation ($input: MarkDuplicateInput!) {
  markThreadDuplicate(input: $input) { id status duplicateOf { id title } }
}`;
const THREAD = `query ($id: ID!, $code: String) {
  thread(id: $id, trackingCode: $code) {
    id status viewerCan { markDuplicate transfer } duplicateOf { id title status }
    events { type fromStatus toStatus reason reasonCode reasonParams { key value } }
  }
}`;

interface ThreadView {
  id: string;
  status: string;
  viewerCan: { markDuplicate: boolean; transfer: boolean };
  duplicateOf: { id: string; title: string; status: string } | null;
  events: Array<{
    type: string;
    toStatus: string | null;
    reason: string | null;
    reasonCode: string | null;
    reasonParams: Array<{ key: string; value: string }>;
  }>;
}

const read = async (id: string, token?: string, code?: string) =>
  (await server.gql<{ thread: ThreadView }>(THREAD, { token, variables: { id, code } })).data!.thread;
const mark = (token: string | undefined, threadId: string, originalId: string, reason?: string) =>
  server.gql<{ markThreadDuplicate: { id: string; status: string; duplicateOf: { id: string } | null } }>(MARK, {
    token,
    variables: { input: { threadId, originalId, reason } },
  });

describe('marking a thread as a duplicate', () => {
  it('closes it, tells its author live with a link to the original, and changes nothing else', async () => {
    const original = await post(server, dir, {
      token: tokens.dan,
      place: 'LH.NB',
      title: 'Ổ gà lớn gần chợ Nam Ban, gọi 0912 345 678',
      body: 'Ổ gà sâu giữa đường, xe máy ngã nhiều lần.',
    });
    const duplicate = await post(server, dir, {
      token: tokens.kbinh,
      place: 'LH.NB',
      isPublic: false,
      title: 'Đường gần chợ có ổ gà',
      body: 'Có ổ gà to trước cổng chợ Nam Ban.',
    });
    expect(duplicate.unit.code).toBe(original.unit.code);
    const officer = await server.login(`${duplicate.unit.code.toLowerCase()}@nghedan.demo`);

    expect((await read(duplicate.id, officer)).viewerCan.markDuplicate).toBe(true);
    expect((await read(duplicate.id, tokens.kbinh)).viewerCan.markDuplicate).toBe(false);

    const live = collect(
      server.socket({ authToken: tokens.kbinh }),
      'subscription ($id: ID!) { threadEvents(threadId: $id) { cursor type threadId toStatus } }',
      {
        id: duplicate.id,
      },
    );
    await settleSubscription();
    const marked = await mark(officer, duplicate.id, original.id, 'Đã có phản ánh này, mời theo dõi tại đây.');
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markThreadDuplicate).toMatchObject({ status: 'CLOSED', duplicateOf: { id: original.id } });
    await live.until(1);
    expect(live.events[0]).toMatchObject({ type: 'DUPLICATE', threadId: duplicate.id, toStatus: 'CLOSED' });
    live.dispose();

    // The author sees the event and the link; the original's title is masked as on the board.
    const seen = await read(duplicate.id, tokens.kbinh);
    expect(seen.status).toBe('CLOSED');
    expect(seen.duplicateOf).toMatchObject({ id: original.id, status: 'ROUTED' });
    const event = seen.events.find((candidate) => candidate.type === 'DUPLICATE')!;
    expect(event.reasonCode).toBe('DUPLICATE_OF');
    expect(event.reason).toBe('Đã có phản ánh này, mời theo dõi tại đây.');
    expect(Object.fromEntries(event.reasonParams.map((param) => [param.key, param.value]))).toEqual({
      original: original.id,
      title: 'Ổ gà lớn gần chợ Nam Ban, gọi 09xx xxx 678',
    });

    // The original is untouched; the closed duplicate cannot be marked again nor serve as an original.
    const originalNow = await read(original.id, tokens.dan);
    expect(originalNow.status).toBe('ROUTED');
    expect(originalNow.duplicateOf).toBeNull();
    expect(originalNow.events.map((candidate) => candidate.type)).toEqual(['POSTED', 'ROUTED']);
    expect((await mark(officer, duplicate.id, original.id)).errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect((await read(duplicate.id, officer)).viewerCan.markDuplicate).toBe(false);
    const third = await post(server, dir, {
      token: tokens.dan,
      place: 'LH.NB',
      title: 'Ổ gà chợ Nam Ban',
      body: 'Lại thấy ổ gà ở chợ.',
    });
    const onDuplicate = await mark(officer, third.id, duplicate.id);
    expect(onDuplicate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is refused to citizens, other units, for private or unknown originals and for itself', async () => {
    const original = await post(server, dir, {
      token: tokens.dan,
      place: 'LH.NB',
      title: 'Đèn đường hỏng ở thôn 1',
      body: 'Hai bóng đèn không sáng.',
    });
    const hidden = await post(server, dir, {
      token: tokens.dan,
      place: 'LH.NB',
      isPublic: false,
      title: 'Đèn đường hỏng thôn 1',
      body: 'Đèn hỏng trước nhà tôi.',
    });
    const duplicate = await post(server, dir, {
      token: tokens.kbinh,
      place: 'LH.NB',
      title: 'Thôn 1 mất đèn đường',
      body: 'Đèn đường thôn 1 không sáng.',
    });
    const officer = await server.login(`${duplicate.unit.code.toLowerCase()}@nghedan.demo`);

    const citizen = await mark(tokens.kbinh, duplicate.id, original.id);
    expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await mark(undefined, duplicate.id, original.id);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    if (duplicate.unit.code !== 'LH.PT') {
      const otherUnit = await mark(tokens['lh.pt'], duplicate.id, original.id);
      expect(otherUnit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await mark(officer, duplicate.id, duplicate.id)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await mark(officer, duplicate.id, hidden.id)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (await mark(officer, duplicate.id, '00000000-0000-4000-8000-000000000000')).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await mark(officer, duplicate.id, 'not-an-id')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await read(duplicate.id, tokens.kbinh)).status).toBe('ROUTED');

    // An administrator may, as for transfers.
    const byAdmin = await mark(tokens.admin, duplicate.id, original.id);
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.markThreadDuplicate.status).toBe('CLOSED');
  });
});
