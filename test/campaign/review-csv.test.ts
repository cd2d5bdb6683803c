import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../server/src/shared/csv.js';

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['Hội Liên hiệp Phụ nữ', 'Hội Liên hiệp Phụ nữ'],
    ['Đinh Văn, Lâm Hà', '"Đinh Văn, Lâm Hà"'],
    ['mô hình "Dân vận khéo"', '"mô hình ""Dân vận khéo"""'],
    ['hai\r\ndòng', '"hai\r\ndòng"'],
    ['một\ndòng', '"một\ndòng"'],
    [' lề', '" lề"'],
    ['=1+2', "'=1+2"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers and đồng amounts beyond 2^53 exactly, and null as empty', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(9_007_199_254_740_993n)).toBe('9007199254740993');
    expect(csvCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    expect(toCsv([['a', 'b, c'], [], [1, 2n]])).toBe('\uFEFFa,"b, c"\r\n\r\n1,2\r\n');
  });

  it('is valid UTF-8 that round-trips Vietnamese text', () => {
    const text = toCsv([['Nghe dân nói, nói dân hiểu, làm dân tin']]);
    const bytes = Buffer.from(text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(text.slice(1));
  });
});
