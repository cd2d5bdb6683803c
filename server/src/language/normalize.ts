/**
 * Vietnamese text normalisation for the tone scorers and the word segmenter: one Unicode form, one
 * tone-mark placement, lower case, common chat spellings rewritten, and a diacritic-free twin of
 * each word so that text typed without diacritics is matched too.
 */

// Old-style tone placement (hoà, thuỷ) → the placement most text uses (hòa, thủy).
const OLD_STYLE: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};

/** Chat and regional spellings → standard words (applied to whole words only). */
const SPELLINGS: Record<string, string> = {
  ko: 'không',
  k: 'không',
  kg: 'không',
  khg: 'không',
  hông: 'không',
  hong: 'không',
  hổng: 'không',
  hok: 'không',
  hem: 'không',
  wá: 'quá',
  wa: 'quá',
  qá: 'quá',
  dzậy: 'vậy',
  dzay: 'vậy',
  zậy: 'vậy',
  vầy: 'vậy',
  j: 'gì',
  dc: 'được',
  đc: 'được',
  dk: 'được',
  đk: 'được',
  bik: 'biết',
  bít: 'biết',
  hoài: 'hoài',
  nhiêu: 'nhiêu',
  tui: 'tôi',
  bữa: 'bữa',
  cám: 'cảm',
  thanks: 'cảm ơn',
  tks: 'cảm ơn',
  ok: 'ổn',
  oke: 'ổn',
  okela: 'ổn',
  bt: 'bình thường',
  vs: 'với',
  mk: 'mình',
  mik: 'mình',
  cx: 'cũng',
  ntn: 'như thế nào',
  bh: 'bao giờ',
  bjo: 'bao giờ',
  r: 'rồi',
  ns: 'nói',
  sp: 'sản phẩm',
  nv: 'nhân viên',
  ng: 'người',
  nhìu: 'nhiều',
  thik: 'thích',
  iu: 'yêu',
  dth: 'dễ thương',
};

const MARKS = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Latin letters with marks (precomposed or combining): only these can fold to something else. */
const MARK_CANDIDATES = /[\u00c0-\u024f\u1e00-\u1eff]|\p{Mn}/gu;

/** Whether folding changes the text. Checks only the candidate characters: NFD of a whole text is slow. */
export function hasDiacritics(text: string): boolean {
  for (const [candidate] of text.matchAll(MARK_CANDIDATES)) if (fold(candidate) !== candidate) return true;
  return false;
}

const MARKED = /[^\p{ASCII}]/u;

/** Folded syllables, remembered: a text's words are mostly words seen before. */
const FOLDED = new Map<string, string>();
function foldWord(word: string): string {
  if (!MARKED.test(word)) return word;
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    folded = fold(word);
    if (FOLDED.size > 50_000) FOLDED.clear();
    FOLDED.set(word, folded);
  }
  return folded;
}

const EMOJI = /\p{Extended_Pictographic}/u;

export interface Token {
  /** The word as written, normalised (or an emoji). */
  text: string;
  /** The word without diacritics. */
  folded: string;
  /** Punctuation that ends a clause right after this token. */
  clauseEnd: boolean;
  /** An emoji, not a word. */
  emoji: boolean;
}

// Only where the pair ends the syllable ("hoà", not "hoàn" or "thoại") and the u is a vowel ("thuý",
// not "quý").
const OLD_STYLE_PATTERN = /(?<!q)[ou][àáảãạèéẻẽẹỳýỷỹỵ](?!\p{L})/gu;

export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(OLD_STYLE_PATTERN, (old) => OLD_STYLE[old] ?? old);
}

/** Splits normalised text into word and emoji tokens, marking clause boundaries. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(\p{Extended_Pictographic})|([\p{L}\p{N}']+)|([.,;:!?…\n]+)/gu;
  for (const match of normalize(text).matchAll(pattern)) {
    const [, emoji, word, punctuation] = match;
    if (punctuation) {
      const last = tokens[tokens.length - 1];
      if (last) last.clauseEnd = true;
      continue;
    }
    const value = emoji ?? SPELLINGS[word!] ?? word!;
    if (emoji) {
      tokens.push({ text: emoji, folded: emoji, clauseEnd: false, emoji: true });
      continue;
    }
    if (!value.includes(' ')) tokens.push({ text: value, folded: foldWord(value), clauseEnd: false, emoji: false });
    else
      for (const part of value.split(' '))
        tokens.push({ text: part, folded: foldWord(part), clauseEnd: false, emoji: false });
  }
  return tokens;
}

export const isEmoji = (token: string) => EMOJI.test(token);
