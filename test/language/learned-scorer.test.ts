import { describe, expect, it } from 'vitest';
import type { LabelledText } from '../../server/src/language/corpus/corpus.js';
import { LearnedToneScorer } from '../../server/src/language/model/learned-scorer.js';
import { fitToneModel } from '../../server/src/language/model/train.js';
import { TONES } from '../../server/src/language/tone.js';

const scorer = LearnedToneScorer.load();

describe('the committed tone model', () => {
  it.each([
    ['a complaint', 'Đường liên thôn xuống cấp, ổ gà khắp nơi, rất nguy hiểm mà chưa thấy ai sửa.', 'negative'],
    [
      'a polite complaint',
      'Kính đề nghị UBND xã xem xét, hồ sơ của gia đình tôi nộp hai năm vẫn chưa có kết quả.',
      'negative',
    ],
    ['thanks', 'Xin chân thành cảm ơn cán bộ xã đã hướng dẫn tận tình.', 'positive'],
    ['a question', 'Cho tôi hỏi thủ tục cấp đổi giấy chứng nhận cần những giấy tờ gì ạ?', 'neutral'],
    [
      'a request for information about training',
      'Xin hỏi khi nào xã mở lớp tập huấn kỹ thuật trồng cà phê ạ?',
      'neutral',
    ],
    ['no diacritics', 'duong vao thon bi sat lo qua nguy hiem ma chua thay ai xu ly', 'negative'],
    ['contrast', 'Cảm ơn xã đã quan tâm, nhưng lời hứa sửa cầu từ năm ngoái vẫn chỉ là lời hứa.', 'negative'],
  ])('%s → %s', (_label, text, tone) => {
    expect(scorer.score(text).tone).toBe(tone);
  });

  it('gives calibrated probabilities: they sum to 1, the score is P(positive) − P(negative)', () => {
    const text = 'Cán bộ một cửa hướng dẫn rất tận tình, tôi rất hài lòng.';
    const probabilities = scorer.probabilities(text);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const { score, confidence, tone } = scorer.score(text);
    expect(score).toBeCloseTo(probabilities[2]! - probabilities[0]!, 2);
    expect(confidence).toBeCloseTo(probabilities[TONES.indexOf(tone)]!, 2);
  });
});

describe('bad input: a tone with low confidence, in bounded time, never an error', () => {
  const long = 'Đường hư. '.repeat(1000) + 'x'.repeat(5000);
  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['emoji only', '😀😀😀'],
    ['one angry emoji', '😡'],
    ['English', 'The road near my house has been broken for months and nobody fixes it.'],
    ['mixed, mostly English', 'The road near thôn 5 is very bad, please fix it'],
    ['French', 'Bonjour, la route est cassée'],
    ['punctuation', '?!?!...'],
    ['digits', '0123 456 789'],
  ])('%s', (_label, text) => {
    const sentiment = scorer.score(text);
    expect(TONES).toContain(sentiment.tone);
    expect(sentiment.confidence).toBeLessThan(0.6);
  });

  it('scores 10,000 characters quickly', () => {
    expect(long.length).toBe(15_000);
    const started = performance.now();
    const sentiment = scorer.score(long);
    expect(performance.now() - started).toBeLessThan(200);
    expect(TONES).toContain(sentiment.tone);
  });

  it('calls an empty text neutral', () => {
    expect(scorer.score('').tone).toBe('neutral');
  });
});

describe('training', () => {
  const rows: LabelledText[] = [
    ...['hỏng', 'bẩn', 'chậm', 'tệ', 'ồn'].map((word, index) => ({
      label: 'negative' as const,
      text: `Đường ${word} quá, bà con bức xúc lần ${index}`,
      source: `t:${index}`,
    })),
    ...['tốt', 'nhanh', 'sạch', 'đẹp', 'ổn'].map((word, index) => ({
      label: 'positive' as const,
      text: `Cảm ơn xã, đường ${word} lắm lần ${index}`,
      source: `t:${10 + index}`,
    })),
    ...['lịch', 'giờ', 'thủ tục', 'mẫu đơn', 'lệ phí'].map((word, index) => ({
      label: 'neutral' as const,
      text: `Cho hỏi ${word} làm giấy tờ lần ${index}`,
      source: `t:${20 + index}`,
    })),
  ];

  it('is deterministic: the same rows give the same model, bit for bit', () => {
    const options = { lambda: 1e-3, iterations: 30, minCount: 1 };
    expect(JSON.stringify(fitToneModel(rows, options))).toBe(JSON.stringify(fitToneModel(rows, options)));
  });

  it('learns the training rows', () => {
    const model = new LearnedToneScorer(fitToneModel(rows, { lambda: 1e-3, iterations: 60, minCount: 1 }));
    for (const row of rows) expect(model.score(row.text).tone).toBe(row.label);
  });
});
