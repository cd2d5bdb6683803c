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
import { fold, hasDiacritics, tokenize, type Token } from '../normalize.js';
import type { Sentiment, Tone, ToneScorer } from '../tone.js';

/** What the lexicon finds in a text: the learned model takes these as features too. */
export interface RuleSignals {
  /** The weighted sum of tone words after negation, modifiers and contrast. */
  total: number;
  positive: number;
  negative: number;
  negations: number;
  contrast: boolean;
  question: boolean;
  /** Words matched by the lexicon (tone words, negators, modifiers…). */
  matched: number;
  tokens: number;
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
    if (token.emoji) {
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

/** Reads the lexicon's signals from tokens of one text. Pure. */
export function ruleSignals(text: string, tokens: Token[] = tokenize(text)): RuleSignals {
  const items = analyse(tokens, hasDiacritics(text));
  let negation = 0;
  let boost = 1;
  const contributions: number[] = [];
  let question = false;
  let negations = 0;
  let contrast = false;

  items.forEach((item, position) => {
    switch (item.kind) {
      case 'negator':
        negations += 1;
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
        contrast = true;
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
  const positive = contributions.reduce((sum, value) => (value > 0 ? sum + value : sum), 0);
  const negative = contributions.reduce((sum, value) => (value < 0 ? sum - value : sum), 0);
  const matched = items.filter((item) => item.kind !== 'tone' || item.value !== 0).length;
  return { total, positive, negative, negations, contrast, question, matched, tokens: tokens.length };
}

/** Scores one text with the lexicon alone. Pure: no I/O, no model download. */
export function scoreSentiment(text: string): Sentiment {
  const { total } = ruleSignals(text);
  const score = Math.round(Math.tanh(total / 3) * 1000) / 1000;
  const tone: Tone = total <= -1 ? 'negative' : total >= 1.2 ? 'positive' : 'neutral';
  // Not a probability: how far the lexicon's sum is from its thresholds, squashed into (1/3, 1).
  const distance = tone === 'neutral' ? 1.2 - Math.abs(total) : Math.abs(total) - 1;
  const confidence = Math.round((1 / 3 + (2 / 3) * Math.tanh(Math.max(0, distance) + 0.2)) * 1000) / 1000;
  return { tone, score, confidence };
}

/** The rule-based baseline: the project's lexicon, negation, modifiers, contrast and emoji. */
export const ruleScorer: ToneScorer = { id: 'rules', version: '1', score: scoreSentiment };
