import { tokenize, type Token } from '../normalize.js';
import { ruleSignals } from '../rules/rule-scorer.js';

/**
 * The features of one text for the learned tone model, as 32-bit hashes (FNV-1a) of their names,
 * so that no feature string is ever built: the model scores thousands of texts a second. Sparse
 * groups, each scaled to unit length so that a long text does not outweigh a short one:
 * - `f` syllables and `g` syllable bigrams without diacritics (chat spellings already rewritten;
 *   the start and end of a clause marked),
 * - `w` syllables and `b` bigrams as written, where that differs (what diacritics tell apart),
 * - `n` syllables in the reach of a negator ("không tốt" → n·tot),
 * - `c` character 3- to 5-grams of the folded text (typos, teencode, missing diacritics),
 * and dense signals from the rule-based lexicon (its sum, positive and negative mass, negation,
 * contrast, question), plus punctuation cues, under fixed ids below 64.
 */
export interface Features {
  ids: number[];
  values: number[];
  /** Per token: the ids of the syllable as written and folded (to ask whether the model knows it). */
  wordIds: number[];
  foldedIds: number[];
}

/** Texts longer than this are read at their head and tail: bounded time for any input. */
export const MAX_CHARS = 3000;

export function clip(text: string): string {
  return text.length <= MAX_CHARS ? text : `${text.slice(0, 2000)} … ${text.slice(-1000)}`;
}

const NEGATORS = new Set(['không', 'chưa', 'chẳng', 'chả', 'đừng', 'chớ', 'hổng', 'hem']);
/** Without diacritics only the unambiguous spellings count ("cho" is "give" far more than "chớ"). */
const FOLDED_NEGATORS = new Set(['khong', 'chua', 'chang']);
const NEGATION_REACH = 3;

const OFFSET = 0x811c9dc5;
const step = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193) >>> 0;
function hashOn(hash: number, text: string): number {
  let result = hash;
  for (let index = 0; index < text.length; index += 1) result = step(result, text.charCodeAt(index));
  return result;
}
/** Dense ids stay below this; hashed ids are moved above it. */
const DENSE = 64;
/** 30 bits: small integers to V8, which keys its maps and sets on them far faster than on doubles. */
const sparse = (hash: number) => {
  const id = hash & 0x3fffffff;
  return id < DENSE ? id + DENSE : id;
};
const GROUP = {
  w: step(OFFSET, 119),
  f: step(OFFSET, 102),
  b: step(OFFSET, 98),
  g: step(OFFSET, 103),
  n: step(OFFSET, 110),
  c: step(OFFSET, 99),
};
const SEPARATOR = 32;

/** The id of a syllable feature, for checking whether the model knows a word. */
export const wordId = (token: Token) => sparse(hashOn(GROUP.w, token.text));
export const foldedWordId = (token: Token) => sparse(hashOn(GROUP.f, token.folded));

/** The feature groups, for regularising each by its own strength in training. */
export enum FeatureGroup {
  Signals,
  Words,
  Pairs,
  Written,
  Negated,
  Chars,
}

/** Repeated features count again (term frequency); the group is scaled by its size. */
function addGroup(features: Features, ids: number[], group: FeatureGroup, groups?: FeatureGroup[]) {
  if (ids.length === 0) return;
  const value = 1 / Math.sqrt(ids.length);
  for (const id of ids) {
    features.ids.push(id);
    features.values.push(value);
    groups?.push(group);
  }
}

export const DENSE_NAMES = [
  'total',
  'positive',
  'negative',
  'rule-negative',
  'rule-positive',
  'negation',
  'contrast',
  'question-opener',
  'question-mark',
  'exclamation',
  'short',
] as const;

/** The syllable and emoji tokens of a text, clipped. Shared by the features and the coverage check. */
export const tokensOf = (text: string): Token[] => tokenize(clip(text));

/** `groups`, when given, receives the group of each feature (for training; scoring needs none). */
export function featuresOf(text: string, tokens: Token[] = tokensOf(text), groups?: FeatureGroup[]): Features {
  const clipped = clip(text);
  const features: Features = { ids: [], values: [], wordIds: [], foldedIds: [] };
  const words: number[] = [];
  const pairs: number[] = [];
  const written: number[] = [];
  const negated: number[] = [];
  let reach = 0;
  let previous = '^';
  let previousFolded = '^';
  for (const token of tokens) {
    const id = wordId(token);
    const foldedId = foldedWordId(token);
    features.wordIds.push(id);
    features.foldedIds.push(foldedId);
    // Every word and pair counts folded, so that text typed without diacritics meets what text with
    // them taught; the spelling as written, where it differs, adds what diacritics tell apart
    // (đất/đắt, tôi/tồi).
    words.push(foldedId);
    pairs.push(sparse(hashOn(step(hashOn(GROUP.g, previousFolded), SEPARATOR), token.folded)));
    if (token.folded !== token.text) written.push(id);
    if (token.folded !== token.text || previous !== previousFolded)
      written.push(sparse(hashOn(step(hashOn(GROUP.b, previous), SEPARATOR), token.text)));
    if (reach > 0 && !token.emoji) {
      negated.push(sparse(hashOn(GROUP.n, token.folded)));
      reach -= 1;
    }
    if (NEGATORS.has(token.text) || FOLDED_NEGATORS.has(token.folded)) reach = NEGATION_REACH;
    if (token.clauseEnd) reach = 0;
    previous = token.clauseEnd ? '^' : token.text;
    previousFolded = token.clauseEnd ? '^' : token.folded;
  }
  if (tokens.length > 0) pairs.push(sparse(hashOn(step(hashOn(GROUP.g, previousFolded), SEPARATOR), '$')));
  addGroup(features, words, FeatureGroup.Words, groups);
  addGroup(features, pairs, FeatureGroup.Pairs, groups);
  addGroup(features, written, FeatureGroup.Written, groups);
  addGroup(features, negated, FeatureGroup.Negated, groups);

  const chars: number[] = [];
  let folded = ' ';
  for (const token of tokens) folded += `${token.folded} `;
  for (let start = 0; start + 3 <= folded.length; start += 1) {
    let hash = GROUP.c;
    for (let size = 1; size <= 5 && start + size <= folded.length; size += 1) {
      hash = step(hash, folded.charCodeAt(start + size - 1));
      if (size >= 3) chars.push(sparse(hash));
    }
  }
  addGroup(features, chars, FeatureGroup.Chars, groups);

  const signals = ruleSignals(clipped, tokens);
  const dense = [
    Math.tanh(signals.total / 3),
    Math.tanh(signals.positive / 3),
    Math.tanh(signals.negative / 3),
    signals.total <= -1 ? 1 : 0,
    signals.total >= 1.2 ? 1 : 0,
    signals.negations > 0 ? 1 : 0,
    signals.contrast ? 1 : 0,
    signals.question ? 1 : 0,
    /[?？]/.test(clipped) ? 1 : 0,
    /!/.test(clipped) ? 1 : 0,
    tokens.length < 6 ? 1 : 0,
  ];
  dense.forEach((value, id) => {
    if (value !== 0) {
      features.ids.push(id);
      features.values.push(value);
      groups?.push(FeatureGroup.Signals);
    }
  });
  return features;
}
