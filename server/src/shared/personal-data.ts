import { foldVietnamese } from './text.js';

/**
 * Personal data written into free text: phone numbers, e-mail addresses, citizen ID numbers and
 * bank account numbers, found and masked for readers who are neither the writer nor staff
 * (Law on Personal Data Protection 91/2025/QH15). Pure: no I/O, table-tested.
 *
 * Numbers are read as runs of digit groups joined by one space, dot or dash ("0912 345 678",
 * "0912.345.678", "079 123 456 789"); the longest leading part of a run that is personal data is
 * masked and the rest of the run is read again, so "0912345678 2 lần" masks only the phone.
 * What is kept: the first two digits and the last three of a phone number ("09xx xxx 678"),
 * the last three digits of any other number, the first character and the domain of an e-mail.
 */
export type PersonalDataKind = 'PHONE' | 'EMAIL' | 'CITIZEN_ID' | 'BANK_ACCOUNT' | 'NUMBER';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A run of digit groups; a leading + for a country code. Letters or digits must not touch it. */
const DIGIT_RUN = /(?<![\p{L}\p{N}_])\+?\d+(?:[ .-]\d+)*(?![\p{L}\p{N}_])/gu;
/** Vietnamese mobile (03, 05, 07, 08, 09) and landline (02 + area code) numbers, national or +84. */
const PHONE = /^(?:84|0)(?:[35789]\d{8}|2\d{9})$/;
/** Căn cước / CCCD: 12 digits, the first three a province code (001–096). */
const CITIZEN_ID = /^0\d{11}$/;
/** Words right before a number that make it an ID card or a bank account (folded, lower case). */
const ID_WORDS = /(?:cccd|cmnd|cmt|can cuoc|chung minh|dinh danh|so id|id card)\W{0,3}(?:so\W{0,2})?$/;
const BANK_WORDS =
  /(?:stk|so tai khoan|tai khoan|so tk|\btk|account(?: number| no)?|acc(?:ount)? no)\W{0,3}(?:so\W{0,2})?$/;
/** Units and currencies after a number that make it an amount or a measure, not a person's. */
const AMOUNT_AFTER = /^\s?(?:d\b|dong|vnd|usd|trieu|ty|nghin|ngan|k\b|m2|m²|m3|km|kg|tan|ha\b|%|nguoi|ho\b|lan\b)/;

export function findPersonalData(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const found of text.matchAll(EMAIL)) {
    matches.push({ kind: 'EMAIL', start: found.index, end: found.index + found[0].length });
  }
  const inEmail = (at: number) =>
    matches.some((match) => match.kind === 'EMAIL' && at >= match.start && at < match.end);
  for (const run of text.matchAll(DIGIT_RUN)) {
    if (inEmail(run.index)) continue;
    matches.push(...numbersIn(text, run.index, run[0]));
  }
  return matches.sort((a, b) => a.start - b.start);
}

export function containsPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}

/** The text with every piece of personal data masked; the same text when there is none. */
export function maskPersonalData(text: string): string {
  const matches = findPersonalData(text);
  if (matches.length === 0) return text;
  let masked = '';
  let at = 0;
  for (const match of matches) {
    const part = text.slice(match.start, match.end);
    masked += text.slice(at, match.start) + (match.kind === 'EMAIL' ? maskEmail(part) : maskNumber(part, match.kind));
    at = match.end;
  }
  return masked + text.slice(at);
}

/** The personal numbers in one run of digit groups starting at `offset` in `text`. */
function numbersIn(text: string, offset: number, run: string): PersonalDataMatch[] {
  const groups = [...run.matchAll(/\+?\d+/g)].map((group) => ({
    start: group.index,
    end: group.index + group[0].length,
  }));
  const matches: PersonalDataMatch[] = [];
  let first = 0;
  while (first < groups.length) {
    let found: PersonalDataMatch | undefined;
    for (let last = groups.length - 1; last >= first && !found; last -= 1) {
      const start = offset + groups[first]!.start;
      const end = offset + groups[last]!.end;
      const kind = classify(text, start, end);
      if (kind) found = { kind, start, end };
    }
    if (found) {
      matches.push(found);
      first = groups.findIndex((group) => offset + group.start >= found.end);
      if (first === -1) break;
    } else {
      first += 1;
    }
  }
  return matches;
}

function classify(text: string, start: number, end: number): PersonalDataKind | null {
  const written = text.slice(start, end);
  const digits = written.replace(/\D/g, '');
  const before = foldVietnamese(text.slice(Math.max(0, start - 30), start)).trimEnd();
  const after = foldVietnamese(text.slice(end, end + 8));
  if (PHONE.test(digits) && (written.startsWith('+') || digits.startsWith('0'))) return 'PHONE';
  if (CITIZEN_ID.test(digits) || (ID_WORDS.test(before) && /^\d{9}$|^\d{12}$/.test(digits))) return 'CITIZEN_ID';
  if (BANK_WORDS.test(before) && digits.length >= 6 && digits.length <= 19) return 'BANK_ACCOUNT';
  // A long number that is neither an amount ("4.377.500.000 đồng") nor grouped like one.
  // Hotlines (1800, 1900) are public numbers.
  if (/^1[89]00/.test(digits)) return null;
  const groupedLikeAmount = /^\d{1,3}(?:[.,]\d{3})+$/.test(written);
  if (digits.length >= 10 && digits.length <= 19 && !groupedLikeAmount && !AMOUNT_AFTER.test(after)) return 'NUMBER';
  return null;
}

function maskNumber(written: string, kind: PersonalDataKind): string {
  const digitCount = written.replace(/\D/g, '').length;
  const keepFirst = kind === 'PHONE' ? (written.startsWith('+') ? 3 : 2) : 0;
  let nth = 0;
  return written.replace(/\d/g, (digit) => {
    nth += 1;
    return nth <= keepFirst || nth > digitCount - 3 ? digit : 'x';
  });
}

function maskEmail(address: string): string {
  const at = address.indexOf('@');
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}
