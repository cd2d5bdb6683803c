import type { LabelledText } from '../corpus/corpus.js';
import { TONES } from '../tone.js';
import { DENSE_NAMES, featuresOf } from './features.js';
import { LearnedToneScorer, type ToneModelFile } from './learned-scorer.js';
import { softmax, trainLogistic, type SparseExample } from './logistic.js';

export interface FitOptions {
  lambda: number;
  iterations: number;
  /** A feature is kept when this many training texts have it. */
  minCount: number;
}

/** 40 L-BFGS steps: dev macro-F1 no better at 80, and stopping early regularises too. */
export const DEFAULT_FIT: FitOptions = { lambda: 1e-4, iterations: 40, minCount: 2 };

const LABEL = new Map(TONES.map((tone, index) => [tone, index]));

/** Fits the model on rows (temperature 1, to be calibrated). Deterministic. */
export function fitToneModel(rows: LabelledText[], options: FitOptions, version = 'dev'): ToneModelFile {
  const featureMaps = rows.map((row) => featuresOf(row.text));
  const counts = new Map<number, number>();
  for (const { ids } of featureMaps) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const names = [...counts]
    .filter(([id, count]) => count >= options.minCount || id < DENSE_NAMES.length)
    .map(([id]) => id)
    .sort((a, b) => a - b);
  const index = new Map(names.map((id, position) => [id, position]));
  const examples: SparseExample[] = featureMaps.map(({ ids, values }, position) => {
    const kept = ids.flatMap((id, at) => (index.has(id) ? [[index.get(id)!, values[at]!]] : []));
    return {
      indices: Int32Array.from(kept.map(([row]) => row!)),
      values: Float64Array.from(kept.map(([, value]) => value!)),
      label: LABEL.get(rows[position]!.label)!,
    };
  });
  const model = trainLogistic(examples, names.length, TONES.length, options);
  // Drop features whose weights all but vanish: a smaller file, the same decisions.
  const keep = names.map((_, position) =>
    TONES.some((_, label) => Math.abs(model.weights[position * TONES.length + label]!) >= 1e-4),
  );
  const roundTo = (value: number) => Math.round(value * 1e5) / 1e5;
  return {
    id: 'tone-logreg',
    version,
    classes: [...TONES],
    temperature: 1,
    features: names.filter((_, position) => keep[position]),
    weights: names.flatMap((_, position) =>
      keep[position] ? TONES.map((_, label) => roundTo(model.weights[position * TONES.length + label]!)) : [],
    ),
    bias: Array.from(model.bias, roundTo),
    trainedOn: { texts: rows.length, ...options },
  };
}

/** Temperature scaling: the temperature that minimises the log-loss on held-out rows. */
export function calibrate(file: ToneModelFile, heldOut: LabelledText[]): { temperature: number; logLoss: number } {
  const scorer = new LearnedToneScorer(file);
  const scored = heldOut.map((row) => ({ logits: scorer.logits(row.text), label: LABEL.get(row.label)! }));
  let best = { temperature: 1, logLoss: Infinity };
  for (let step = 0; step <= 60; step += 1) {
    const temperature = Math.round((0.3 + step * 0.05) * 100) / 100;
    const loss =
      scored.reduce(
        (sum, { logits, label }) => sum - Math.log(Math.max(1e-12, softmax(logits, temperature)[label]!)),
        0,
      ) / scored.length;
    if (loss < best.logLoss) best = { temperature, logLoss: loss };
  }
  return best;
}
