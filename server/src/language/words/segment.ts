import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fold, normalize } from '../normalize.js';
import { CIVIC_WORDS } from './civic-words.js';

/** One word of a text: one or more syllables, lower case, diacritics as written (or restored). */
export interface Segment {
  word: string;
  syllables: number;
  /** Written as a name (two or more capitalised syllables, "Nguyễn Văn Hòa", "Kon Pang"). */
  proper: boolean;
  /** Digits in it (road codes, house numbers, years). */
  numeric: boolean;
}

export const COLLOCATIONS_FILE = fileURLToPath(new URL('./collocations.txt', import.meta.url));
const MAX_SYLLABLES = 5;

export function readWordList(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

const SYLLABLE = /[\p{L}\p{N}’']+|[.,;:!?…\n()"“”]+/gu;
const CAPITAL = /^\p{Lu}/u;
const LETTER = /\p{L}/u;

/**
 * Longest-match segmentation of Vietnamese into words over a word list: a run of syllables that
 * spells a listed word becomes one word; other syllables stay words of their own. Text typed
 * without diacritics is matched against the folded list and given the listed spelling back
 * ("den bu" → "đền bù").
 */
export class Segmenter {
  private readonly words = new Set<string>();
  private readonly folded = new Map<string, string>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const normal = normalize(word).trim().replace(/\s+/g, ' ');
      if (!normal.includes(' ')) continue;
      this.words.add(normal);
      const key = fold(normal);
      if (!this.folded.has(key)) this.folded.set(key, normal);
    }
  }

  get size() {
    return this.words.size;
  }

  has(word: string) {
    return this.words.has(word);
  }

  segment(text: string): Segment[] {
    const raw = text.normalize('NFC');
    const letters = raw.replace(/[^\p{L}]/gu, '');
    const shouting = letters.length > 0 && letters === letters.toUpperCase();
    const segments: Segment[] = [];
    for (const clause of raw.split(/[.,;:!?…\n()"“”]+/u)) {
      const written = clause.match(SYLLABLE) ?? [];
      if (written.length === 0) continue;
      const lower = written.map((syllable) => normalize(syllable));
      const capital = written.map((syllable) => !shouting && CAPITAL.test(syllable));
      // A run of two or more capitalised syllables is a name.
      const proper = capital.map(
        (isCapital, index) => isCapital && (capital[index - 1] === true || capital[index + 1] === true),
      );
      for (let start = 0; start < lower.length;) {
        let length = 1;
        let word = lower[start]!;
        for (let size = Math.min(MAX_SYLLABLES, lower.length - start); size >= 2; size -= 1) {
          const phrase = lower.slice(start, start + size).join(' ');
          const match = this.words.has(phrase) ? phrase : this.folded.get(phrase === fold(phrase) ? phrase : '');
          if (match) {
            length = size;
            word = match;
            break;
          }
        }
        const span = proper.slice(start, start + length);
        segments.push({
          word,
          syllables: length,
          proper: span.some(Boolean),
          numeric: /\p{N}/u.test(word) || !LETTER.test(word),
        });
        start += length;
      }
    }
    return segments;
  }
}

let shared: Segmenter | undefined;
/** The project's segmenter: the curated civic words and the collocations learned from the corpus. */
export function segmenter(): Segmenter {
  shared ??= new Segmenter([...CIVIC_WORDS, ...readWordList(COLLOCATIONS_FILE)]);
  return shared;
}
