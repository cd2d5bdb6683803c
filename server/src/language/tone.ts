/** The three tones of what a citizen writes, in the order models and benches list them. */
export const TONES = ['negative', 'neutral', 'positive'] as const;
export type Tone = (typeof TONES)[number];

export interface Sentiment {
  tone: Tone;
  /** From -1 (surely negative) to 1 (surely positive); for the learned model P(positive) − P(negative). */
  score: number;
  /** How sure the scorer is of `tone`: for the learned model its calibrated probability. */
  confidence: number;
}

/**
 * What scores a text's tone. Passed to the services that store tones, so a stored row can name the
 * scorer (`id@version`) and a better one can replace it without touching the domains.
 */
export interface ToneScorer {
  readonly id: string;
  readonly version: string;
  score(text: string): Sentiment;
}

export const scorerName = (scorer: ToneScorer) => `${scorer.id}@${scorer.version}`;
