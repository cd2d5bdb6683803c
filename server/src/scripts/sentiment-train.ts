// `npm run sentiment:train`: trains the tone model on the corpus's train split, chooses the
// regularisation and calibrates the temperature on the dev split, and writes
// server/src/language/model/tone-model.json (committed; the server loads it at start).
// Deterministic: no random numbers, full-batch L-BFGS from zero weights. Never reads test.tsv or
// ../shared's civic-dev.tsv.
import { createHash } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { readSplit } from '../language/corpus/files.js';
import { LearnedToneScorer, MODEL_FILE } from '../language/model/learned-scorer.js';
import { evaluate } from '../language/model/metrics.js';
import { calibrate, DEFAULT_FIT, fitToneModel } from '../language/model/train.js';

const LAMBDAS = [3e-5, 1e-4, 3e-4];
const started = Date.now();
const train = readSplit('train');
const dev = readSplit('dev');
console.log(`train: ${train.length} texts, dev: ${dev.length} texts`);

let best: { lambda: number; logLoss: number; file: ReturnType<typeof fitToneModel>; temperature: number } | null = null;
for (const lambda of LAMBDAS) {
  const file = fitToneModel(train, { ...DEFAULT_FIT, lambda });
  const { temperature, logLoss } = calibrate(file, dev);
  const scorer = new LearnedToneScorer({ ...file, temperature });
  const { macroF1 } = evaluate(dev.map((row) => ({ gold: row.label, predicted: scorer.score(row.text).tone })));
  console.log(
    `  λ ${lambda.toExponential(0)}: dev log-loss ${logLoss.toFixed(4)}, macro-F1 ${macroF1.toFixed(3)}, T ${temperature}`,
  );
  if (!best || logLoss < best.logLoss) best = { lambda, logLoss, file, temperature };
}
const chosen = best!;
const digest = createHash('sha256')
  .update(JSON.stringify([chosen.file.features, chosen.file.weights, chosen.file.bias, chosen.temperature]))
  .digest('hex')
  .slice(0, 10);
const model = {
  ...chosen.file,
  version: digest,
  temperature: chosen.temperature,
  trainedOn: {
    ...chosen.file.trainedOn,
    dev: dev.length,
    devLogLoss: Math.round(chosen.logLoss * 10000) / 10000,
  },
};
writeFileSync(MODEL_FILE, JSON.stringify(model) + '\n');
console.log(
  `chose λ ${chosen.lambda}, temperature ${chosen.temperature}: ${model.features.length} features, ` +
    `${(statSync(MODEL_FILE).size / 1e6).toFixed(2)} MB → ${path.relative(projectRoot, MODEL_FILE)} ` +
    `(${model.id}@${model.version}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
