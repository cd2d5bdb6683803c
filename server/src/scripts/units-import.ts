// `npm run units:import -- <file.csv|file.json> [--dry-run]`: loads a province's unit list, fields
// and routing rules (format in README "Setting up a province's tree"). Validated first, applied
// in one transaction, idempotent; prints what changed. Works on DATABASE_URL or the embedded database.
import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/orm.js';
import { importUnits, type ImportReport } from '../reorganisation/unit-import.service.js';
import { ImportError, readImportFile } from '../reorganisation/unit-import.js';
import { createLogger } from '../shared/logger.js';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const file = args.find((arg) => !arg.startsWith('--'));
if (!file || !/\.(csv|json)$/i.test(file)) {
  console.error('usage: npm run units:import -- <file.csv|file.json> [--dry-run]');
  process.exit(2);
}

const section = (name: string, part: ImportReport['units']) =>
  [
    `${name}: ${part.created.length} created, ${part.updated.length} updated, ${part.unchanged} unchanged`,
    ...part.created.map((item) => `  + ${item}`),
    ...part.updated.map((item) => `  ~ ${item}`),
  ].join('\n');

try {
  const records = readImportFile(readFileSync(file, 'utf8'), file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  // The import signs no tokens: a placeholder secret lets it run where only DATABASE_URL is set.
  const config = loadConfig({ JWT_SECRET: 'x'.repeat(32), ...process.env });
  const { orm, close } = await openDatabase(config, createLogger('warn'));
  try {
    // A new deployment imports its tree before the first start: the tables must exist.
    await migrate(orm);
    const report = await importUnits(orm.em.fork(), records, dryRun);
    console.log(
      [
        report.dryRun ? `${file}: dry run, nothing written` : `${file}: imported`,
        section('units', report.units),
        section('fields', report.categories),
        section('routing rules', report.rules),
      ].join('\n'),
    );
  } finally {
    await close();
  }
} catch (error) {
  if (error instanceof ImportError) {
    for (const problem of error.problems) console.error(`${file}:${problem.line}: ${problem.message}`);
    console.error(`${file}: ${error.problems.length} problem(s); nothing was imported`);
  } else console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
