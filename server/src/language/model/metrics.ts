import { TONES, type Tone } from '../tone.js';

export interface Evaluation {
  texts: number;
  accuracy: number;
  macroF1: number;
  f1: Record<Tone, number>;
  /** confusion[gold][predicted] */
  confusion: Record<Tone, Record<Tone, number>>;
}

/** Accuracy, per-class and macro F1 and the confusion matrix of predictions against gold labels. */
export function evaluate(pairs: Array<{ gold: Tone; predicted: Tone }>): Evaluation {
  const confusion = Object.fromEntries(
    TONES.map((gold) => [gold, Object.fromEntries(TONES.map((guess) => [guess, 0]))]),
  ) as Record<Tone, Record<Tone, number>>;
  for (const { gold, predicted } of pairs) confusion[gold][predicted] += 1;
  const f1 = Object.fromEntries(
    TONES.map((tone) => {
      const predicted = TONES.reduce((sum, gold) => sum + confusion[gold][tone], 0);
      const actual = TONES.reduce((sum, guess) => sum + confusion[tone][guess], 0);
      const precision = predicted ? confusion[tone][tone] / predicted : 0;
      const recall = actual ? confusion[tone][tone] / actual : 0;
      return [tone, precision + recall ? (2 * precision * recall) / (precision + recall) : 0];
    }),
  ) as Record<Tone, number>;
  const correct = TONES.reduce((sum, tone) => sum + confusion[tone][tone], 0);
  return {
    texts: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: TONES.reduce((sum, tone) => sum + f1[tone], 0) / TONES.length,
    f1,
    confusion,
  };
}
