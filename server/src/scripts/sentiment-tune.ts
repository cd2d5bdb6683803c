// `npm run sentiment:tune`: compares fit options by leave-one-writer-out cross-validation on the
// train split only (never dev, test or civic-dev), printing per-writer macro-F1 and the
// out-of-writer log-loss at the best temperature. How the options in DEFAULT_FIT and the
// candidates of `sentiment:train` were chosen. Slow: four fits per candidate.
import { readSplit } from '../language/corpus/files.js';
import { crossWriter, fitTemperature } from '../language/model/select.js';
import { DEFAULT_FIT, prepare, type FitOptions } from '../language/model/train.js';

const base: FitOptions = { ...DEFAULT_FIT };
/** The comparisons behind DEFAULT_FIT; pass a JSON list of [name, options] to try others. */
const candidates: Array<[string, FitOptions]> = JSON.parse(process.argv[2] ?? 'null') ?? [
  ['chosen', base],
  ['λ 1e-4', { ...base, lambda: 1e-4 }],
  ['λ 3e-4', { ...base, lambda: 3e-4 }],
  ['no copies without diacritics', { ...base, foldedCopies: 0 }],
  ['features of one writer kept', { ...base, minWriters: 1 }],
  ['character n-grams penalised ×5', { ...base, groupPenalty: { Chars: 5 } }],
  ['lexicon signals penalised ×0.1', { ...base, groupPenalty: { Signals: 0.1 } }],
  ['signal-only copies 0.3', { ...base, signalCopies: 0.3 }],
];

const started = Date.now();
const prepared = prepare(readSplit('train'));
console.log(`train split: ${prepared.length} texts, features in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const [name, options] of candidates) {
  const clock = Date.now();
  const result = crossWriter(prepared, options);
  const { temperature, logLoss } = fitTemperature(result.heldOut);
  console.log(
    `${name.padEnd(40)} mean ${result.meanMacroF1.toFixed(3)}  ` +
      result.perWriter.map((item) => `${item.writer.slice(-1)} ${item.macroF1.toFixed(3)}`).join('  ') +
      `  log-loss ${logLoss.toFixed(3)} at T ${temperature}  (${((Date.now() - clock) / 1000).toFixed(0)} s)`,
  );
}
