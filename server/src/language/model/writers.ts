import type { LabelledText } from '../corpus/corpus.js';
import type { ToneScorer } from '../tone.js';
import { evaluate, type Evaluation } from './metrics.js';

/** The writer of a corpus row: `writer-a` for `writer-a:12`. */
export const writerOf = (row: LabelledText) => row.source.split(':')[0]!;

export const writersOf = (rows: LabelledText[]) => [...new Set(rows.map(writerOf))].sort();

export interface WriterResult {
  writer: string;
  texts: number;
  rules: Evaluation;
  learned: Evaluation;
}

/**
 * Leave one writer out: for each writer, a model fitted on the other writers' `train` rows is
 * scored on that writer's `heldOut` rows. Each writer has a register of their own, so this is the
 * nearest the corpus comes to text by people it has never read; folds by block of one writer are
 * not (the same writer's habits sit on both sides).
 */
export function leaveOneWriterOut(
  train: LabelledText[],
  heldOut: LabelledText[],
  fit: (rows: LabelledText[]) => ToneScorer,
  baseline: ToneScorer,
): WriterResult[] {
  return writersOf(heldOut).map((writer) => {
    const model = fit(train.filter((row) => writerOf(row) !== writer));
    const rows = heldOut.filter((row) => writerOf(row) === writer);
    const scoreWith = (scorer: ToneScorer) =>
      evaluate(rows.map((row) => ({ gold: row.label, predicted: scorer.score(row.text).tone })));
    return { writer, texts: rows.length, rules: scoreWith(baseline), learned: scoreWith(model) };
  });
}

export const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
