import { hasDiacritics } from '../normalize.js';
import { CONTENT_SYLLABLES } from './civic-words.js';
import { segmenter } from './segment.js';
import { STOP_WORDS } from './stop-words.js';

export const MAX_KEYWORDS = 200;

/**
 * The distinct content words of a text: words of the word list (segmented, so "đền bù" and "sạt lở"
 * are one word each, also when typed without diacritics) and the one-syllable names of things in
 * CONTENT_SYLLABLES (only when written with diacritics: "duong" may be đường or dương), without
 * stop words, numbers or names written as names. Place and unit names written in lower case are
 * left in: the rising-words panel drops the unit tree's names when it reads, so a renamed or
 * merged unit needs no rewrite of stored keywords.
 */
export function keywordsOf(text: string): string[] {
  const found = new Set<string>();
  const accented = hasDiacritics(text);
  for (const segment of segmenter().segment(text)) {
    if (segment.proper || segment.numeric || STOP_WORDS.has(segment.word)) continue;
    if (segment.syllables === 1 && !(accented && CONTENT_SYLLABLES.has(segment.word))) continue;
    found.add(segment.word);
    if (found.size >= MAX_KEYWORDS) break;
  }
  return [...found];
}
