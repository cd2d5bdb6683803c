import {
  AMBIGUOUS_WITHOUT_DIACRITICS,
  CONTRASTS,
  EMOJI_WEIGHTS,
  ENTRIES,
  MODIFIERS_AFTER,
  MODIFIERS_BEFORE,
  NEGATORS,
  QUESTION_OPENERS,
} from './lexicon.js';
import { fold, hasDiacritics, isEmoji, tokenize, type Token } from './normalize.js';

export type Tone = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  tone: Tone;
  /** From -1 (most negative) to 1 (most positive). */
  score: number;
}

type Kind = 'tone' | 'negator' | 'before' | 'after' | 'contrast' | 'question';
interface Item {
  kind: Kind;
  value: number;
  clauseEnd: boolean;
}

/** Phrases by their first word; matched longest first. With diacritics and folded. */
function index<T extends { kind: Kind }>(phrases: Array<[string[], T]>) {
  const exact = new Map<string, Array<[string[], T]>>();
  const folded = new Map<string, Array<[string[], T]>>();
  for (const entry of phrases) {
    const [words] = entry;
    const add = (map: Map<string, Array<[string[], T]>>, key: string[]) => {
      const list = map.get(key[0]!) ?? [];
      list.push([key, entry[1]]);
      list.sort((a, b) => b[0].length - a[0].length);
      map.set(key[0]!, list);
    };
    add(exact, words);
    const foldedWords = words.map(fold);
    const unreliable =
      entry[1].kind === 'tone' && foldedWords.length === 1 && AMBIGUOUS_WITHOUT_DIACRITICS.has(foldedWords[0]!);
    if (!unreliable) add(folded, foldedWords);
  }
  return { exact, folded };
}

const VOCABULARY = index<{ kind: Kind; value: number }>([
  ...ENTRIES.map((entry): [string[], { kind: Kind; value: number }] => [
    entry.words,
    { kind: 'tone', value: entry.weight },
  ]),
  ...[...NEGATORS].map((phrase): [string[], { kind: Kind; value: number }] => [
    phrase.split(' '),
    { kind: 'negator', value: -1 },
  ]),
  ...[...CONTRASTS].map((phrase): [string[], { kind: Kind; value: number }] => [
    phrase.split(' '),
    { kind: 'contrast', value: 0 },
  ]),
  ...QUESTION_OPENERS.map((phrase): [string[], { kind: Kind; value: number }] => [
    phrase.split(' '),
    { kind: 'question', value: 0 },
  ]),
  ...Object.entries(MODIFIERS_BEFORE).map(([phrase, value]): [string[], { kind: Kind; value: number }] => [
    phrase.split(' '),
    { kind: 'before', value },
  ]),
  ...Object.entries(MODIFIERS_AFTER).map(([phrase, value]): [string[], { kind: Kind; value: number }] => [
    phrase.split(' '),
    { kind: 'after', value },
  ]),
]);

/** Greedy longest match of vocabulary phrases over the tokens. */
function analyse(tokens: Token[], accented: boolean): Item[] {
  const items: Item[] = [];
  const map = accented ? VOCABULARY.exact : VOCABULARY.folded;
  for (let position = 0; position < tokens.length;) {
    const token = tokens[position]!;
    if (isEmoji(token.text)) {
      items.push({ kind: 'tone', value: EMOJI_WEIGHTS[token.text] ?? 0, clauseEnd: token.clauseEnd });
      position += 1;
      continue;
    }
    const key = accented ? token.text : token.folded;
    const candidates = map.get(key) ?? [];
    const match = candidates.find(([words]) =>
      words.every((word, offset) => {
        const other = tokens[position + offset];
        return other !== undefined && (accented ? other.text : other.folded) === word;
      }),
    );
    if (match) {
      const [words, { kind, value }] = match;
      const last = tokens[position + words.length - 1]!;
      items.push({ kind, value, clauseEnd: last.clauseEnd });
      position += words.length;
    } else {
      items.push({ kind: 'tone', value: 0, clauseEnd: token.clauseEnd });
      position += 1;
    }
  }
  return items;
}

const NEGATION_REACH = 3;

/** Scores one text. Pure: no I/O, no model download. */
export function scoreSentiment(text: string): Sentiment {
  const tokens = tokenize(text);
  const items = analyse(tokens, hasDiacritics(text));
  let negation = 0;
  let boost = 1;
  const contributions: number[] = [];
  let question = false;

  items.forEach((item, position) => {
    switch (item.kind) {
      case 'negator':
        negation = NEGATION_REACH;
        break;
      case 'before':
        boost *= item.value;
        break;
      case 'after':
        // An after-modifier ("quá", "lắm") strengthens the tone word just before it.
        if (contributions.length > 0) contributions[contributions.length - 1]! *= item.value;
        break;
      case 'contrast':
        // What came before the contrast counts for less: the clause after it wins.
        for (let index = 0; index < contributions.length; index += 1) contributions[index]! *= 0.35;
        break;
      case 'question':
        if (position < 4) question = true;
        break;
      case 'tone': {
        if (item.value !== 0) {
          const value = item.value * boost * (negation > 0 ? -0.8 : 1);
          contributions.push(value);
          boost = 1;
        }
        if (negation > 0) negation -= 1;
        break;
      }
    }
    if (item.clauseEnd) {
      negation = 0;
      boost = 1;
    }
  });
  let total = contributions.reduce((sum, value) => sum + value, 0);
  if (question && total > -2.5) total *= 0.6;
  if (/[?？]\s*$/.test(text.trim()) && total > 0) total *= 0.5;
  const score = Math.tanh(total / 3);
  const tone: Tone = total <= -1 ? 'negative' : total >= 1.2 ? 'positive' : 'neutral';
  return { tone, score: Math.round(score * 1000) / 1000 };
}
