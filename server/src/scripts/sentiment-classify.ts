// `npm run -s sentiment:classify`: one text per line on standard input → `label<TAB>score` per line.
import { createInterface } from 'node:readline';
import { scoreSentiment } from '../monitoring/sentiment/scorer.js';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const { tone, score } = scoreSentiment(line);
  process.stdout.write(`${tone}\t${score}\n`);
}
