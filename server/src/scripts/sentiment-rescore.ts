// `npm run sentiment:rescore`: scores every thread and citizen message again with the current tone
// model (and recomputes threads' keywords), after the model or the word list changed. Works on
// DATABASE_URL or on the embedded database, in batches of 500 rows written by one UPDATE … FROM
// json each, with progress on standard error.
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { toneColumns } from '../dialogue/tone.js';
import { defaultToneScorer, keywordsOf, scorerName } from '../language/index.js';
import { createLogger } from '../shared/logger.js';

const BATCH = 500;

try {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const scorer = defaultToneScorer();
  const { orm, close } = await openDatabase(config, log);
  try {
    const connection = orm.em.getConnection();
    const rescore = async (table: 'threads' | 'messages', text: string, where: string) => {
      const [counted] = await connection.execute<Array<{ total: number }>>(
        `select count(*)::int as total from ${table} where true ${where}`,
      );
      const total = counted?.total ?? 0;
      let done = 0;
      let changed = 0;
      let lastId = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = await connection.execute<Array<{ id: string; text: string; tone: string | null }>>(
          `select id, ${text} as text, tone from ${table} where id > ? ${where} order by id limit ${BATCH}`,
          [lastId],
        );
        if (rows.length === 0) break;
        const values = rows.map((row) => {
          const columns = toneColumns(scorer, scorer.score(row.text));
          if (columns.tone !== row.tone) changed += 1;
          return {
            id: row.id,
            tone: columns.tone,
            tone_score: columns.toneScore,
            tone_confidence: columns.toneConfidence,
            tone_model: columns.toneModel,
            ...(table === 'threads' ? { keywords: keywordsOf(row.text) } : {}),
          };
        });
        await connection.execute(
          `update ${table} as t set tone = v.tone, tone_score = v.tone_score, tone_confidence = v.tone_confidence,
             tone_model = v.tone_model${table === 'threads' ? ', keywords = v.keywords' : ''}
           from json_to_recordset(?::json) as v(id uuid, tone text, tone_score float8, tone_confidence float8,
             tone_model text${table === 'threads' ? ', keywords text[]' : ''})
           where t.id = v.id`,
          [JSON.stringify(values)],
        );
        done += rows.length;
        lastId = rows[rows.length - 1]!.id;
        process.stderr.write(`\r${table}: ${done}/${total}`);
      }
      if (total > 0) process.stderr.write('\n');
      return { done, changed };
    };
    const threads = await rescore('threads', `title || '. ' || body`, '');
    const messages = await rescore('messages', 'body', 'and unit_id is null and internal = false');
    console.log(
      `rescored: ${threads.done} threads (${threads.changed} changed tone) and ${messages.done} citizen messages ` +
        `(${messages.changed} changed tone) with ${scorerName(scorer)}`,
    );
  } finally {
    await close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
