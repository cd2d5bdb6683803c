import type { EntityManager } from '@mikro-orm/postgresql';
import { RoutingRule } from '../dialogue/routing-rule.entity.js';
import { Category } from '../units/category.entity.js';
import { Unit } from '../units/unit.entity.js';
import { findCycle, vietnamMidnight } from './reorganisation-plan.js';
import { ImportError, type ImportProblem, type ImportRecord, type RuleRecord, type UnitRecord } from './unit-import.js';

export interface ImportReport {
  dryRun: boolean;
  units: { created: string[]; updated: string[]; unchanged: number };
  categories: { created: string[]; updated: string[]; unchanged: number };
  rules: { created: string[]; updated: string[]; unchanged: number };
}

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

const ruleName = (rule: { category: string | null; place: string | null; unit: string }) =>
  `${rule.category ?? '*'} @ ${rule.place ?? '*'} → ${rule.unit}`;

/**
 * Loads a unit list, fields and routing rules in one transaction. Idempotent: what already
 * matches is left alone and counted as unchanged; nothing is deleted. Any problem, reported with
 * its line, rolls everything back.
 */
export async function importUnits(em: EntityManager, records: ImportRecord[], dryRun: boolean): Promise<ImportReport> {
  try {
    return await em.transactional(async (tx) => {
      const report = await apply(tx, records);
      if (dryRun) throw new DryRun({ ...report, dryRun: true });
      return report;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}

async function apply(tx: EntityManager, records: ImportRecord[]): Promise<ImportReport> {
  const problems: ImportProblem[] = [];
  const units = await tx.find(Unit, {});
  const unitByCode = new Map(units.map((unit) => [unit.code, unit]));
  const codeById = new Map(units.map((unit) => [unit.id, unit.code]));
  const parentCode = (unit: Unit) => (unit.parent ? (codeById.get(unit.parent.id) ?? null) : null);
  const categories = await tx.find(Category, {});
  const categoryByCode = new Map(categories.map((category) => [category.code, category]));

  const unitRecords = records.filter((record): record is UnitRecord => record.record === 'unit');
  const seen = new Map<string, number>();
  for (const record of unitRecords) {
    const first = seen.get(record.code);
    if (first) problems.push({ line: record.line, message: `unit ${record.code} is already on line ${first}` });
    else seen.set(record.code, record.line);
    const existing = unitByCode.get(record.code);
    if (existing?.validTo) {
      problems.push({ line: record.line, message: `unit ${record.code} is history since a reorganisation` });
    }
    if (record.validFrom && !vietnamMidnight(record.validFrom)) {
      problems.push({ line: record.line, message: `unit ${record.code}: valid_from is not a day of the calendar` });
    }
    if (record.parent) {
      const parentRecord = seen.has(record.parent) || unitRecords.some((other) => other.code === record.parent);
      const parentUnit = unitByCode.get(record.parent);
      if (!parentRecord && !parentUnit) {
        problems.push({ line: record.line, message: `unit ${record.code}: unknown parent ${record.parent}` });
      } else if (!parentRecord && parentUnit?.validTo) {
        problems.push({ line: record.line, message: `unit ${record.code}: parent ${record.parent} is history` });
      }
    }
  }
  // The tree after the import: the database's parents, with the file's over them.
  const parents = new Map<string, string | null>(units.map((unit) => [unit.code, parentCode(unit)]));
  for (const record of unitRecords) parents.set(record.code, record.parent);
  const cycle = findCycle(parents);
  if (cycle) {
    const onCycle: string[] = [];
    let at: string | null | undefined = cycle;
    do {
      onCycle.push(at!);
      at = parents.get(at!) ?? null;
    } while (at && at !== cycle);
    const lines = unitRecords.filter((record) => onCycle.includes(record.code));
    for (const record of lines) {
      problems.push({
        line: record.line,
        message: `unit ${record.code} is in a cycle of parents: ${onCycle.join(' → ')} → ${cycle}`,
      });
    }
  }

  const categoryRecords = records.filter((record) => record.record === 'category');
  const ruleRecords = records.filter((record): record is RuleRecord => record.record === 'rule');
  const fileUnits = new Set(unitRecords.map((record) => record.code));
  const fileCategories = new Set(categoryRecords.map((record) => record.code));
  const scopes = new Map<string, number>();
  for (const rule of ruleRecords) {
    const scope = `${rule.category ?? '*'}|${rule.place ?? '*'}`;
    const first = scopes.get(scope);
    if (first) problems.push({ line: rule.line, message: `a rule for the same field and place is on line ${first}` });
    else scopes.set(scope, rule.line);
    if (rule.category && !fileCategories.has(rule.category) && !categoryByCode.has(rule.category)) {
      problems.push({ line: rule.line, message: `rule: unknown field ${rule.category}` });
    }
    for (const [what, code] of [
      ['place', rule.place],
      ['unit', rule.unit],
    ] as const) {
      if (!code) continue;
      const unit = unitByCode.get(code);
      if (!fileUnits.has(code) && !unit) problems.push({ line: rule.line, message: `rule: unknown ${what} ${code}` });
      else if (!fileUnits.has(code) && unit?.validTo) {
        problems.push({ line: rule.line, message: `rule: ${what} ${code} is history since a reorganisation` });
      }
    }
  }
  if (problems.length > 0) throw new ImportError(problems.sort((a, b) => a.line - b.line));

  const report: ImportReport = {
    dryRun: false,
    units: { created: [], updated: [], unchanged: 0 },
    categories: { created: [], updated: [], unchanged: 0 },
    rules: { created: [], updated: [], unchanged: 0 },
  };
  for (const record of unitRecords) {
    const validFrom = record.validFrom ? vietnamMidnight(record.validFrom)! : undefined;
    const existing = unitByCode.get(record.code);
    if (!existing) {
      unitByCode.set(
        record.code,
        tx.create(Unit, { code: record.code, name: record.name, level: record.level, kind: record.kind, validFrom }),
      );
      report.units.created.push(record.code);
      continue;
    }
    const changes: string[] = [];
    if (existing.name !== record.name) {
      existing.formerNames = [...existing.formerNames, existing.name];
      existing.name = record.name;
      changes.push('name');
    }
    if (existing.level !== record.level) {
      existing.level = record.level;
      changes.push('level');
    }
    if (existing.kind !== record.kind) {
      existing.kind = record.kind;
      changes.push('kind');
    }
    if (validFrom && existing.validFrom?.getTime() !== validFrom.getTime()) {
      existing.validFrom = validFrom;
      changes.push('valid_from');
    }
    if ((parents.get(record.code) ?? null) !== parentCode(existing)) {
      changes.push('parent');
    }
    if (changes.length > 0) report.units.updated.push(`${record.code} (${changes.join(', ')})`);
    else report.units.unchanged++;
  }
  for (const record of unitRecords) {
    const unit = unitByCode.get(record.code)!;
    unit.parent = record.parent ? unitByCode.get(record.parent) : undefined;
  }

  for (const record of categoryRecords) {
    if (record.record !== 'category') continue;
    const existing = categoryByCode.get(record.code);
    if (!existing) {
      categoryByCode.set(
        record.code,
        tx.create(Category, { code: record.code, name: record.name, nameEn: record.nameEn }),
      );
      report.categories.created.push(record.code);
    } else if (existing.name !== record.name || existing.nameEn !== record.nameEn) {
      existing.name = record.name;
      existing.nameEn = record.nameEn;
      report.categories.updated.push(record.code);
    } else report.categories.unchanged++;
  }
  await tx.flush();

  const rules = await tx.find(RoutingRule, {}, { populate: ['category', 'place', 'unit'] });
  const ruleByScope = new Map(rules.map((rule) => [`${rule.category?.code ?? '*'}|${rule.place?.code ?? '*'}`, rule]));
  for (const record of ruleRecords) {
    const existing = ruleByScope.get(`${record.category ?? '*'}|${record.place ?? '*'}`);
    const unit = unitByCode.get(record.unit)!;
    if (!existing) {
      tx.create(RoutingRule, {
        category: record.category ? categoryByCode.get(record.category) : undefined,
        place: record.place ? unitByCode.get(record.place) : undefined,
        unit,
      });
      report.rules.created.push(ruleName(record));
    } else if (existing.unit.id !== unit.id) {
      existing.unit = unit;
      report.rules.updated.push(ruleName(record));
    } else report.rules.unchanged++;
  }
  await tx.flush();
  return report;
}
