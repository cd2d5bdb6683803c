// `npm run words:learn`: learns two- and three-syllable words from the corpus's train and dev texts and writes
// server/src/language/words/collocations.txt (committed), which the segmenter adds to its list.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { parseLabelled } from '../language/corpus/corpus.js';
import { learnCollocations } from '../language/words/collocations.js';
import { CIVIC_WORDS } from '../language/words/civic-words.js';
import { COLLOCATIONS_FILE, Segmenter } from '../language/words/segment.js';

const corpus = path.join(projectRoot, 'server/src/language/corpus');
const texts = ['train', 'dev'].flatMap((split) =>
  parseLabelled(readFileSync(path.join(corpus, `${split}.tsv`), 'utf8'), split).rows.map((row) => row.text),
);
const found = learnCollocations(texts, new Segmenter(CIVIC_WORDS));
writeFileSync(
  COLLOCATIONS_FILE,
  [
    '# Words of two and three syllables learned from the corpus by `npm run words:learn` (count, G², PMI): do not edit.',
    ...found.map((entry) => entry.words),
    '',
  ].join('\n'),
);
console.log(
  `${found.length} collocations from ${texts.length} texts → ${path.relative(projectRoot, COLLOCATIONS_FILE)}`,
);
for (const entry of found.slice(0, 20))
  console.log(`  ${entry.words.padEnd(20)} ${entry.count}\tG² ${entry.g2.toFixed(1)}\tPMI ${entry.pmi.toFixed(2)}`);
