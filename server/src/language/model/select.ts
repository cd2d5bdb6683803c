import { TONES } from '../tone.js';
import { LearnedToneScorer } from './learned-scorer.js';
import { softmax } from './logistic.js';
import { evaluate } from './metrics.js';
import { fitPrepared, type FitOptions, type PreparedRow } from './train.js';
import { mean, writerOf, writersOf } from './writers.js';

const LABEL = new Map(TONES.map((tone, index) => [tone, index]));

export interface CrossWriterResult {
  options: FitOptions;
  /** Per held-out writer: macro-F1 of the model fitted on the other writers. */
  perWriter: Array<{ writer: string; macroF1: number }>;
  meanMacroF1: number;
  /** Out-of-writer class scores (before the temperature) and gold labels, for calibration. */
  heldOut: Array<{ logits: number[]; label: number }>;
}

/**
 * Grouped cross-validation across writers on training rows only: each writer's rows are scored by
 * a model fitted on the other writers' rows. How hyper-parameters and the temperature are chosen,
 * so that they favour what carries over to people the model has not read.
 */
export function crossWriter(prepared: PreparedRow[], options: FitOptions): CrossWriterResult {
  const rows = prepared.map((item) => item.row);
  const heldOut: CrossWriterResult['heldOut'] = [];
  const perWriter = writersOf(rows).map((writer) => {
    const model = new LearnedToneScorer(
      fitPrepared(
        prepared.filter((item) => writerOf(item.row) !== writer),
        options,
      ),
    );
    const pairs = rows
      .filter((row) => writerOf(row) === writer)
      .map((row) => {
        const logits = model.logits(row.text);
        heldOut.push({ logits, label: LABEL.get(row.label)! });
        return { gold: row.label, predicted: model.score(row.text).tone };
      });
    return { writer, macroF1: evaluate(pairs).macroF1 };
  });
  return { options, perWriter, meanMacroF1: mean(perWriter.map((item) => item.macroF1)), heldOut };
}

/** Temperature scaling: the temperature (0.3 to 5) that minimises the mean log-loss of scored rows. */
export function fitTemperature(scored: Array<{ logits: number[]; label: number }>): {
  temperature: number;
  logLoss: number;
} {
  let best = { temperature: 1, logLoss: Infinity };
  for (let step = 0; step <= 94; step += 1) {
    const temperature = Math.round((0.3 + step * 0.05) * 100) / 100;
    const loss = mean(
      scored.map(({ logits, label }) => -Math.log(Math.max(1e-12, softmax(logits, temperature)[label]!))),
    );
    if (loss < best.logLoss) best = { temperature, logLoss: loss };
  }
  return best;
}
