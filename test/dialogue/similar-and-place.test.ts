import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let token: string;

const SIMILAR = `query ($title: String!, $placeId: ID, $latitude: Float, $longitude: Float) {
  similarThreads(title: $title, placeId: $placeId, latitude: $latitude, longitude: $longitude) { id title }
}`;

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  token = await server.login('dan@nghedan.demo');
});

describe('similar threads before posting', () => {
  it('lists an open "Đường bị sạt lở" in the same commune first for "duong bi sat lo"', async () => {
    const landslide = await post(server, dir, {
      token,
      place: 'LH.NB.T1',
      title: 'Đường bị sạt lở',
      body: 'Mưa lớn làm sạt lở taluy, đất đá tràn xuống mặt đường liên thôn.',
    });
    await post(server, dir, {
      token,
      place: 'LH.NB',
      title: 'Đường bị ngập khi mưa',
      body: 'Cống thoát nước tắc, đường ngập sâu.',
    });
    await post(server, dir, {
      token,
      place: 'LH.NB',
      title: 'Đèn đường bị hỏng',
      body: 'Ba bóng đèn đường không sáng.',
    });
    const elsewhere = await post(server, dir, {
      token,
      place: 'LH.PT',
      title: 'Đường bị sạt lở nặng',
      body: 'Sạt lở đường vào thôn, xe không đi được.',
    });
    const privateOne = await post(server, dir, {
      token,
      place: 'LH.NB',
      isPublic: false,
      title: 'Đường bị sạt lở sau nhà',
      body: 'Đất sạt sau nhà tôi, xin kiểm tra.',
    });

    const answer = await server.gql<{ similarThreads: Array<{ id: string }> }>(SIMILAR, {
      variables: { title: 'duong bi sat lo', placeId: dir.unit('LH.NB') },
    });
    expect(answer.errors).toBeUndefined();
    const ids = answer.data!.similarThreads.map((thread) => thread.id);
    expect(ids[0]).toBe(landslide.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(privateOne.id);
  });

  it('finds a thread pinned nearby though its place differs, not one pinned far away', async () => {
    const pinned = await server.gql<{ postFeedback: { thread: { id: string } } }>(
      `mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { thread { id latitude longitude address } } }`,
      {
        token,
        variables: {
          input: {
            kind: 'REPORT',
            title: 'Cây đổ chắn ngang đường',
            body: 'Cây thông lớn đổ sau bão, chắn hết lối đi.',
            categoryId: dir.category('INFRASTRUCTURE'),
            placeId: dir.unit('LH.ML'),
            isPublic: true,
            idempotencyKey: randomUUID(),
            latitude: 11.8301,
            longitude: 108.3512,
            address: 'Dốc gần thác Voi',
          },
        },
      },
    );
    expect(pinned.errors).toBeUndefined();
    const near = await server.gql<{ similarThreads: Array<{ id: string }> }>(SIMILAR, {
      variables: { title: 'cay do chan duong', placeId: dir.unit('LH.NB'), latitude: 11.831, longitude: 108.352 },
    });
    expect(near.data!.similarThreads.map((thread) => thread.id)).toEqual([pinned.data!.postFeedback.thread.id]);
    const far = await server.gql<{ similarThreads: Array<{ id: string }> }>(SIMILAR, {
      variables: { title: 'cay do chan duong', placeId: dir.unit('LH.NB'), latitude: 11.75, longitude: 108.2 },
    });
    expect(far.data!.similarThreads).toEqual([]);
  });
});

describe('a place on the map', () => {
  it('keeps the pin and the address with the post, and refuses half a pin', async () => {
    const input = {
      kind: 'REPORT',
      title: 'Ổ gà gần chợ',
      body: 'Ổ gà lớn gần cổng chợ Nam Ban.',
      categoryId: dir.category('INFRASTRUCTURE'),
      placeId: dir.unit('LH.NB'),
      isPublic: true,
      idempotencyKey: randomUUID(),
      latitude: 11.8391,
      longitude: 108.3317,
      address: 'Trước cổng chợ Nam Ban',
    };
    const posted = await server.gql<{
      postFeedback: { thread: { latitude: number; longitude: number; address: string; unit: { code: string } } };
    }>(
      `mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { thread { latitude longitude address unit { code } } } }`,
      { token, variables: { input } },
    );
    expect(posted.data!.postFeedback.thread).toMatchObject({
      latitude: 11.8391,
      longitude: 108.3317,
      address: 'Trước cổng chợ Nam Ban',
    });
    const half = await server.gql(
      `mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { trackingCode } }`,
      {
        token,
        variables: { input: { ...input, idempotencyKey: randomUUID(), longitude: null } },
      },
    );
    expect(half.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const outside = await server.gql(
      `mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { trackingCode } }`,
      {
        token,
        variables: { input: { ...input, idempotencyKey: randomUUID(), latitude: 123 } },
      },
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    [11.8385, 108.333, 'LH.NB'],
    [11.843, 108.216, 'LH.PT'],
    [11.7755, 108.274, 'LH.TV'],
  ])('suggests the nearest commune or village for a pin at %f, %f', async (latitude, longitude, code) => {
    const answer = await server.gql<{ nearestPlace: { code: string; isPlace: boolean } | null }>(
      `query ($latitude: Float!, $longitude: Float!) { nearestPlace(latitude: $latitude, longitude: $longitude) { code isPlace } }`,
      { variables: { latitude, longitude } },
    );
    expect(answer.data!.nearestPlace).toEqual({ code, isPlace: true });
  });

  it('suggests nothing for a pin far from every unit (Hà Nội)', async () => {
    const answer = await server.gql<{ nearestPlace: null }>(
      `{ nearestPlace(latitude: 21.0278, longitude: 105.8342) { code } }`,
    );
    expect(answer.data!.nearestPlace).toBeNull();
  });
});
