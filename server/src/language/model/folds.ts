import type { LabelledText } from '../corpus/corpus.js';
import { BLOCK_LINES } from '../corpus/corpus.js';

/** mulberry32: a tiny seeded generator, so folds are the same on every run and machine. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * k folds of rows for cross-validation, grouped by block of lines of one writer (as the splits
 * are), so near neighbours never sit on both sides; the groups are shuffled with a seed.
 */
export function groupedFolds(rows: LabelledText[], k: number, seed = 11): LabelledText[][] {
  const groups = new Map<string, LabelledText[]>();
  for (const row of rows) {
    const [file, line] = row.source.split(':');
    const key = `${file}:${Math.floor(Number(line) / BLOCK_LINES)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const keys = [...groups.keys()].sort();
  const random = seeded(seed);
  for (let index = keys.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [keys[index], keys[other]] = [keys[other]!, keys[index]!];
  }
  const folds: LabelledText[][] = Array.from({ length: k }, () => []);
  keys.forEach((key, index) => folds[index % k]!.push(...groups.get(key)!));
  return folds;
}
