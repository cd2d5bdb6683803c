import { fold, normalize } from '../normalize.js';
import { TONES, type Tone } from '../tone.js';

/** One labelled text; `source` says where it came from (`writer-a:12`, a file line). */
export interface LabelledText {
  label: Tone;
  text: string;
  source: string;
}

export interface ParseResult {
  rows: LabelledText[];
  /** Lines skipped, with the reason, as `file:line reason`. */
  problems: string[];
}

const isTone = (value: string): value is Tone => (TONES as readonly string[]).includes(value);

/**
 * Reads a `label<TAB>text` file (a header line first). A line without a known label, without
 * text, or with more than one tab is reported and skipped, never guessed at.
 */
export function parseLabelled(content: string, name: string): ParseResult {
  const rows: LabelledText[] = [];
  const problems: string[] = [];
  const lines = content.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const where = `${name}:${index + 1}`;
    if (index === 0) {
      if (!/^label\ttext(\tsource)?$/.test(line)) problems.push(`${where} header is not "label<TAB>text"`);
      return;
    }
    if (!line.trim()) return;
    const fields = line.split('\t');
    const label = fields[0]!.trim();
    const text = (fields[1] ?? '').replace(/\s+/g, ' ').trim();
    if (fields.length < 2) problems.push(`${where} no tab between label and text`);
    else if (fields.length > 3) problems.push(`${where} ${fields.length - 1} tabs`);
    else if (!isTone(label)) problems.push(`${where} unknown label "${label.slice(0, 20)}"`);
    else if (!text) problems.push(`${where} empty text`);
    else rows.push({ label, text: text.normalize('NFC'), source: fields[2] ?? where });
  });
  return { rows, problems };
}

export const formatLabelled = (rows: LabelledText[]) =>
  ['label\ttext\tsource', ...rows.map((row) => `${row.label}\t${row.text}\t${row.source}`)].join('\n') + '\n';

export type Split = 'train' | 'dev' | 'test';

/**
 * Which split a block of consecutive lines of a writer's file goes to: 14 of every 20 blocks to
 * train, 3 to dev, 3 to test, spread through the file. Writers write in batches on one theme, so
 * neighbouring texts stay together in one split; appending to a file never moves earlier blocks.
 */
export const BLOCK_LINES = 10;
const CYCLE: Split[] = (
  'train train train dev train train test train train train train dev train test ' + 'train train train dev train test'
)
  .split(' ')
  .map((value) => value as Split);

export const splitOfBlock = (block: number): Split => CYCLE[block % CYCLE.length]!;

/** The folded word bigrams of a text, for near-duplicate checks. */
export function shingles(text: string): Set<string> {
  const words = fold(normalize(text)).match(/[\p{L}\p{N}]+/gu) ?? [];
  const result = new Set<string>();
  for (let index = 0; index + 1 < words.length; index += 1) result.add(`${words[index]} ${words[index + 1]}`);
  if (words.length === 1) result.add(words[0]!);
  return result;
}

export const NEAR_DUPLICATE = 0.5;

/** Jaccard similarity of two shingle sets. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface SplitResult {
  splits: Record<Split, LabelledText[]>;
  duplicates: string[];
  /** Dev and test texts moved to train because a near neighbour sits in another split. */
  moved: string[];
}

/**
 * Splits each writer's rows by blocks of lines, drops exact duplicates (folded text) after the
 * first, and moves a dev or test text to train when a text of another split is a near duplicate
 * (word-bigram Jaccard ≥ 0.5), so no split can be passed by remembering another.
 */
export function splitCorpus(files: Array<{ name: string; rows: LabelledText[] }>): SplitResult {
  const splits: Record<Split, LabelledText[]> = { train: [], dev: [], test: [] };
  const duplicates: string[] = [];
  const seen = new Set<string>();
  const assigned: Array<{ row: LabelledText; split: Split; shingles: Set<string> }> = [];
  for (const { rows } of files) {
    rows.forEach((row, index) => {
      const key = fold(normalize(row.text))
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      if (seen.has(key)) {
        duplicates.push(row.source);
        return;
      }
      seen.add(key);
      assigned.push({ row, split: splitOfBlock(Math.floor(index / BLOCK_LINES)), shingles: shingles(row.text) });
    });
  }
  const index = new Map<string, number[]>();
  assigned.forEach((entry, position) => {
    for (const shingle of entry.shingles) {
      const list = index.get(shingle) ?? [];
      list.push(position);
      index.set(shingle, list);
    }
  });
  const moved: string[] = [];
  assigned.forEach((entry, position) => {
    if (entry.split === 'train') return;
    const candidates = new Set<number>();
    for (const shingle of entry.shingles) for (const other of index.get(shingle) ?? []) candidates.add(other);
    for (const other of candidates) {
      const neighbour = assigned[other]!;
      if (other === position || neighbour.split === entry.split) continue;
      if (similarity(entry.shingles, neighbour.shingles) >= NEAR_DUPLICATE) {
        moved.push(`${entry.row.source} ~ ${neighbour.row.source}`);
        entry.split = 'train';
        break;
      }
    }
  });
  for (const { row, split } of assigned) splits[split].push(row);
  return { splits, duplicates, moved };
}
