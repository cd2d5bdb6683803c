import { createECDH, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// http_ece is the reference implementation of RFC 8188 that web-push itself encrypts with.
import ece from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../server/src/notifications/channels/channel.js';
import { PushChannel } from '../../server/src/notifications/channels/push.channel.js';
import { NotificationChannel } from '../../server/src/notifications/notification.entity.js';
import { NotificationWorker } from '../../server/src/notifications/worker.js';
import { createLogger } from '../../server/src/shared/logger.js';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Pushed {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A push service of our own: HTTPS with a certificate made for the test, answering 201 (or 410 for /gone/). */
async function startPushService(): Promise<{ url: string; agent: https.Agent; received: Pushed[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'push-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(path.join(dir, 'cert.pem'));
  const received: Pushed[] = [];
  const server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = req.url?.startsWith('/gone/') ? 410 : 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}`, agent: new https.Agent({ ca: cert }), received };
}

let server: TestServer;
let dir: Directory;
let citizen: string;
let push: Awaited<ReturnType<typeof startPushService>>;
let worker: NotificationWorker | undefined;

beforeAll(async () => {
  push = await startPushService();
  server = await startTestServer({ NOTIFICATION_CONCURRENCY: '0' });
  dir = await directory(server);
  citizen = await server.login('dan@nghedan.demo');
  const { notifications, orm } = server.app;
  const deps = notifications.deliveryDeps(server.url);
  const channels = new Map<NotificationChannel, Channel>([
    [
      NotificationChannel.PUSH,
      new PushChannel(
        notifications.vapid,
        async (endpoint) => {
          await orm.em.fork().execute('delete from push_subscriptions where endpoint = ?', [endpoint]);
        },
        push.agent,
      ),
    ],
  ]);
  worker = await NotificationWorker.start(
    orm,
    { ...deps, channels },
    { concurrency: 2, contactRetentionDays: 90, pollIntervalMs: 200 },
    createLogger('silent'),
  );
});
afterAll(async () => {
  await worker?.stop();
});

const REGISTER = 'mutation ($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) }';

describe('Web Push', () => {
  it('encrypts a payload without personal data to the browser’s keys, signed with the server’s VAPID key', async () => {
    const browser = createECDH('prime256v1');
    browser.generateKeys();
    const auth = randomBytes(16);
    const key = await server.gql<{ pushPublicKey: string }>('{ pushPublicKey }');
    expect(key.data?.pushPublicKey).toBe(server.app.notifications.vapid.publicKey);
    const registered = await server.gql(REGISTER, {
      token: citizen,
      variables: {
        input: {
          endpoint: `${push.url}/send/browser-1`,
          p256dh: browser.getPublicKey().toString('base64url'),
          auth: auth.toString('base64url'),
        },
      },
    });
    expect(registered.errors, JSON.stringify(registered.errors)).toBeUndefined();

    const thread = await post(server, dir, { token: citizen, title: 'Bà Nguyễn Thị Hoa báo mất điện' });
    const deadline = Date.now() + 20_000;
    while (!push.received.some((pushed) => pushed.path === '/send/browser-1')) {
      if (Date.now() > deadline) throw new Error('no push arrived');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pushed = push.received.find((entry) => entry.path === '/send/browser-1')!;
    expect(pushed.headers['content-encoding']).toBe('aes128gcm');
    expect(String(pushed.headers.authorization)).toMatch(/^vapid t=.+, k=/);
    expect(String(pushed.headers.authorization)).toContain(server.app.notifications.vapid.publicKey);
    expect(pushed.headers.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);

    const plain = ece.decrypt(pushed.body, { version: 'aes128gcm', privateKey: browser, authSecret: auth });
    const payload = JSON.parse(plain.toString('utf8')) as { topic: string; body: string; url: string };
    expect(payload).toEqual({
      topic: 'ROUTED',
      body: 'Ý kiến của bạn đã được chuyển đến đơn vị có trách nhiệm.',
      url: `${server.url}/threads/${thread.id}`,
    });
    // Nothing the citizen wrote, nor a name, crosses the push service.
    expect(plain.toString('utf8')).not.toContain('Hoa');
  });

  it('forgets a subscription the push service says is gone', async () => {
    const browser = createECDH('prime256v1');
    browser.generateKeys();
    const endpoint = `${push.url}/gone/browser-2`;
    await server.gql(REGISTER, {
      token: citizen,
      variables: {
        input: {
          endpoint,
          p256dh: browser.getPublicKey().toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
      },
    });
    await post(server, dir, { token: citizen });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const rows = await server.app.orm.em
        .fork()
        .execute('select 1 from push_subscriptions where endpoint = ?', [endpoint]);
      if (rows.length === 0 && push.received.some((pushed) => pushed.path === '/gone/browser-2')) break;
      if (Date.now() > deadline) throw new Error('the gone subscription was kept');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('refuses a malformed subscription with BAD_USER_INPUT', async () => {
    const result = await server.gql(REGISTER, {
      token: citizen,
      variables: { input: { endpoint: 'not a url', p256dh: 'x'.repeat(30), auth: 'y'.repeat(16) } },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
