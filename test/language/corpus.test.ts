import { describe, expect, it } from 'vitest';
import {
  BLOCK_LINES,
  parseLabelled,
  splitCorpus,
  splitOfBlock,
  type LabelledText,
} from '../../server/src/language/corpus/corpus.js';
import { readSplit } from '../../server/src/language/corpus/files.js';

describe('parseLabelled', () => {
  it('reads label<TAB>text and reports malformed lines instead of guessing', () => {
    const { rows, problems } = parseLabelled(
      [
        'label\ttext',
        'negative\tĐường hư quá',
        'neutral Cho hỏi lịch tiếp dân', // no tab
        'positve\tCảm ơn xã', // unknown label
        'positive\t   ', // empty text
        'neutral\ta\tb\tc', // too many tabs
        '',
        'positive\t  Cảm ơn   cán bộ  ',
      ].join('\n'),
      'w',
    );
    expect(rows).toEqual([
      { label: 'negative', text: 'Đường hư quá', source: 'w:2' },
      { label: 'positive', text: 'Cảm ơn cán bộ', source: 'w:8' },
    ]);
    expect(problems).toEqual([
      'w:3 no tab between label and text',
      'w:4 unknown label "positve"',
      'w:5 empty text',
      'w:6 3 tabs',
    ]);
  });
});

describe('splitCorpus', () => {
  const row = (text: string, line: number): LabelledText => ({ label: 'neutral', text, source: `w:${line}` });

  it('puts whole blocks of lines in one split, 14 train, 3 dev, 3 test of every 20', () => {
    const splits = Array.from({ length: 20 }, (_, block) => splitOfBlock(block));
    expect(splits.filter((split) => split === 'train')).toHaveLength(14);
    expect(splits.filter((split) => split === 'dev')).toHaveLength(3);
    expect(splits.filter((split) => split === 'test')).toHaveLength(3);
    const rows = Array.from({ length: 200 }, (_, index) =>
      row(`mục ${index} ${index * 3} ${index * 7} ${index * 11}`, index),
    );
    const { splits: result } = splitCorpus([{ name: 'w', rows }]);
    for (const [split, list] of Object.entries(result))
      for (const item of list) expect(splitOfBlock(Math.floor(Number(item.source.slice(2)) / BLOCK_LINES))).toBe(split);
  });

  it('drops exact duplicates and moves near duplicates of another split to train', () => {
    const filler = (index: number) => row(`mục ${index} ${index * 3} ${index * 7} ${index * 11}`, index);
    const rows = Array.from({ length: 40 }, (_, index) => filler(index));
    // Block 3 (rows 30–39) goes to dev: put a near copy of a train text there, and an exact copy.
    expect(splitOfBlock(3)).toBe('dev');
    rows[33] = row('Đường liên thôn sạt lở nặng mà chưa ai sửa chữa gì cả', 33);
    rows[5] = row('Đường liên thôn sạt lở nặng mà chưa ai sửa chữa gì hết', 5);
    rows[34] = row('ĐƯỜNG liên thôn SẠT LỞ nặng mà chưa ai sửa chữa gì cả!', 34);
    const { splits, duplicates, moved } = splitCorpus([{ name: 'w', rows }]);
    expect(duplicates).toEqual(['w:34']);
    expect(moved).toEqual(['w:33 ~ w:5']);
    expect(splits.train.map((item) => item.source)).toContain('w:33');
  });
});

describe('the committed split', () => {
  it('is large enough, labelled in all three classes, and no text crosses splits', () => {
    const train = readSplit('train');
    const dev = readSplit('dev');
    const test = readSplit('test');
    expect(train.length + dev.length + test.length).toBeGreaterThanOrEqual(3000);
    for (const rows of [train, dev, test])
      for (const tone of ['negative', 'neutral', 'positive'])
        expect(rows.some((item) => item.label === tone)).toBe(true);
    const trainTexts = new Set(train.map((item) => item.text));
    for (const item of [...dev, ...test]) expect(trainTexts.has(item.text)).toBe(false);
  });
});
