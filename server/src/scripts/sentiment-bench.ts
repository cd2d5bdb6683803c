// `npm run bench:sentiment`: the rule-based baseline and the learned model side by side, on the
// corpus's test split and on ../shared/data/sentiment/civic-dev.tsv (when present; neither is
// trained or tuned on), k-fold cross-validation on the train split, and texts per second on one
// core. Options: `--folds N` (default 5, 0 to skip), `--errors` (print the learned model's
// mistakes), and any extra labelled TSV files as arguments.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import type { LabelledText } from '../language/corpus/corpus.js';
import { readLabelledFile, readSplit } from '../language/corpus/files.js';
import { groupedFolds } from '../language/model/folds.js';
import { LearnedToneScorer } from '../language/model/learned-scorer.js';
import { evaluate, type Evaluation } from '../language/model/metrics.js';
import { DEFAULT_FIT, fitToneModel } from '../language/model/train.js';
import { ruleScorer } from '../language/rules/rule-scorer.js';
import { scorerName, TONES, type ToneScorer } from '../language/tone.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const folds = Number(option('--folds') ?? 5);
const showErrors = args.includes('--errors');
const extra = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--folds');

const learned = LearnedToneScorer.load();
const scorers: ToneScorer[] = [ruleScorer, learned];
const civic = path.join(projectRoot, '../shared/data/sentiment/civic-dev.tsv');

const sets: Array<{ name: string; rows: LabelledText[] }> = [{ name: 'corpus test split', rows: readSplit('test') }];
if (existsSync(civic)) sets.push({ name: path.relative(projectRoot, civic), rows: readLabelledFile(civic) });
else console.log(`(${path.relative(projectRoot, civic)} is absent: only the corpus test split is measured)`);
for (const file of extra) sets.push({ name: file, rows: readLabelledFile(path.resolve(file)) });

const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const f3 = (value: number) => value.toFixed(3);

function report(name: string, results: Array<{ scorer: string; evaluation: Evaluation }>) {
  console.log(`\n## ${name} (${results[0]!.evaluation.texts} texts)`);
  const header = ['', ...results.map((result) => result.scorer)];
  const rows: string[][] = [
    ['accuracy', ...results.map((result) => pct(result.evaluation.accuracy))],
    ['macro-F1', ...results.map((result) => f3(result.evaluation.macroF1))],
    ...TONES.map((tone) => [`F1 ${tone}`, ...results.map((result) => f3(result.evaluation.f1[tone]))]),
  ];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  for (const result of results) {
    console.log(`confusion, ${result.scorer} (rows gold, columns predicted):`);
    console.log(`  ${''.padEnd(9)}${TONES.map((tone) => tone.padStart(10)).join('')}`);
    for (const gold of TONES)
      console.log(
        `  ${gold.padEnd(9)}${TONES.map((guess) => String(result.evaluation.confusion[gold][guess]).padStart(10)).join('')}`,
      );
  }
}

console.log(`# Tone scorers: baseline ${scorerName(ruleScorer)}, learned ${scorerName(learned)}`);
for (const set of sets) {
  report(
    set.name,
    scorers.map((scorer) => {
      const pairs = set.rows.map((row) => ({ gold: row.label, predicted: scorer.score(row.text).tone, row }));
      if (showErrors && scorer === learned)
        for (const pair of pairs.filter((item) => item.gold !== item.predicted))
          console.log(`${pair.gold}\t→ ${pair.predicted}\t${pair.row.text}`);
      return { scorer: scorerName(scorer), evaluation: evaluate(pairs) };
    }),
  );
}

if (folds > 1) {
  const train = readSplit('train');
  const fit = { ...DEFAULT_FIT, lambda: learned.trainedLambda ?? DEFAULT_FIT.lambda };
  const parts = groupedFolds(train, folds);
  const perFold = parts.map((held, index) => {
    const rest = parts.flatMap((part, other) => (other === index ? [] : part));
    const model = new LearnedToneScorer(fitToneModel(rest, fit));
    return {
      rules: evaluate(held.map((row) => ({ gold: row.label, predicted: ruleScorer.score(row.text).tone }))),
      learned: evaluate(held.map((row) => ({ gold: row.label, predicted: model.score(row.text).tone }))),
    };
  });
  const summary = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    return `${f3(mean)} ± ${f3(sd)}`;
  };
  console.log(
    `\n## ${folds}-fold cross-validation on the train split (${train.length} texts, folds grouped by writer block, seed 11; the learned model retrained per fold with λ ${fit.lambda}, temperature 1)`,
  );
  console.log(`            ${'rules'.padEnd(16)}learned`);
  console.log(
    `accuracy    ${summary(perFold.map((fold) => fold.rules.accuracy)).padEnd(16)}${summary(perFold.map((fold) => fold.learned.accuracy))}`,
  );
  console.log(
    `macro-F1    ${summary(perFold.map((fold) => fold.rules.macroF1)).padEnd(16)}${summary(perFold.map((fold) => fold.learned.macroF1))}`,
  );
}

// Speed: one core (this process), warmed up, every test text scored repeatedly for about a second
// of CPU time. CPU time, not wall time: on a shared machine other processes would slow the clock.
const texts = sets.flatMap((set) => set.rows.map((row) => row.text));
console.log('\n## speed (one core: texts per second of CPU time, all test texts, warmed up)');
for (const scorer of scorers) {
  for (const text of texts) scorer.score(text);
  let scored = 0;
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  let used = 0;
  while (used < 1) {
    for (const text of texts) scorer.score(text);
    scored += texts.length;
    const { user, system } = process.cpuUsage(cpu);
    used = (user + system) / 1e6;
  }
  const elapsed = Number(process.hrtime.bigint() - wall) / 1e9;
  console.log(
    `${scorerName(scorer).padEnd(24)} ${Math.round(scored / used)} texts/s (${Math.round(scored / elapsed)} by the wall clock)`,
  );
}
