import { hasDiacritics } from '../normalize.js';
import { logLikelihood } from './likelihood.js';
import { type Segmenter } from './segment.js';
import { STOP_WORDS } from './stop-words.js';

export interface Collocation {
  words: string;
  count: number;
  g2: number;
  pmi: number;
}

export interface CollocationOptions {
  minCount: number;
  minG2: number;
  /** log2 of how much more often the pair comes together than by chance. */
  minPmi: number;
}

export const DEFAULT_COLLOCATIONS: CollocationOptions = { minCount: 3, minG2: 15, minPmi: 3 };

/**
 * Two- and three-syllable words the word list lacks, learned from texts: adjacent syllables (neither a stop
 * word, a name or a number) that come together far more often than chance (log-likelihood and
 * PMI). Texts without diacritics are skipped: their syllables are ambiguous.
 */
export function learnCollocations(
  texts: string[],
  segmenter: Segmenter,
  options: CollocationOptions = DEFAULT_COLLOCATIONS,
): Collocation[] {
  const single = new Map<string, number>();
  const pairs = new Map<string, number>();
  const triples = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    if (!hasDiacritics(text)) continue;
    let run: string[] = [];
    for (const segment of segmenter.segment(text)) {
      const usable = segment.syllables === 1 && !segment.proper && !segment.numeric && !STOP_WORDS.has(segment.word);
      if (!usable) {
        run = [];
        continue;
      }
      single.set(segment.word, (single.get(segment.word) ?? 0) + 1);
      total += 1;
      run.push(segment.word);
      if (run.length >= 2) count(pairs, run.slice(-2).join(' '));
      if (run.length >= 3) count(triples, run.slice(-3).join(' '));
    }
  }
  const found: Collocation[] = [];
  for (const [words, count] of pairs) {
    if (count < options.minCount) continue;
    const [first, second] = words.split(' ') as [string, string];
    const a = count;
    const b = single.get(first)! - count;
    const c = single.get(second)! - count;
    const d = Math.max(0, total - a - b - c);
    const pmi = Math.log2((count * total) / (single.get(first)! * single.get(second)!));
    const g2 = logLikelihood(a, b, c, d);
    if (g2 >= options.minG2 && pmi >= options.minPmi) found.push({ words, count, g2, pmi });
  }
  // A pair that is mostly part of a three-syllable word ("chịu trách" of "chịu trách nhiệm") gives
  // way to the triple.
  const pairsFound = new Map(found.map((entry) => [entry.words, entry]));
  const fragments = new Set<string>();
  for (const [words, count] of triples) {
    if (count < TRIPLE_MIN_COUNT) continue;
    const parts = words.split(' ');
    const within = [parts.slice(0, 2).join(' '), parts.slice(1).join(' ')];
    // Both halves must hold together, or the triple runs over into the next word.
    if (!within.every((pair) => pairsFound.has(pair))) continue;
    const covered = within.filter((pair) => count >= TRIPLE_SHARE * pairsFound.get(pair)!.count);
    if (covered.length === 0) continue;
    for (const pair of covered) fragments.add(pair);
    const best = pairsFound.get(covered[0]!)!;
    found.push({ words, count, g2: best.g2, pmi: best.pmi });
  }
  return found
    .filter((entry) => !fragments.has(entry.words))
    .sort((x, y) => y.g2 - x.g2 || x.words.localeCompare(y.words));
}

const TRIPLE_SHARE = 0.8;
const TRIPLE_MIN_COUNT = 5;
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
