import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  // The demo data: fourteen Lâm Hà threads over six weeks, the last five in the last seven days.
  server = await startTestServer({ SEED_DEMO_THREADS: 'true' });
});

describe('rising words on the demo data', () => {
  it('are real content words, never fragments, filler or place names', async () => {
    const monitor = await server.login('mttq@nghedan.demo');
    const result = await server.gql<{
      monitoring: { risingWords: Array<{ word: string; thisWeek: number; weeklyBefore: number; likelihood: number }> };
    }>('{ monitoring { risingWords(limit: 10) { word thisWeek weeklyBefore likelihood } } }', { token: monitor });
    expect(result.errors).toBeUndefined();
    const words = result.data!.monitoring.risingWords;
    // The two suspension-bridge posts of the last two days; every other word is in one thread only.
    expect(words.map((word) => word.word)).toEqual(['cầu treo', 'ván']);
    expect(words[0]).toMatchObject({ thisWeek: 2, weeklyBefore: 0 });
    expect(words[0]!.likelihood).toBeGreaterThan(3.84);
  });
});
