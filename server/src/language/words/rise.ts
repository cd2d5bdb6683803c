import { logLikelihood } from './likelihood.js';

export interface WordCounts {
  word: string;
  /** Texts using the word in the recent period, and in the baseline before it. */
  recent: number;
  before: number;
}

export interface RiseOptions {
  /** Texts in each period, the word's or not. */
  recentTexts: number;
  beforeTexts: number;
  /** Fewer recent texts than this is never news. */
  minCount: number;
}

export interface RisingWord extends WordCounts {
  /** Dunning's G² of recent against before: above 3.84 a rise this large is unlikely by chance (p < 0.05). */
  likelihood: number;
}

/**
 * Words used in a larger share of recent texts than of the baseline's, ranked by the
 * log-likelihood ratio of the two periods (a proper test: a word going from 0 to 3 in a quiet
 * week ranks below one going from 2 to 30), with a minimum recent count.
 */
export function rankRisingWords(counts: WordCounts[], options: RiseOptions): RisingWord[] {
  const { recentTexts, beforeTexts, minCount } = options;
  return counts
    .filter(({ recent, before }) => {
      if (recent < minCount || recentTexts === 0) return false;
      return beforeTexts === 0 || recent / recentTexts > before / beforeTexts;
    })
    .map((entry) => ({
      ...entry,
      likelihood:
        Math.round(
          logLikelihood(
            entry.recent,
            Math.max(0, recentTexts - entry.recent),
            entry.before,
            Math.max(0, beforeTexts - entry.before),
          ) * 100,
        ) / 100,
    }))
    .sort((a, b) => b.likelihood - a.likelihood || b.recent - a.recent || a.word.localeCompare(b.word));
}
