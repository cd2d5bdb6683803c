/**
 * Vietnamese text normalisation for the sentiment scorer: one Unicode form, one tone-mark
 * placement, lower case, common chat spellings rewritten, and a diacritic-free twin of each word
 * so that text typed without diacritics is matched too.
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
};

const MARKS = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export function hasDiacritics(text: string): boolean {
  return fold(text) !== text;
}

const EMOJI = /\p{Extended_Pictographic}/u;

export interface Token {
  /** The word as written, normalised (or an emoji). */
  text: string;
  /** The word without diacritics. */
  folded: string;
  /** Punctuation that ends a clause right after this token. */
  clauseEnd: boolean;
}

export function normalize(text: string): string {
  let result = text.normalize('NFC').toLowerCase();
  for (const [old, modern] of Object.entries(OLD_STYLE)) result = result.split(old).join(modern);
  return result;
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
    for (const part of value.split(' ')) tokens.push({ text: part, folded: fold(part), clauseEnd: false });
  }
  return tokens;
}

export const isEmoji = (token: string) => EMOJI.test(token);
