// Checks a reorganisation against the unit tree before anything is written: every problem is a
// BAD_USER_INPUT naming the input field, so a refused reorganisation changes nothing.
import { BadUserInputError, ConflictError } from '../shared/errors.js';
import type { Unit } from '../units/unit.entity.js';
import type { NewUnitInput, ReorganisationInput } from './reorganisation.input.js';

export interface MergePlan {
  sources: Unit[];
  /** An existing unit, or the code of a unit this reorganisation creates. */
  target: Unit | { newCode: string };
}

export interface ReorganisationPlan {
  effectiveAt: Date;
  newUnits: NewUnitInput[];
  merges: MergePlan[];
  renames: Array<{ unit: Unit; name: string; level: Unit['level'] | null }>;
  moves: Array<{ unit: Unit; parentCode: string }>;
}

/** 00:00 in Vietnam (UTC+7, no daylight saving) on the given day; null for a day that does not exist. */
export function vietnamMidnight(day: string): Date | null {
  const at = new Date(`${day}T00:00:00+07:00`);
  if (Number.isNaN(at.getTime())) return null;
  const back = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return back === day ? at : null;
}

export function planReorganisation(input: ReorganisationInput, units: readonly Unit[], now: Date): ReorganisationPlan {
  const effectiveAt = vietnamMidnight(input.effectiveOn);
  if (!effectiveAt) throw new BadUserInputError('effectiveOn is not a day of the calendar.', 'effectiveOn');
  if (effectiveAt.getTime() > now.getTime()) {
    throw new BadUserInputError('A reorganisation is applied on or after the day it takes effect.', 'effectiveOn');
  }
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const current = (id: string, field: string): Unit => {
    const unit = byId.get(id);
    if (!unit) throw new BadUserInputError(`No unit has the id ${id}.`, field);
    if (unit.validTo)
      throw new BadUserInputError(`${unit.name} is already history since an earlier reorganisation.`, field);
    return unit;
  };

  const merges = input.merges ?? [];
  const newUnits = merges.flatMap((merge) => (merge.newUnit ? [merge.newUnit] : []));
  const newCodes = new Set<string>();
  for (const unit of newUnits) {
    if (byCode.has(unit.code) || newCodes.has(unit.code)) {
      throw new ConflictError(`A unit with the code ${unit.code} already exists.`, 'merges.newUnit.code');
    }
    if (!unit.name.trim()) throw new BadUserInputError('A new unit needs a name.', 'merges.newUnit.name');
    newCodes.add(unit.code);
  }
  const knownParent = (code: string, field: string) => {
    const existing = byCode.get(code);
    if (existing) current(existing.id, field);
    else if (!newCodes.has(code)) throw new BadUserInputError(`No unit has the code ${code}.`, field);
  };

  const sourceIds = new Set<string>();
  const mergePlans: MergePlan[] = merges.map((merge) => {
    if (!merge.intoUnitId === !merge.newUnit) {
      throw new BadUserInputError('A merger names either intoUnitId or newUnit.', 'merges');
    }
    const sources = merge.unitIds.map((id) => {
      if (sourceIds.has(id)) throw new BadUserInputError('A unit is merged once per reorganisation.', 'merges.unitIds');
      sourceIds.add(id);
      const unit = current(id, 'merges.unitIds');
      if (unit.validFrom && unit.validFrom.getTime() > effectiveAt.getTime()) {
        throw new BadUserInputError(`${unit.name} did not exist yet on ${input.effectiveOn}.`, 'effectiveOn');
      }
      return unit;
    });
    if (merge.newUnit) return { sources, target: { newCode: merge.newUnit.code } };
    return { sources, target: current(merge.intoUnitId!, 'merges.intoUnitId') };
  });
  for (const { target } of mergePlans) {
    if ('id' in target && sourceIds.has(target.id)) {
      throw new BadUserInputError(
        `${target.name} cannot both take over units and be merged away.`,
        'merges.intoUnitId',
      );
    }
  }
  for (const unit of newUnits) {
    if (!unit.parentCode) continue;
    knownParent(unit.parentCode, 'merges.newUnit.parentCode');
    const parent = byCode.get(unit.parentCode);
    if (parent && sourceIds.has(parent.id)) {
      throw new BadUserInputError(`${parent.name} is merged away in this reorganisation.`, 'merges.newUnit.parentCode');
    }
  }

  const touched = new Set<string>();
  const once = (unit: Unit, field: string) => {
    if (sourceIds.has(unit.id))
      throw new BadUserInputError(`${unit.name} is merged away in this reorganisation.`, field);
    if (touched.has(`${field}:${unit.id}`)) throw new BadUserInputError(`${unit.name} is named twice.`, field);
    touched.add(`${field}:${unit.id}`);
  };
  const renames = (input.renames ?? []).map((rename) => {
    const unit = current(rename.unitId, 'renames.unitId');
    once(unit, 'renames.unitId');
    const name = rename.name.trim();
    if (!name) throw new BadUserInputError('A renamed unit needs a name.', 'renames.name');
    return { unit, name, level: rename.level ?? null };
  });
  const moves = (input.moves ?? []).map((move) => {
    const unit = current(move.unitId, 'moves.unitId');
    once(unit, 'moves.unitId');
    knownParent(move.parentCode, 'moves.parentCode');
    const parent = byCode.get(move.parentCode);
    if (parent && sourceIds.has(parent.id)) {
      throw new BadUserInputError(`${parent.name} is merged away in this reorganisation.`, 'moves.parentCode');
    }
    return { unit, parentCode: move.parentCode };
  });
  if (mergePlans.length + renames.length + moves.length === 0) {
    throw new BadUserInputError('A reorganisation merges, renames or moves at least one unit.', 'merges');
  }
  return { effectiveAt, newUnits, merges: mergePlans, renames, moves };
}

/** The first unit whose chain of parents comes back to itself, if any. */
export function findCycle(parents: ReadonlyMap<string, string | null>): string | null {
  const safe = new Set<string>();
  for (const start of parents.keys()) {
    const path = new Set<string>();
    let at: string | null | undefined = start;
    while (at && !safe.has(at)) {
      if (path.has(at)) return at;
      path.add(at);
      at = parents.get(at) ?? null;
    }
    for (const id of path) safe.add(id);
  }
  return null;
}
