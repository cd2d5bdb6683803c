import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { directory, type Directory } from '../support/dialogue.js';
import { phonePhoto, uploadIds } from '../support/media.js';
import { startTestServer, type TestServer } from '../support/server.js';

const BUCKET = 'nghedan-attachments';
const KEY = 'S3RVER';
const SECRET = 'S3RVER';
const s3Dir = mkdtempSync(path.join(tmpdir(), 'nghedan-s3-'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'nghedan-s3-data-'));
let s3: S3rver;
let endpoint: string;
let server: TestServer;
let dir: Directory;

beforeAll(async () => {
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir });
  const address = (await s3.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
  // The bucket does not exist yet: the server creates it at start.
  server = await startTestServer({
    DATA_DIR: dataDir,
    S3_URL: `http://${KEY}:${SECRET}@127.0.0.1:${address.port}/${BUCKET}`,
  });
  dir = await directory(server);
});

afterAll(async () => {
  await s3?.close();
  rmSync(s3Dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

it('keeps photos in S3-compatible storage and serves them from there', async () => {
  const token = await server.login('dan@nghedan.demo');
  const [id] = await uploadIds(server, [{ name: 'o-ga.jpg', bytes: await phonePhoto() }], token);
  const posted = await server.gql<{ postFeedback: { thread: { id: string; attachments: Array<{ url: string }> } } }>(
    `mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { thread { id attachments { url } } } }`,
    {
      token,
      variables: {
        input: {
          kind: 'REPORT',
          title: 'Ổ gà trên đường Hùng Vương',
          body: 'Ổ gà sâu giữa đường, trời mưa không nhìn thấy.',
          categoryId: dir.category('INFRASTRUCTURE'),
          placeId: dir.unit('LH.DV'),
          isPublic: true,
          idempotencyKey: randomUUID(),
          attachmentIds: [id],
        },
      },
    },
  );
  expect(posted.errors).toBeUndefined();

  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: KEY, secretAccessKey: SECRET },
  });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  const keys = (listed.Contents ?? []).map((object) => object.Key!);
  expect(keys).toHaveLength(2);
  expect(keys.some((key) => key.endsWith('.thumb'))).toBe(true);
  // Keys are random: nothing of the file name or the thread goes into the bucket.
  expect(keys.join(' ')).not.toContain('o-ga');

  const stored = await client.send(
    new GetObjectCommand({ Bucket: BUCKET, Key: keys.find((key) => !key.endsWith('.thumb')) }),
  );
  const storedBytes = Buffer.from(await stored.Body!.transformToByteArray());
  client.destroy();

  const link = posted.data!.postFeedback.thread.attachments[0]!.url;
  const response = await fetch(`${server.url}${link}`);
  expect(response.status).toBe(200);
  const served = Buffer.from(await response.arrayBuffer());
  expect(served.equals(storedBytes)).toBe(true);
  expect((await sharp(served).metadata()).exif).toBeUndefined();
});
