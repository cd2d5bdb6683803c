import { describe, expect, it } from 'vitest';
import { keywordsOf } from '../../server/src/language/words/keywords.js';
import { logLikelihood } from '../../server/src/language/words/likelihood.js';
import { placeNames } from '../../server/src/language/words/place-names.js';
import { rankRisingWords } from '../../server/src/language/words/rise.js';
import { Segmenter, segmenter } from '../../server/src/language/words/segment.js';
import { learnCollocations } from '../../server/src/language/words/collocations.js';

describe('segmentation', () => {
  it.each([
    ['Chậm chi trả tiền đền bù giải phóng mặt bằng', ['chậm', 'chi trả', 'tiền đền bù', 'giải phóng mặt bằng']],
    ['Đường sạt lở rất nguy hiểm', ['đường', 'sạt lở', 'rất', 'nguy hiểm']],
    // Without diacritics: listed words get their spelling back, other syllables stay as typed.
    ['duong sat lo, den bu cham', ['duong', 'sạt lở', 'đền bù', 'cham']],
    ['Cầu treo xuống cấp', ['cầu treo', 'xuống cấp']],
  ])('%s', (text, words) => {
    expect(
      segmenter()
        .segment(text)
        .map((segment) => segment.word),
    ).toEqual(words);
  });

  it('marks names: two or more capitalised syllables, unless the whole text shouts', () => {
    const segments = segmenter().segment('Ông Nguyễn Văn Hòa ở thôn Liên Trung báo đèn đường hỏng');
    expect(segments.filter((segment) => segment.proper).map((segment) => segment.word)).toEqual([
      'ông',
      'nguyễn',
      'văn',
      'hòa',
      'liên',
      'trung',
    ]);
    expect(
      segmenter()
        .segment('ĐÈN ĐƯỜNG HỎNG')
        .some((segment) => segment.proper),
    ).toBe(false);
  });

  it('is bounded on long text', () => {
    const started = performance.now();
    segmenter().segment('đường sạt lở '.repeat(1000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('keywordsOf', () => {
  it.each([
    ['Đã bàn giao mặt bằng sáu tháng mà chưa nhận được tiền đền bù', ['bàn giao', 'mặt bằng', 'tiền đền bù']],
    [
      'Cầu treo qua suối gãy mấy tấm ván, học sinh đi lại rất nguy hiểm',
      ['cầu treo', 'suối', 'ván', 'học sinh', 'đi lại', 'nguy hiểm'],
    ],
    // Stop words, numbers, names and fragments are not keywords.
    ['Ông Nguyễn Văn Hòa ở thôn 3 hỏi về ĐT725', []],
    // Without diacritics only words of the list count, with their spelling back.
    ['duong vao thon sat lo qua, den bu cham', ['sạt lở', 'đền bù']],
  ])('%s', (text, words) => {
    expect(keywordsOf(text)).toEqual(words);
  });
});

describe('place names from the unit tree', () => {
  it('keeps the proper names of places, with and without diacritics', () => {
    expect([
      ...placeNames([
        'UBND thị trấn Nam Ban',
        'Thôn Kon Pang, xã Phi Tô',
        'Ban Dân vận Huyện ủy Lâm Hà',
        'Tổ dân phố Đông Anh 1, thị trấn Nam Ban',
        'Phòng Tài nguyên và Môi trường',
      ]),
    ]).toEqual(['nam ban', 'kon pang', 'phi tô', 'phi to', 'lâm hà', 'lam ha', 'đông anh', 'dong anh']);
  });
});

describe('log-likelihood (G²)', () => {
  it.each([
    // a b / c d, expected G² (checked by hand: 2·Σ O·ln(O/E))
    [10, 10, 10, 10, 0],
    [3, 0, 0, 3, 8.318],
    // E = 8, 92, 32, 368: 2·(30·ln(30/8) + 70·ln(70/92) + 10·ln(10/32) + 390·ln(390/368))
    [30, 70, 10, 390, 63.07],
  ])('[[%i, %i], [%i, %i]] → %f', (a, b, c, d, g2) => {
    expect(logLikelihood(a, b, c, d)).toBeCloseTo(g2, 1);
  });
});

describe('rankRisingWords', () => {
  const options = { recentTexts: 20, beforeTexts: 80, minCount: 2 };
  it('keeps words that rise, at least the minimum count, ranked by G²', () => {
    const ranked = rankRisingWords(
      [
        { word: 'sạt lở', recent: 8, before: 2 },
        { word: 'đền bù', recent: 5, before: 20 }, // 25 % before, 25 % now: not rising
        { word: 'cầu treo', recent: 3, before: 0 },
        { word: 'rác', recent: 1, before: 0 }, // below the minimum count
        { word: 'điện', recent: 4, before: 4 },
      ],
      options,
    );
    expect(ranked.map((word) => word.word)).toEqual(['sạt lở', 'cầu treo', 'điện']);
    expect(ranked[0]!.likelihood).toBeGreaterThan(ranked[1]!.likelihood);
    expect(ranked[0]!.likelihood).toBeGreaterThan(3.84);
  });
});

describe('learnCollocations', () => {
  it('finds syllables that come together far more often than chance', () => {
    const texts = [
      ...['bay', 'rách', 'thủng', 'gãy', 'hỏng', 'rơi'].map((verb) => `Nhà bị thiên tai, mái tôn ${verb} hết.`),
      ...Array.from({ length: 6 }, (_, index) => `Mái tôn nhà số ${index} bị gió cuốn.`),
      'Gió lớn quá.',
      'Nhà tôi bị dột.',
    ];
    const words = learnCollocations(texts, new Segmenter([]), { minCount: 3, minG2: 10, minPmi: 2 }).map(
      (entry) => entry.words,
    );
    expect(words).toContain('mái tôn');
    expect(words).not.toContain('tôn bay');
    expect(words).not.toContain('mái tôn bay');
  });
});
