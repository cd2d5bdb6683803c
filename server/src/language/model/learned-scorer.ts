import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Token } from '../normalize.js';
import { TONES, type Sentiment, type Tone, type ToneScorer } from '../tone.js';
import { featuresOf, tokensOf } from './features.js';
import { softmax } from './logistic.js';
import { WeightTable } from './weight-table.js';

/** The committed model file: what `npm run sentiment:train` writes and the server loads at start. */
export interface ToneModelFile {
  id: string;
  version: string;
  classes: Tone[];
  /** Softmax temperature fitted on the dev split (calibration). */
  temperature: number;
  features: number[];
  /** features × classes, row-major, rounded. */
  weights: number[];
  bias: number[];
  trainedOn: Record<string, unknown>;
}

export const MODEL_FILE = fileURLToPath(new URL('./tone-model.json', import.meta.url));

/** A syllable Vietnamese spelling allows (folded): "road", "please", "admin" are not. */
const VIETNAMESE_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

export const looksVietnamese = (token: Token) => token.text !== token.folded || VIETNAMESE_SYLLABLE.test(token.folded);

/**
 * How far to trust the model on a text, from 0 to 1: the share of its words that are Vietnamese
 * and known to the model, and how many there are. Texts of unknown or foreign words (English,
 * gibberish) and texts of an emoji or two are pulled towards "unsure" instead of guessed at with
 * confidence. Only the confidence changes: scaling every class score leaves the winner as it was.
 */
export function evidence(tokens: Token[], known: (position: number) => boolean): number {
  let words = 0;
  let knownWords = 0;
  let knownEmoji = 0;
  for (let position = 0; position < tokens.length; position += 1) {
    const token = tokens[position]!;
    if (token.emoji) {
      if (known(position)) knownEmoji += 1;
      continue;
    }
    words += 1;
    if (known(position) && looksVietnamese(token)) knownWords += 1;
  }
  const amount = Math.min(1, (knownWords + 0.5 * knownEmoji) / 3);
  const share = words > 0 ? knownWords / words : knownEmoji > 0 ? 1 : 0;
  return amount * Math.min(1, Math.max(0, (share - 0.25) / 0.55));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Scores with the learned model: calibrated probabilities of the three tones. */
export class LearnedToneScorer implements ToneScorer {
  readonly id: string;
  readonly version: string;
  private readonly table: WeightTable;
  private readonly bias: number[];
  private readonly temperature: number;
  /** How it was trained, for retraining the same way (cross-validation). */
  readonly trainedOn: Record<string, unknown>;

  constructor(file: ToneModelFile) {
    if (file.classes.join() !== TONES.join()) throw new Error(`tone model classes ${file.classes.join()}`);
    this.id = file.id;
    this.version = file.version;
    this.table = new WeightTable(file.features, file.weights);
    this.bias = [...file.bias];
    this.temperature = file.temperature;
    this.trainedOn = file.trainedOn;
  }

  static load(file = MODEL_FILE): LearnedToneScorer {
    return new LearnedToneScorer(JSON.parse(readFileSync(file, 'utf8')) as ToneModelFile);
  }

  /** Probabilities in TONES order. */
  probabilities(text: string): number[] {
    return softmax(this.logits(text), this.temperature);
  }

  /** Class scores before the temperature, already pulled towards zero for texts the model barely knows. */
  logits(text: string): number[] {
    const tokens = tokensOf(text);
    const { ids, values, wordIds, foldedIds } = featuresOf(text, tokens);
    const scores = [...this.bias];
    for (let position = 0; position < ids.length; position += 1)
      this.table.add(ids[position]!, values[position]!, scores);
    const known = (position: number) => this.table.has(wordIds[position]!) || this.table.has(foldedIds[position]!);
    const weight = evidence(tokens, known);
    return scores.map((score) => score * weight);
  }

  score(text: string): Sentiment {
    const probabilities = this.probabilities(text);
    let best = 1;
    for (let label = 0; label < TONES.length; label += 1) {
      if (probabilities[label]! > probabilities[best]! + 1e-9) best = label;
    }
    return {
      tone: TONES[best]!,
      score: round(probabilities[2]! - probabilities[0]!),
      confidence: round(probabilities[best]!),
    };
  }
}
