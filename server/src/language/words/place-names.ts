import { fold, normalize } from '../normalize.js';

const LEVEL =
  /(?:^|\s)(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|thôn|tổ dân phố|khu phố|bản|buôn|ấp|làng|khu)\s+((?:\p{Lu}[\p{L}’']*|\d+)(?:\s+(?:\p{Lu}[\p{L}’']*|\d+))*)/gu;
const LEADING_LEVEL =
  /^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|thôn|tổ dân phố|khu phố|bản|buôn|ấp|làng)\s+/u;
const PROPER_TAIL = /((?:\p{Lu}[\p{L}’']*)(?:\s+\p{Lu}[\p{L}’']*)+)(?:\s+\d+)?\s*$/u;

/**
 * The place names in unit names, lower case, with and without diacritics: "UBND thị trấn Nam Ban"
 * → nam ban; "Thôn Kon Pang, xã Phi Tô" → kon pang, phi tô; "Ban Dân vận Huyện ủy Lâm Hà" → lâm hà.
 * A place in the news is not a rising word: the panels by place already show it.
 */
export function placeNames(unitNames: Iterable<string>): Set<string> {
  const names = new Set<string>();
  const add = (name: string) => {
    const words = normalize(name).replace(LEADING_LEVEL, '').replace(/\d+/g, ' ').trim().replace(/\s+/g, ' ');
    if (!words) return;
    names.add(words);
    names.add(fold(words));
  };
  for (const unitName of unitNames) {
    for (const part of unitName.normalize('NFC').split(/[,(]/)) {
      for (const match of part.matchAll(LEVEL)) add(match[1]!);
      const tail = PROPER_TAIL.exec(part.trim());
      if (tail) add(tail[1]!);
    }
  }
  return names;
}
