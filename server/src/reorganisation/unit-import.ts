// Reads a province's unit list (and its fields and routing rules) from CSV or JSON into records
// that carry the line they came from, so every later complaint can name it. No I/O here.
import { parse } from 'csv-parse/sync';
import { UnitKind, UnitLevel } from '../units/unit.entity.js';

export interface UnitRecord {
  record: 'unit';
  line: number;
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  parent: string | null;
  validFrom: string | null;
}
export interface CategoryRecord {
  record: 'category';
  line: number;
  code: string;
  name: string;
  nameEn: string;
}
export interface RuleRecord {
  record: 'rule';
  line: number;
  category: string | null;
  place: string | null;
  unit: string;
}
export type ImportRecord = UnitRecord | CategoryRecord | RuleRecord;

export interface ImportProblem {
  line: number;
  message: string;
}

export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((problem) => `line ${problem.line}: ${problem.message}`).join('\n'));
  }
}

export const CSV_COLUMNS = [
  'record',
  'code',
  'name',
  'name_en',
  'level',
  'kind',
  'parent',
  'valid_from',
  'category',
  'place',
  'unit',
] as const;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const blank = (value: string | undefined) => (value ?? '').trim();
const optional = (value: string | undefined) => {
  const text = blank(value);
  return text === '' || text === '*' ? null : text;
};

function toRecord(row: Row, line: number, problems: ImportProblem[]): ImportRecord | null {
  const complain = (message: string) => {
    problems.push({ line, message });
    return null;
  };
  const kind = blank(row.record).toLowerCase();
  if (kind === 'unit') {
    const code = blank(row.code);
    const name = blank(row.name);
    const level = blank(row.level).toUpperCase();
    const unitKind = blank(row.kind).toUpperCase();
    const validFrom = optional(row.valid_from);
    if (!CODE.test(code)) return complain(`unit code "${code}" must be 1-64 letters, digits, ".", "_" or "-"`);
    if (!name || name.length > 200) return complain(`unit ${code} needs a name of 1-200 characters`);
    if (!(level in UnitLevel))
      return complain(`unit ${code}: level must be one of ${Object.keys(UnitLevel).join(', ')}`);
    if (!(unitKind in UnitKind))
      return complain(`unit ${code}: kind must be one of ${Object.keys(UnitKind).join(', ')}`);
    if (validFrom && !DAY.test(validFrom)) return complain(`unit ${code}: valid_from must be a date YYYY-MM-DD`);
    const parent = optional(row.parent);
    if (parent === code) return complain(`unit ${code} cannot be its own parent`);
    return {
      record: 'unit',
      line,
      code,
      name,
      level: level as UnitLevel,
      kind: unitKind as UnitKind,
      parent,
      validFrom,
    };
  }
  if (kind === 'category') {
    const code = blank(row.code);
    const name = blank(row.name);
    const nameEn = blank(row.name_en);
    if (!CODE.test(code)) return complain(`field code "${code}" must be 1-64 letters, digits, ".", "_" or "-"`);
    if (!name || !nameEn) return complain(`field ${code} needs a name and a name_en`);
    return { record: 'category', line, code, name, nameEn };
  }
  if (kind === 'rule') {
    const unit = blank(row.unit);
    if (!unit) return complain('a rule needs the unit that receives the threads');
    return { record: 'rule', line, category: optional(row.category), place: optional(row.place), unit };
  }
  return complain(`record must be "unit", "category" or "rule", not "${blank(row.record)}"`);
}

function readCsv(text: string, problems: ImportProblem[]): Array<{ row: Row; line: number }> {
  let rows: Array<{ record: Row; info: { lines: number } }>;
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as Array<{ record: Row; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({ line, message: `not valid CSV: ${(error as Error).message}` });
    return [];
  }
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .toLowerCase();
  if (!header.split(',').some((name) => name.trim() === 'record')) {
    problems.push({ line: 1, message: `the header must name the columns: ${CSV_COLUMNS.join(',')}` });
    return [];
  }
  return rows.map(({ record, info }) => ({ row: record, line: info.lines }));
}

/** JSON: `{ "units": [...], "categories": [...], "routingRules": [...] }`; lines are where each item starts. */
function readJson(text: string, problems: ImportProblem[]): Array<{ row: Row; line: number }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    problems.push({ line: 1, message: `not valid JSON: ${(error as Error).message}` });
    return [];
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ line: 1, message: 'the file must be an object with "units", "categories" and "routingRules"' });
    return [];
  }
  const starts = itemLines(text);
  const rows: Array<{ row: Row; line: number }> = [];
  const sections: Array<[string, 'unit' | 'category' | 'rule']> = [
    ['units', 'unit'],
    ['categories', 'category'],
    ['routingRules', 'rule'],
  ];
  for (const [key, record] of sections) {
    const items = (data as Record<string, unknown>)[key];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      problems.push({ line: 1, message: `"${key}" must be a list` });
      continue;
    }
    items.forEach((item, index) => {
      const line = starts.get(`${key}.${index}`) ?? 1;
      if (!item || typeof item !== 'object') {
        problems.push({ line, message: `${key}[${index}] must be an object` });
        return;
      }
      const value = item as Record<string, unknown>;
      const text = (name: string) => (value[name] == null ? undefined : String(value[name]));
      rows.push({
        line,
        row: {
          record,
          code: text('code'),
          name: text('name'),
          name_en: text('nameEn'),
          level: text('level'),
          kind: text('kind'),
          parent: text('parent'),
          valid_from: text('validFrom'),
          category: text('category'),
          place: text('place'),
          unit: text('unit'),
        },
      });
    });
  }
  return rows;
}

/**
 * The line on which each item of the top-level lists starts (`units.0` → 3). A small scanner over
 * the text JSON.parse has already accepted: it tracks strings, depth and the current list's key.
 */
function itemLines(text: string): Map<string, number> {
  const found = new Map<string, number>();
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastString = '';
  let current = '';
  let listKey: string | null = null;
  let index = -1;
  let expectingItem = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') {
        current += text[at + 1] ?? '';
        at++;
      } else if (char === '"') {
        inString = false;
        lastString = current;
      } else current += char;
      continue;
    }
    if (char === '"') {
      inString = true;
      current = '';
      if (expectingItem && depth === 2) {
        found.set(`${listKey}.${++index}`, line);
        expectingItem = false;
      }
    } else if (char === '[' || char === '{') {
      if (char === '[' && depth === 1) {
        listKey = lastString;
        index = -1;
        expectingItem = true;
      } else if (expectingItem && depth === 2) {
        found.set(`${listKey}.${++index}`, line);
        expectingItem = false;
      }
      depth++;
    } else if (char === ']' || char === '}') {
      depth--;
      if (depth === 1) expectingItem = false;
    } else if (char === ',' && depth === 2 && listKey) {
      expectingItem = true;
    } else if (!/\s/.test(char) && expectingItem && depth === 2) {
      found.set(`${listKey}.${++index}`, line);
      expectingItem = false;
    }
  }
  return found;
}

/** The records of a file, or an ImportError listing every problem by line. */
export function readImportFile(text: string, format: 'csv' | 'json'): ImportRecord[] {
  const problems: ImportProblem[] = [];
  const rows = format === 'csv' ? readCsv(text, problems) : readJson(text, problems);
  const records = rows
    .map(({ row, line }) => toRecord(row, line, problems))
    .filter((record): record is ImportRecord => record !== null);
  if (problems.length > 0) throw new ImportError(problems);
  return records;
}
