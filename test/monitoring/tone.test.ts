import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';
import { defaultToneScorer, scorerName } from '../../server/src/language/index.js';
import { directory, post, REPLY, type Directory } from '../support/dialogue.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
});

const TONES = `query ($id: ID!) { thread(id: $id) { tone toneScore messages { body tone toneScore } } }`;

describe('tone of what citizens write', () => {
  it('is scored when a thread or a citizen message is written, never for officials', async () => {
    const citizen = await server.login('dan@nghedan.demo');
    const thread = await post(server, dir, {
      token: citizen,
      title: 'Đường sạt lở rất nguy hiểm',
      body: 'Đoạn đường qua thôn sạt lở đã hai tháng mà chưa thấy ai xử lý, bà con rất bức xúc.',
    });
    const officer = await server.login('lh.nb@nghedan.demo');
    await server.gql(REPLY, {
      token: officer,
      variables: { input: { threadId: thread.id, body: 'Xã đã cử cán bộ xuống kiểm tra.' } },
    });
    await server.gql(REPLY, {
      token: citizen,
      variables: { input: { threadId: thread.id, body: 'Cảm ơn xã đã xuống kiểm tra nhanh chóng.' } },
    });
    const result = await server.gql<{
      thread: { tone: string; toneScore: number; messages: Array<{ tone: string | null; toneScore: number | null }> };
    }>(TONES, { token: citizen, variables: { id: thread.id } });
    const { tone, toneScore, messages } = result.data!.thread;
    expect(tone).toBe('NEGATIVE');
    expect(toneScore).toBeLessThan(-0.5);
    expect(messages.map((message) => message.tone)).toEqual([null, 'POSITIVE']);
    // Each scored row names the model that scored it, with its confidence.
    const model = scorerName(defaultToneScorer());
    expect(model).toMatch(/^tone-logreg@[0-9a-f]{10}$/);
    const rows = await server.app.orm.em
      .getConnection()
      .execute<Array<{ tone_model: string | null; tone_confidence: number | null }>>(
        `select tone_model, tone_confidence from threads where id = ?
         union all select tone_model, tone_confidence from messages where thread_id = ? and unit_id is null`,
        [thread.id, thread.id],
      );
    expect(rows.map((row) => row.tone_model)).toEqual([model, model]);
    for (const row of rows) expect(row.tone_confidence).toBeGreaterThan(0.5);
  });

  it('is scored again for every stored text by one command', async () => {
    const citizen = await server.login('kbinh@nghedan.demo');
    const thread = await post(server, dir, {
      token: citizen,
      title: 'Cảm ơn cán bộ một cửa',
      body: 'Cán bộ một cửa hướng dẫn rất tận tình, tôi rất hài lòng.',
    });
    await server.app.orm.em
      .getConnection()
      .execute('update threads set tone = null, tone_score = null where id = ?', [thread.id]);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/src/scripts/sentiment-rescore.ts'],
      {
        cwd: projectRoot,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: server.app.orm.config.get('clientUrl')!,
          JWT_SECRET: TEST_JWT_SECRET,
          LOG_LEVEL: 'silent',
        },
      },
    );
    expect(stdout).toMatch(/rescored: [1-9]\d* threads/);
    const result = await server.gql<{ thread: { tone: string } }>(TONES, {
      token: citizen,
      variables: { id: thread.id },
    });
    expect(result.data?.thread.tone).toBe('POSITIVE');
  });
});
