import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../server/src/shared/text.js';

describe('foldVietnamese', () => {
  it.each([
    ['Đền bù giải phóng mặt bằng', 'den bu giai phong mat bang'],
    ['ĐƯỜNG  LIÊN THÔN', 'duong lien thon'],
    // The same word typed with precomposed (NFC) and decomposed (NFD) characters.
    ['Hòa'.normalize('NFC'), 'hoa'],
    ['Hòa'.normalize('NFD'), 'hoa'],
    ['thủ tục hành chính', 'thu tuc hanh chinh'],
  ])('%s → %s', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
  });
});
