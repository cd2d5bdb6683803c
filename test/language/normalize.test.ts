import { describe, expect, it } from 'vitest';
import { hasDiacritics, normalize, tokenize } from '../../server/src/language/normalize.js';

describe('normalize', () => {
  it.each([
    // Old-style tone placement moves only where the pair ends the syllable, never after "qu".
    ['Hoà bình', 'hòa bình'],
    ['KHOẺ', 'khỏe'],
    ['điện thoại', 'điện thoại'],
    ['hoàn toàn', 'hoàn toàn'],
    ['quỹ', 'quỹ'],
    ['thuý', 'thúy'],
  ])('%s → %s', (text, normal) => {
    expect(normalize(text)).toBe(normal);
  });
});

describe('hasDiacritics', () => {
  it.each([
    ['duong sat lo', false],
    ['đường', true],
    ['Đ', true],
    ['Hòa'.normalize('NFD'), true],
    ['café', true],
    ['ok 😀 ×÷', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(hasDiacritics(text)).toBe(expected);
  });
});

describe('chat spellings', () => {
  it.each([
    ['sp dep, nv nhiet tinh', 'sản phẩm dep nhân viên nhiet tinh'],
    ['mk thik lắm r', 'mình thích lắm rồi'],
    ['bh mới sửa vs', 'bao giờ mới sửa với'],
  ])('%s → %s', (text, words) => {
    expect(
      tokenize(text)
        .map((token) => token.text)
        .join(' '),
    ).toBe(words);
  });
});
