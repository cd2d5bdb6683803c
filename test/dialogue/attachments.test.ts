import { PRIVACY_NOTICE } from '../../server/src/shared/privacy-notice.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedUrls } from '../../server/src/shared/media/signed-urls.js';
import { directory, REPLY, type Directory } from '../support/dialogue.js';
import { hasGpsTag, phonePhoto, pngImage, tinyPdf, upload, uploadIds } from '../support/media.js';
import { startTestServer, type TestServer } from '../support/server.js';

const MAX_BYTES = 300 * 1024;
const dataDir = mkdtempSync(path.join(tmpdir(), 'nghedan-media-'));
let server: TestServer;
let dir: Directory;
const tokens: Record<string, string> = {};

const THREAD = `query ($id: ID!, $code: String) {
  thread(id: $id, trackingCode: $code) {
    id
    attachments { id kind contentType width height fileName url thumbnailUrl }
    messages { id internal attachments { id url } }
  }
}`;
const ATTACHMENT = `query ($id: ID!, $code: String) { attachment(id: $id, trackingCode: $code) { id url thumbnailUrl } }`;

interface ThreadView {
  thread: {
    attachments: Array<{
      id: string;
      kind: string;
      contentType: string;
      width: number | null;
      height: number | null;
      fileName: string;
      url: string | null;
      thumbnailUrl: string | null;
    }>;
    messages: Array<{ id: string; internal: boolean; attachments: Array<{ id: string; url: string | null }> }>;
  };
}

const fetchBytes = async (link: string) => {
  const response = await fetch(`${server.url}${link}`);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
};

async function postWith(attachmentIds: string[], token: string | undefined, extra: Record<string, unknown> = {}) {
  return server.gql<{ postFeedback: { thread: { id: string }; trackingCode: string | null } }>(
    `mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { trackingCode thread { id } } }`,
    {
      token,
      variables: {
        input: {
          kind: 'REPORT',
          title: 'Ổ gà gần chợ Nam Ban',
          body: 'Ổ gà lớn trước cổng chợ, xe máy đã ngã hai lần trong tuần.',
          categoryId: dir.category('INFRASTRUCTURE'),
          placeId: dir.unit('LH.NB'),
          isPublic: true,
          anonymous: false,
          idempotencyKey: randomUUID(),
          consentVersion: PRIVACY_NOTICE.version,
          attachmentIds,
          ...extra,
        },
      },
    },
  );
}

