// `npm run corpus:split`: reads the writers' files in server/src/language/corpus/raw/, reports and
// skips malformed lines, and writes train.tsv, dev.tsv and test.tsv beside them (committed: they,
// not this script's next run, are the split the model and the bench use).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { formatLabelled, parseLabelled, splitCorpus, type Split } from '../language/corpus/corpus.js';
import { TONES } from '../language/tone.js';

const corpus = path.join(projectRoot, 'server/src/language/corpus');
const raw = path.join(corpus, 'raw');
const files = readdirSync(raw)
  .filter((name) => name.endsWith('.tsv'))
  .sort()
  .map((file) => {
    const name = file.replace(/\.tsv$/, '');
    const { rows, problems } = parseLabelled(readFileSync(path.join(raw, file), 'utf8'), name);
    for (const problem of problems) console.warn(`skipped ${problem}`);
    return { name, rows };
  });
const { splits, duplicates, moved } = splitCorpus(files);
if (duplicates.length > 0) console.warn(`dropped ${duplicates.length} exact duplicates: ${duplicates.join(', ')}`);
if (moved.length > 0) console.warn(`moved ${moved.length} near duplicates to train: ${moved.join(', ')}`);
for (const { name, rows } of files) console.log(`${name}: ${rows.length} texts`);
for (const split of ['train', 'dev', 'test'] as Split[]) {
  const rows = splits[split];
  writeFileSync(path.join(corpus, `${split}.tsv`), formatLabelled(rows));
  const counts = TONES.map((tone) => `${tone} ${rows.filter((row) => row.label === tone).length}`).join(', ');
  console.log(`${split}: ${rows.length} texts (${counts})`);
}
