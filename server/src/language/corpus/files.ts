import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLabelled, type LabelledText, type Split } from './corpus.js';

export const CORPUS_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Hand-written general-domain reviews (shops, products, hotels, food, phones, courses): scored, never trained on. */
export const GENERAL_SANITY_FILE = fileURLToPath(new URL('./eval/general-sanity.tsv', import.meta.url));

/** One split of the project's corpus (train.tsv, dev.tsv, test.tsv: committed). */
export function readSplit(split: Split): LabelledText[] {
  return readLabelledFile(fileURLToPath(new URL(`./${split}.tsv`, import.meta.url)));
}

/** A labelled TSV anywhere; it must be well formed. */
export function readLabelledFile(file: string): LabelledText[] {
  if (!existsSync(file)) throw new Error(`${file} not found`);
  const { rows, problems } = parseLabelled(readFileSync(file, 'utf8'), file);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return rows;
}
