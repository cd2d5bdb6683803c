// `npm run bench:sentiment`: the rule-based baseline and the learned model side by side, on the
// corpus's test split, on ../shared/data/sentiment/civic-dev.tsv (when present) and on a small
// hand-written set of shop, product, hotel, food, phone and course reviews
// (corpus/eval/general-sanity.tsv) — none of them trained or tuned on —; leave one writer out
// (the figure to watch: text by people the model has not read), k-fold cross-validation on the
// train split, and texts per second on one core. Options: `--folds N` (default 5, 0 to skip),
// `--no-writers` (skip leave one writer out), `--errors` (print the learned model's mistakes),
// and any extra labelled TSV files as arguments.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import type { LabelledText } from '../language/corpus/corpus.js';
import { GENERAL_SANITY_FILE, readLabelledFile, readSplit } from '../language/corpus/files.js';
import { groupedFolds } from '../language/model/folds.js';
import { LearnedToneScorer } from '../language/model/learned-scorer.js';
import { evaluate, type Evaluation } from '../language/model/metrics.js';
import { fitOptionsOf, fitToneModel } from '../language/model/train.js';
import { leaveOneWriterOut, mean } from '../language/model/writers.js';
import { ruleScorer } from '../language/rules/rule-scorer.js';
import { scorerName, TONES, type ToneScorer } from '../language/tone.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const folds = Number(option('--folds') ?? 5);
const showErrors = args.includes('--errors');
const byWriter = !args.includes('--no-writers');
const extra = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--folds');

const learned = LearnedToneScorer.load();
const scorers: ToneScorer[] = [ruleScorer, learned];
const civic = path.join(projectRoot, '../shared/data/sentiment/civic-dev.tsv');

const sets: Array<{ name: string; rows: LabelledText[] }> = [{ name: 'corpus test split', rows: readSplit('test') }];
if (existsSync(civic)) sets.push({ name: path.relative(projectRoot, civic), rows: readLabelledFile(civic) });
else console.log(`(${path.relative(projectRoot, civic)} is absent: only the corpus test split is measured)`);
for (const file of extra) sets.push({ name: file, rows: readLabelledFile(path.resolve(file)) });
const timed = sets.flatMap((set) => set.rows.map((row) => row.text));
sets.push({
  name: 'general-domain sanity set (hand-written reviews, never trained on)',
  rows: readLabelledFile(GENERAL_SANITY_FILE),
});

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

const fit = fitOptionsOf(learned);
const summary = (values: number[]) => {
  const average = mean(values);
  const sd = Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
  return `${f3(average)} ± ${f3(sd)}`;
};

if (byWriter) {
  const results = leaveOneWriterOut(
    readSplit('train'),
    [...readSplit('dev'), ...readSplit('test')],
    (rows) => new LearnedToneScorer(fitToneModel(rows, fit)),
    ruleScorer,
  );
  console.log(
    `\n## leave one writer out (trained on the other three writers' train split, scored on the writer's dev + test texts; ${JSON.stringify(fit)})`,
  );
  console.log(`${'writer'.padEnd(10)}${'texts'.padStart(6)}  ${'rules'.padEnd(8)}learned`);
  for (const result of results)
    console.log(
      `${result.writer.padEnd(10)}${String(result.texts).padStart(6)}  ${f3(result.rules.macroF1).padEnd(8)}${f3(result.learned.macroF1)}`,
    );
  console.log(
    `${'mean'.padEnd(16)}  ${f3(mean(results.map((result) => result.rules.macroF1))).padEnd(8)}${f3(mean(results.map((result) => result.learned.macroF1)))}   (macro-F1)`,
  );
}

if (folds > 1) {
  const train = readSplit('train');
  const parts = groupedFolds(train, folds);
  const perFold = parts.map((held, index) => {
    const rest = parts.flatMap((part, other) => (other === index ? [] : part));
    const model = new LearnedToneScorer(fitToneModel(rest, fit));
    return {
      rules: evaluate(held.map((row) => ({ gold: row.label, predicted: ruleScorer.score(row.text).tone }))),
      learned: evaluate(held.map((row) => ({ gold: row.label, predicted: model.score(row.text).tone }))),
    };
  });
  console.log(
    `\n## ${folds}-fold cross-validation on the train split (${train.length} texts, folds grouped by writer block, seed 11; the learned model retrained per fold with ${JSON.stringify(fit)}, temperature 1)`,
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
const texts = timed;
console.log('\n## speed (one core: texts per second of CPU time, the corpus test split and civic-dev, warmed up)');
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
