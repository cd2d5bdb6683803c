import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, POST, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let citizen: string;
let other: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  citizen = await server.login('dan@nghedan.demo');
  other = await server.login('kbinh@nghedan.demo');
});

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

describe('an idempotency key cannot be borrowed', () => {
  it("another anonymous post with someone's key gets neither their private thread nor its tracking code", async () => {
    const key = randomUUID();
    const victim = await post(server, dir, { anonymous: true, isPublic: false, idempotencyKey: key });
    const attacker = await post(server, dir, {
      anonymous: true,
      isPublic: false,
      idempotencyKey: key,
      title: 'Một bài khác hẳn',
      body: 'Nội dung khác để thử lấy lại luồng của người khác.',
    });
    expect(attacker.id).not.toBe(victim.id);
    expect(attacker.trackingCode).not.toBe(victim.trackingCode);
    // The same anonymous post sent again is a retry: same thread, same code.
    const retry = await post(server, dir, { anonymous: true, isPublic: false, idempotencyKey: key });
    expect(retry).toMatchObject({ id: victim.id, trackingCode: victim.trackingCode });
  });

  it("a signed-in poster reusing another account's key posts anew, exactly as with a fresh key", async () => {
    const key = randomUUID();
    const first = await post(server, dir, { token: citizen, idempotencyKey: key });
    const withTheirKey = await server.gql(POST, {
      token: other,
      variables: {
        input: {
          kind: 'REPORT',
          title: 'Đèn đường hỏng',
          body: 'Đèn đường ở tổ dân phố 3 hỏng đã hai tuần.',
          categoryId: dir.category('INFRASTRUCTURE'),
          placeId: dir.unit('LH.NB'),
          isPublic: true,
          idempotencyKey: key,
        },
      },
    });
    expect(withTheirKey.errors).toBeUndefined();
    expect((withTheirKey.data as { postFeedback: { thread: { id: string } } }).postFeedback.thread.id).not.toBe(
      first.id,
    );
  });

  it('the same poster replaying a key with a different post gets CONFLICT and nothing of the first', async () => {
    const key = randomUUID();
    await post(server, dir, { token: citizen, idempotencyKey: key, title: 'Bài thứ nhất về đường' });
    const replay = await server.gql(POST, {
      token: citizen,
      variables: {
        input: {
          kind: 'REPORT',
          title: 'Bài thứ hai hoàn toàn khác',
          body: 'Một nội dung khác nhưng cùng khoá idempotency.',
          categoryId: dir.category('INFRASTRUCTURE'),
          placeId: dir.unit('LH.NB'),
          isPublic: true,
          idempotencyKey: key,
        },
      },
    });
    expect(codeOf(replay)).toBe('CONFLICT');
    expect(replay.data).toBeNull();
  });

  it.each(['12345678', 'abcdefgh-ijkl', 'x'.repeat(36)])('refuses the key %s: it must be a UUID', async (key) => {
    await expect(post(server, dir, { anonymous: true, idempotencyKey: key })).rejects.toThrow(/BAD_USER_INPUT/);
  });
});
