// `npm run -s sentiment:classify`: one text per line on standard input → `label<TAB>score<TAB>confidence`
// per line, from the learned model (`--rules` for the rule-based baseline).
import { createInterface } from 'node:readline';
import { LearnedToneScorer } from '../language/model/learned-scorer.js';
import { ruleScorer } from '../language/rules/rule-scorer.js';

const scorer = process.argv.includes('--rules') ? ruleScorer : LearnedToneScorer.load();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const { tone, score, confidence } = scorer.score(line);
  process.stdout.write(`${tone}\t${score}\t${confidence}\n`);
}
