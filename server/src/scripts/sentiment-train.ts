// `npm run sentiment:train`: trains the tone model on the corpus's train and dev splits with the
// fit options of DEFAULT_FIT (chosen by `npm run sentiment:tune`: leave one writer out on the
// train split), fits the softmax temperature on out-of-writer scores (each writer's train texts
// scored by a model of the other three), and writes server/src/language/model/tone-model.json
// (committed; the server loads it at start). Deterministic: no random numbers, full-batch L-BFGS
// from zero weights. Never reads test.tsv or ../shared's civic-dev.tsv.
import { createHash } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { readSplit } from '../language/corpus/files.js';
import { MODEL_FILE } from '../language/model/learned-scorer.js';
import { crossWriter, fitTemperature } from '../language/model/select.js';
import { DEFAULT_FIT, fitPrepared, prepare } from '../language/model/train.js';

const started = Date.now();
const train = prepare(readSplit('train'));
const dev = prepare(readSplit('dev'));
console.log(`train: ${train.length} texts, dev: ${dev.length} texts; options ${JSON.stringify(DEFAULT_FIT)}`);

const cross = crossWriter(train, DEFAULT_FIT);
const { temperature, logLoss } = fitTemperature(cross.heldOut);
console.log(
  `leave one writer out on train: macro-F1 ${cross.perWriter.map((item) => `${item.writer} ${item.macroF1.toFixed(3)}`).join(', ')}; ` +
    `mean ${cross.meanMacroF1.toFixed(3)}; log-loss ${logLoss.toFixed(4)} at temperature ${temperature}`,
);

const file = fitPrepared([...train, ...dev], DEFAULT_FIT);
const digest = createHash('sha256')
  .update(JSON.stringify([file.features, file.weights, file.bias, temperature]))
  .digest('hex')
  .slice(0, 10);
const model = {
  ...file,
  version: digest,
  temperature,
  trainedOn: {
    ...file.trainedOn,
    splits: 'train+dev',
    temperatureFrom: 'leave one writer out on train',
    crossWriterMacroF1: Math.round(cross.meanMacroF1 * 1000) / 1000,
    crossWriterLogLoss: Math.round(logLoss * 10000) / 10000,
  },
};
writeFileSync(MODEL_FILE, JSON.stringify(model) + '\n');
console.log(
  `temperature ${temperature}: ${model.features.length} features, ` +
    `${(statSync(MODEL_FILE).size / 1e6).toFixed(2)} MB → ${path.relative(projectRoot, MODEL_FILE)} ` +
    `(${model.id}@${model.version}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
