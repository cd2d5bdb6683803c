// `npm run sentiment:rescore`: scores every thread and citizen message again, after the lexicon
// or the scorer changed. Works on DATABASE_URL or on the embedded database; batches of 500.
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { toneOf } from '../monitoring/sentiment/tone.js';
import { createLogger } from '../shared/logger.js';

const BATCH = 500;

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const { orm, close } = await openDatabase(config, log);
  try {
    const connection = orm.em.getConnection();
    const rescore = async (table: 'threads' | 'messages', text: string, where: string) => {
      let changed = 0;
      let lastId = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await connection.execute<
          Array<{ id: string; text: string; tone: string | null; tone_score: number | null }>
        >(
          `select id, ${text} as text, tone, tone_score from ${table} where id > ? ${where} order by id limit ${BATCH}`,
          [lastId],
        );
        if (rows.length === 0) return changed;
        for (const row of rows) {
          const { tone, toneScore } = toneOf(row.text);
          if (tone !== row.tone || toneScore !== row.tone_score) {
            await connection.execute(`update ${table} set tone = ?, tone_score = ? where id = ?`, [
              tone,
              toneScore,
              row.id,
            ]);
            changed += 1;
          }
        }
        lastId = rows[rows.length - 1]!.id;
      }
    };
    const threads = await rescore('threads', `title || '. ' || body`, '');
    const messages = await rescore('messages', 'body', 'and unit_id is null and internal = false');
    console.log(`rescored: ${threads} threads and ${messages} citizen messages changed tone or score`);
  } finally {
    await close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
