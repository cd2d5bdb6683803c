import { describe, expect, it } from 'vitest';
import type { LabelledText } from '../../server/src/language/corpus/corpus.js';
import { GENERAL_SANITY_FILE, readLabelledFile } from '../../server/src/language/corpus/files.js';
import { featuresOf, foldedWordId, tokensOf } from '../../server/src/language/model/features.js';
import { crossWriter, fitTemperature } from '../../server/src/language/model/select.js';
import { fitPrepared, prepare } from '../../server/src/language/model/train.js';
import { leaveOneWriterOut, writerOf } from '../../server/src/language/model/writers.js';
import { ruleScorer, scoreSentiment } from '../../server/src/language/rules/rule-scorer.js';
import { TONES, type ToneScorer } from '../../server/src/language/tone.js';

const row = (label: LabelledText['label'], text: string, source: string): LabelledText => ({ label, text, source });

/** Three writers saying the same things their own way, so that every word is shared by all of them. */
const rows: LabelledText[] = ['a', 'b', 'c'].flatMap((writer, at) => [
  row('negative', `đường hư ${['quá', 'lắm', 'ghê'][at]} mà không ai sửa`, `writer-${writer}:1`),
  row('negative', `nước đục hôi ${['quá', 'lắm', 'ghê'][at]}`, `writer-${writer}:2`),
  row('positive', `cảm ơn xã sửa đường ${['nhanh', 'kịp', 'sớm'][at]}`, `writer-${writer}:3`),
  row('positive', `cán bộ tận tình cảm ơn ${['anh', 'chị', 'em'][at]}`, `writer-${writer}:4`),
  row('neutral', `cho hỏi lịch họp thôn ${['mai', 'mốt', 'tới'][at]}`, `writer-${writer}:5`),
  row('neutral', `xin hỏi giấy tờ làm hồ sơ ${['gì', 'nào', 'chi'][at]}`, `writer-${writer}:6`),
]);

describe('leave one writer out', () => {
  it('scores each writer with a model fitted without a single text of theirs', () => {
    const seen: string[][] = [];
    const fit = (train: LabelledText[]): ToneScorer => {
      seen.push([...new Set(train.map(writerOf))].sort());
      return ruleScorer;
    };
    const results = leaveOneWriterOut(rows, rows, fit, ruleScorer);
    expect(results.map((result) => result.writer)).toEqual(['writer-a', 'writer-b', 'writer-c']);
    expect(seen).toEqual([
      ['writer-b', 'writer-c'],
      ['writer-a', 'writer-c'],
      ['writer-a', 'writer-b'],
    ]);
    expect(results.every((result) => result.texts === 6)).toBe(true);
  });

  it('cross-validates fit options across writers and returns every held-out text once', () => {
    const result = crossWriter(prepare(rows), { lambda: 1e-3, iterations: 30, minCount: 1 });
    expect(result.perWriter).toHaveLength(3);
    expect(result.heldOut).toHaveLength(rows.length);
    expect(result.meanMacroF1).toBeGreaterThan(0.5);
  });
});

describe('fit options that generalise', () => {
  it('drops features only one writer used when asked to', () => {
    const odd = [...rows, row('negative', 'ngoằn ngoèo lởm chởm', 'writer-a:7')];
    const kept = (minWriters: number) =>
      fitPrepared(prepare(odd), { lambda: 1e-3, iterations: 5, minCount: 1, minWriters }).features;
    const unique = featuresOf('lởm').foldedIds[0]!;
    expect(kept(1)).toContain(unique);
    expect(kept(2)).not.toContain(unique);
  });

  it('copies texts without diacritics into training when asked to, and records it', () => {
    const fit = (foldedCopies: number) =>
      fitPrepared(prepare(rows), { lambda: 1e-3, iterations: 40, minCount: 1, foldedCopies });
    const withCopies = fit(1);
    expect(withCopies.weights).not.toEqual(fit(0).weights);
    expect(withCopies.trainedOn).toMatchObject({ foldedCopies: 1 });
  });

  it('a word typed without diacritics has the folded feature of the same word with them', () => {
    const [accented] = tokensOf('tốt');
    const plain = featuresOf('tot');
    expect(plain.ids).toContain(foldedWordId(accented!));
    expect(featuresOf('tốt').ids).toContain(foldedWordId(accented!));
  });

  it('fits a temperature above 1 for overconfident scores and below 1 for timid ones', () => {
    const overconfident = [
      ...Array.from({ length: 6 }, () => ({ logits: [8, 0, 0], label: 0 })),
      ...Array.from({ length: 4 }, () => ({ logits: [8, 0, 0], label: 1 })),
    ];
    expect(fitTemperature(overconfident).temperature).toBeGreaterThan(1);
    const timid = Array.from({ length: 10 }, () => ({ logits: [0.5, 0, 0], label: 0 }));
    expect(fitTemperature(timid).temperature).toBeLessThan(1);
  });
});

describe('everyday review words (outside the civic domain)', () => {
  it.each([
    ['Đồ ăn ngon, giá rẻ, phục vụ nhanh.', 'positive'],
    ['do an ngon, nhan vien vui ve', 'positive'],
    ['Máy chạy mượt, rất đáng tiền.', 'positive'],
    ['Món này không ngon chút nào.', 'negative'],
    ['Phòng bẩn, nhân viên cáu gắt.', 'negative'],
    ['hang xau, giao cham, that vong', 'negative'],
    ['Không hề thất vọng.', 'positive'],
    ['Thầy dạy khó hiểu, môn học nhàm chán.', 'negative'],
    ['Cho mình hỏi áo này còn size L không?', 'neutral'],
  ])('%s → %s', (text, tone) => {
    expect(scoreSentiment(text).tone).toBe(tone);
  });

  it.each([
    ['đất (land), not đắt (dear)', 'dat nha toi o thon 5'],
    ['xin (please), not xịn (posh)', 'xin hoi lich hop'],
    ['rất (very), not rát (sore)', 'rat mong duoc tra loi'],
    ['giải thích (explain) hides thích (like)', 'Xin giải thích thủ tục này.'],
  ])('trusts a folded spelling only where it is one word: %s', (_label, text) => {
    expect(scoreSentiment(text).tone).toBe('neutral');
  });
});

describe('the general-domain sanity set', () => {
  it('is well formed and balanced: 50 texts of each tone, scored by the bench, trained on by nothing', () => {
    const sanity = readLabelledFile(GENERAL_SANITY_FILE);
    for (const tone of TONES) expect(sanity.filter((item) => item.label === tone)).toHaveLength(50);
  });
});
