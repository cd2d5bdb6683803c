// `npm run bench:sentiment`: accuracy, macro-F1 and the confusion matrix of the scorer on a
// labelled TSV (label<TAB>text; default ../shared/data/sentiment/civic-dev.tsv), and its speed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { scoreSentiment, type Tone } from '../monitoring/sentiment/scorer.js';

const given = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const file = path.resolve(given ?? path.join(projectRoot, '../shared/data/sentiment/civic-dev.tsv'));
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim())
  .map((line) => {
    const [label, ...text] = line.split('\t');
    return { label: label as Tone, text: text.join('\t') };
  });
const tones: Tone[] = ['negative', 'neutral', 'positive'];
const matrix = new Map(tones.map((gold) => [gold, new Map(tones.map((guess) => [guess, 0]))]));
const started = process.hrtime.bigint();
const verbose = process.argv.includes('--errors');
for (const row of rows) {
  const { tone, score } = scoreSentiment(row.text);
  matrix.get(row.label)!.set(tone, matrix.get(row.label)!.get(tone)! + 1);
  if (verbose && tone !== row.label) console.log(`${row.label}\t→ ${tone}\t${score}\t${row.text}`);
}
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
const count = (gold: Tone, guess: Tone) => matrix.get(gold)!.get(guess)!;
const correct = tones.reduce((sum, tone) => sum + count(tone, tone), 0);
const f1s = tones.map((tone) => {
  const predicted = tones.reduce((sum, gold) => sum + count(gold, tone), 0);
  const actual = tones.reduce((sum, guess) => sum + count(tone, guess), 0);
  const precision = predicted ? count(tone, tone) / predicted : 0;
  const recall = actual ? count(tone, tone) / actual : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
});
console.log(`file: ${path.relative(process.cwd(), file)} (${rows.length} texts)`);
console.log(`accuracy: ${((100 * correct) / rows.length).toFixed(1)}%`);
console.log(`macro-F1: ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(3)}`);
tones.forEach((tone, index) => console.log(`  F1 ${tone}: ${f1s[index]!.toFixed(3)}`));
console.log('confusion (rows: gold, columns: predicted):');
console.log(`  ${''.padEnd(9)}${tones.map((tone) => tone.padStart(10)).join('')}`);
for (const gold of tones)
  console.log(`  ${gold.padEnd(9)}${tones.map((guess) => String(count(gold, guess)).padStart(10)).join('')}`);
console.log(`speed: ${(rows.length / (elapsedMs / 1000)).toFixed(0)} texts/s (${elapsedMs.toFixed(1)} ms in all)`);
