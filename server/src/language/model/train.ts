import type { LabelledText } from '../corpus/corpus.js';
import { fold } from '../normalize.js';
import { TONES } from '../tone.js';
import { DENSE_NAMES, FeatureGroup, featuresOf, type Features } from './features.js';
import type { ToneModelFile } from './learned-scorer.js';
import { trainLogistic, type SparseExample } from './logistic.js';
import { writerOf } from './writers.js';

export type GroupName = keyof typeof FeatureGroup;

export interface FitOptions {
  lambda: number;
  iterations: number;
  /** A feature is kept when this many training texts have it. */
  minCount: number;
  /** …and texts of this many writers: one writer's habit is not a sign of tone. */
  minWriters?: number;
  /** λ is multiplied by this for a group's features (1 when absent). */
  groupPenalty?: Partial<Record<GroupName, number>>;
  /**
   * The weight of a second copy of each text written with diacritics, typed without them: what a
   * text says must not hang on its diacritics, which many people leave out (0 when absent).
   */
  foldedCopies?: number;
  /**
   * The weight of a copy of each text that keeps only the lexicon's signals: they must decide
   * alone where the words are all unknown, as out of the civic domain (0 when absent).
   */
  signalCopies?: number;
}

/**
 * Chosen by leaving one writer out on the train split (`npm run sentiment:tune`, README): λ barely
 * matters there (3e-5 to 3e-4 within 0.007 macro-F1; 40 L-BFGS steps already stop early), nor do
 * per-group penalties (character n-grams ×5, lexicon signals ×0.01) or signal-only copies; copies
 * typed without diacritics help (+0.007, most for the chat and regional writers); features of one
 * writer only change nothing but make the file smaller.
 */
export const DEFAULT_FIT: FitOptions = {
  lambda: 3e-5,
  iterations: 40,
  minCount: 2,
  minWriters: 2,
  foldedCopies: 0.5,
};

/** The fit options a model file records (for refitting it the same way, as the bench does). */
export function fitOptionsOf(file: Pick<ToneModelFile, 'trainedOn'>): FitOptions {
  const { lambda, iterations, minCount, minWriters, groupPenalty, foldedCopies, signalCopies } =
    file.trainedOn as Partial<FitOptions>;
  return {
    lambda: lambda ?? DEFAULT_FIT.lambda,
    iterations: iterations ?? DEFAULT_FIT.iterations,
    minCount: minCount ?? DEFAULT_FIT.minCount,
    ...(minWriters === undefined ? {} : { minWriters }),
    ...(groupPenalty === undefined ? {} : { groupPenalty }),
    ...(foldedCopies === undefined ? {} : { foldedCopies }),
    ...(signalCopies === undefined ? {} : { signalCopies }),
  };
}

const LABEL = new Map(TONES.map((tone, index) => [tone, index]));

interface GroupedFeatures {
  features: Features;
  groups: FeatureGroup[];
}

/** A row with its features (and those of its text without diacritics), computed once for the many fits of cross-validation. */
export interface PreparedRow extends GroupedFeatures {
  row: LabelledText;
  folded: GroupedFeatures | null;
}

function grouped(text: string): GroupedFeatures {
  const groups: FeatureGroup[] = [];
  return { features: featuresOf(text, undefined, groups), groups };
}

export const prepare = (rows: LabelledText[]): PreparedRow[] =>
  rows.map((row) => {
    const folded = fold(row.text);
    return { row, ...grouped(row.text), folded: folded === row.text ? null : grouped(folded) };
  });

/** Fits the model on rows (temperature 1, to be calibrated). Deterministic. */
export function fitToneModel(rows: LabelledText[], options: FitOptions, version = 'dev'): ToneModelFile {
  return fitPrepared(prepare(rows), options, version);
}

export function fitPrepared(prepared: PreparedRow[], options: FitOptions, version = 'dev'): ToneModelFile {
  const counts = new Map<number, number>();
  const writers = new Map<number, Set<string>>();
  const groupOf = new Map<number, FeatureGroup>();
  for (const { row, features, groups } of prepared) {
    const writer = writerOf(row);
    features.ids.forEach((id, at) => {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      groupOf.set(id, groups[at]!);
      const seen = writers.get(id) ?? new Set<string>();
      seen.add(writer);
      writers.set(id, seen);
    });
  }
  const minWriters = options.minWriters ?? 1;
  const names = [...counts]
    .filter(
      ([id, count]) => id < DENSE_NAMES.length || (count >= options.minCount && writers.get(id)!.size >= minWriters),
    )
    .map(([id]) => id)
    .sort((a, b) => a - b);
  const index = new Map(names.map((id, position) => [id, position]));
  const example = (
    row: LabelledText,
    { ids, values }: Features,
    weight = 1,
    only?: FeatureGroup,
    groups?: FeatureGroup[],
  ) => {
    const kept = ids.flatMap((id, at) =>
      index.has(id) && (only === undefined || groups![at] === only) ? [[index.get(id)!, values[at]!]] : [],
    );
    return {
      indices: Int32Array.from(kept.map(([position]) => position!)),
      values: Float64Array.from(kept.map(([, value]) => value!)),
      label: LABEL.get(row.label)!,
      weight,
    };
  };
  const examples: SparseExample[] = prepared.map(({ row, features }) => example(row, features));
  const { foldedCopies = 0, signalCopies = 0 } = options;
  for (const { row, features, groups, folded } of prepared) {
    if (foldedCopies > 0 && folded) examples.push(example(row, folded.features, foldedCopies));
    if (signalCopies > 0) examples.push(example(row, features, signalCopies, FeatureGroup.Signals, groups));
  }
  const penaltyScales = Float64Array.from(
    names,
    (id) => options.groupPenalty?.[FeatureGroup[groupOf.get(id)!] as GroupName] ?? 1,
  );
  const model = trainLogistic(examples, names.length, TONES.length, { ...options, penaltyScales });
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
    trainedOn: { texts: prepared.length, ...options },
  };
}