beforeAll(async () => {
  server = await startTestServer({ DATA_DIR: dataDir, ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
  dir = await directory(server);
  const accounts: Array<[string, string]> = [
    ['dan', 'dan@nghedan.demo'],
    ['kbinh', 'kbinh@nghedan.demo'],
    ['nb', 'lh.nb@nghedan.demo'],
    ['pt', 'lh.pt@nghedan.demo'],
    ['bdv', 'bdv@nghedan.demo'],
  ];
  for (const [name, email] of accounts) tokens[name] = await server.login(email);
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('uploading photos and files', () => {
  it('re-encodes a phone photo: GPS and EXIF gone, turned upright, resized, with a thumbnail', async () => {
    const original = await phonePhoto(600, 400);
    const before = await sharp(original).metadata();
    expect(hasGpsTag(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);

    const [id] = await uploadIds(server, [{ name: 'IMG_0001.jpg', bytes: original }], tokens.dan);
    const posted = await postWith([id!], tokens.dan);
    expect(posted.errors).toBeUndefined();
    const view = await server.gql<ThreadView>(THREAD, {
      token: tokens.dan,
      variables: { id: posted.data!.postFeedback.thread.id },
    });
    const [attachment] = view.data!.thread.attachments;
    expect(attachment).toMatchObject({ id, kind: 'IMAGE', contentType: 'image/jpeg', width: 400, height: 600 });
    expect(attachment!.fileName).toBe('IMG_0001.jpg');

    const full = await fetchBytes(attachment!.url!);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/jpeg');
    const after = await sharp(full.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(hasGpsTag(after.exif)).toBe(false);
    expect(full.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(after.orientation ?? 1).toBe(1);
    expect([after.width, after.height]).toEqual([400, 600]);

    const thumbnail = await fetchBytes(attachment!.thumbnailUrl!);
    const small = await sharp(thumbnail.bytes).metadata();
    expect(Math.max(small.width!, small.height!)).toBe(320);
    expect(small.exif).toBeUndefined();
  });

  it('accepts PNG and PDF told from their bytes, whatever the name says', async () => {
    const answer = await upload(
      server,
      [
        { name: 'scan.jpg', bytes: await pngImage(), type: 'image/jpeg' },
        { name: 'don-kien-nghi.pdf', bytes: tinyPdf(), type: 'application/octet-stream' },
      ],
      tokens.dan,
    );
    expect(answer.status).toBe(201);
    expect(answer.body.attachments!.map((row) => [row.kind, row.contentType])).toEqual([
      ['IMAGE', 'image/png'],
      ['PDF', 'application/pdf'],
    ]);
  });

  it.each([
    ['text claiming to be a JPEG', Buffer.from('this is not a photo at all, just text'.repeat(10)), 'image/jpeg'],
    ['an HTML page named .png', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png'],
    [
      'a JPEG header followed by garbage',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]),
      'image/jpeg',
    ],
  ])('refuses %s with UNSUPPORTED_MEDIA_TYPE and stores nothing', async (_what, bytes, type) => {
    const answer = await upload(server, [{ name: 'photo.jpg', bytes, type }], tokens.dan);
    expect(answer.status).toBe(415);
    expect(answer.body.errors?.[0]?.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a file over the size limit and more files than allowed', async () => {
    const big = await sharp({ create: { width: 1500, height: 1500, channels: 3, background: '#888' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const tooBig = await upload(server, [{ name: 'big.png', bytes: big }], tokens.dan);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors?.[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');

    // Under what five files may weigh together, so the stream itself must cut it at the limit.
    const justOver = Buffer.concat([tinyPdf(), Buffer.alloc(MAX_BYTES, 32)]);
    const cut = await upload(server, [{ name: 'long.pdf', bytes: justOver }], tokens.dan);
    expect(cut.status).toBe(413);
    expect(cut.body.errors?.[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');

    const photo = await pngImage();
    const six = Array.from({ length: 6 }, (_, index) => ({ name: `p${index}.png`, bytes: photo }));
    const tooMany = await upload(server, six, tokens.dan);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.errors?.[0]?.extensions.code).toBe('TOO_MANY_FILES');
  });

  it('refuses a request with no file or that is not multipart', async () => {
    const empty = await fetch(`${server.url}/uploads`, { method: 'POST', body: new FormData() });
    expect(empty.status).toBe(400);
    const json = await fetch(`${server.url}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect(
      ((await json.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
    ).toBe('BAD_USER_INPUT');
  });
});

describe('attaching uploads', () => {
  it('attaches only your own pending uploads, once, and a retry of the post keeps them', async () => {
    const mine = await uploadIds(server, [{ name: 'a.png', bytes: await pngImage() }], tokens.dan);
    const stolen = await postWith(mine, tokens.kbinh);
    expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const key = randomUUID();
    const first = await postWith(mine, tokens.dan, { idempotencyKey: key });
    const retry = await postWith(mine, tokens.dan, { idempotencyKey: key });
    expect(retry.data!.postFeedback.thread.id).toBe(first.data!.postFeedback.thread.id);

    const again = await postWith(mine, tokens.dan);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const unknown = await postWith([randomUUID()], tokens.dan);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses more than five attachments in one post, and a refused post attaches nothing', async () => {
    const photo = await pngImage();
    const ids = [
      ...(await uploadIds(
        server,
        Array.from({ length: 5 }, (_, i) => ({ name: `${i}.png`, bytes: photo })),
        tokens.dan,
      )),
      ...(await uploadIds(server, [{ name: '5.png', bytes: photo }], tokens.dan)),
    ];
    const refused = await postWith(ids, tokens.dan);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const accepted = await postWith(ids.slice(0, 5), tokens.dan);
    expect(accepted.errors).toBeUndefined();
  });

  it('lets an anonymous poster attach photos and read them back with the tracking code', async () => {
    const ids = await uploadIds(server, [{ name: 'x.png', bytes: await pngImage() }]);
    const posted = await postWith(ids, undefined, { anonymous: true, isPublic: false });
    expect(posted.errors).toBeUndefined();
    const { thread, trackingCode } = posted.data!.postFeedback;
    const withCode = await server.gql<ThreadView>(THREAD, { variables: { id: thread.id, code: trackingCode } });
    const link = withCode.data!.thread.attachments[0]!.url!;
    expect((await fetchBytes(link)).status).toBe(200);
    const withoutCode = await server.gql(ATTACHMENT, { variables: { id: ids[0] } });
    expect(withoutCode.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('who may see an attachment', () => {
  let privateLink: string;
  let privateId: string;
  let threadId: string;

  beforeAll(async () => {
    privateId = (await uploadIds(server, [{ name: 'nha.jpg', bytes: await phonePhoto() }], tokens.dan))[0]!;
    const posted = await postWith([privateId], tokens.dan, { isPublic: false });
    threadId = posted.data!.postFeedback.thread.id;
    const view = await server.gql<ThreadView>(THREAD, { token: tokens.dan, variables: { id: threadId } });
    privateLink = view.data!.thread.attachments[0]!.url!;
  });

  it('shows a private thread’s photo to its author, the responsible unit and monitors', async () => {
    for (const token of [tokens.dan, tokens.nb, tokens.bdv]) {
      const answer = await server.gql<{ attachment: { url: string } }>(ATTACHMENT, {
        token,
        variables: { id: privateId },
      });
      expect(answer.errors).toBeUndefined();
      expect((await fetchBytes(answer.data!.attachment.url)).status).toBe(200);
    }
  });

  it.each([
    ['citizen B', 'kbinh'],
    ['another unit', 'pt'],
    ['an anonymous visitor', null],
  ])('never gives %s a link to a private thread’s photo', async (_who, name) => {
    const token = name ? tokens[name] : undefined;
    const answer = await server.gql(ATTACHMENT, { token, variables: { id: privateId } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const thread = await server.gql(THREAD, { token, variables: { id: threadId } });
    expect(thread.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('serves nothing by a guessable path, a forged or borrowed signature, or another variant', async () => {
    const url = new URL(privateLink, server.url);
    const bare = await fetchBytes(`/attachments/${privateId}`);
    expect(bare.status).toBe(403);
    const forged = await fetchBytes(
      `${url.pathname}?expires=${url.searchParams.get('expires')}&signature=${'A'.repeat(32)}`,
    );
    expect(forged.status).toBe(403);
    const later = await fetchBytes(
      `${url.pathname}?expires=${Number(url.searchParams.get('expires')) + 3600}&signature=${url.searchParams.get('signature')}`,
    );
    expect(later.status).toBe(403);
    const otherVariant = await fetchBytes(`${url.pathname}/thumbnail${url.search}`);
    expect(otherVariant.status).toBe(403);
    const otherId = await fetchBytes(`/attachments/${randomUUID()}${url.search}`);
    expect(otherId.status).toBe(403);
    const served = await fetchBytes(privateLink);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(served.headers.get('cache-control')).toMatch(/^private/);
  });

  it('shows an internal note’s photo to staff only, never to the author', async () => {
    const [noteFile] = await uploadIds(server, [{ name: 'bien-ban.png', bytes: await pngImage() }], tokens.nb);
    const note = await server.gql<{ replyToThread: { id: string } }>(REPLY, {
      token: tokens.nb,
      variables: { input: { threadId, body: 'Ảnh hiện trường nội bộ', internal: true, attachmentIds: [noteFile] } },
    });
    expect(note.errors).toBeUndefined();

    const author = await server.gql<ThreadView>(THREAD, { token: tokens.dan, variables: { id: threadId } });
    expect(author.data!.thread.messages.filter((message) => message.internal)).toEqual([]);
    expect(
      (await server.gql(ATTACHMENT, { token: tokens.dan, variables: { id: noteFile } })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');

    for (const token of [tokens.nb, tokens.bdv]) {
      const staff = await server.gql<ThreadView>(THREAD, { token, variables: { id: threadId } });
      const internal = staff.data!.thread.messages.find((message) => message.internal)!;
      expect(internal.attachments.map((row) => row.id)).toEqual([noteFile]);
      expect((await fetchBytes(internal.attachments[0]!.url!)).status).toBe(200);
    }
  });

  it('lets the author answer back with a photo that the unit sees', async () => {
    const [file] = await uploadIds(server, [{ name: 'them.png', bytes: await pngImage() }], tokens.dan);
    const reply = await server.gql(REPLY, {
      token: tokens.dan,
      variables: { input: { threadId, body: 'Thêm một ảnh mới chụp', attachmentIds: [file] } },
    });
    expect(reply.errors).toBeUndefined();
    const unit = await server.gql<ThreadView>(THREAD, { token: tokens.nb, variables: { id: threadId } });
    const message = unit.data!.thread.messages.find((row) => row.attachments.some((a) => a.id === file));
    expect(message?.internal).toBe(false);
  });
});

describe('signed links', () => {
  it('expire after their time and belong to one attachment and variant', () => {
    const urls = new SignedUrls('a-secret-of-at-least-thirty-two-characters', 60);
    const now = Date.parse('2026-11-29T10:00:00Z');
    const link = new URL(urls.sign('11111111-1111-4111-8111-111111111111', 'full', now), 'http://x');
    const expires = link.searchParams.get('expires');
    const signature = link.searchParams.get('signature');
    const id = '11111111-1111-4111-8111-111111111111';
    expect(urls.verify(id, 'full', expires, signature, now + 59_000)).toBe(true);
    expect(urls.verify(id, 'full', expires, signature, now + 121_000)).toBe(false);
    expect(urls.verify(id, 'thumbnail', expires, signature, now)).toBe(false);
    expect(urls.verify('22222222-2222-4222-8222-222222222222', 'full', expires, signature, now)).toBe(false);
    expect(
      new SignedUrls('another-secret-of-at-least-thirty-two-chars', 60).verify(id, 'full', expires, signature, now),
    ).toBe(false);
  });
});
