import type { ReorganisationInput, UnitKind, UnitLevel } from '../graphql/generated';

/** What the reorganisation page's form holds; one merger, one renaming and one move at most. */
export interface ReorganisationForm {
  decisionReference: string;
  effectiveOn: string;
  sourceIds: string[];
  target: 'existing' | 'new';
  intoUnitId: string;
  newUnit: { code: string; name: string; level: UnitLevel; kind: UnitKind; parentCode: string };
  rename: { unitId: string; name: string };
  move: { unitId: string; parentCode: string };
}

export function emptyForm(today: string): ReorganisationForm {
  return {
    decisionReference: '',
    effectiveOn: today,
    sourceIds: [],
    target: 'new',
    intoUnitId: '',
    newUnit: { code: '', name: '', level: 'COMMUNE', kind: 'GOVERNMENT', parentCode: '' },
    rename: { unitId: '', name: '' },
    move: { unitId: '', parentCode: '' },
  };
}

/** The mutation input for a form: the parts left empty are left out. */
export function toInput(form: ReorganisationForm): ReorganisationInput {
  const merge =
    form.sourceIds.length === 0
      ? null
      : form.target === 'existing'
        ? { unitIds: form.sourceIds, intoUnitId: form.intoUnitId || null }
        : {
            unitIds: form.sourceIds,
            newUnit: {
              ...form.newUnit,
              code: form.newUnit.code.trim(),
              name: form.newUnit.name.trim(),
              parentCode: form.newUnit.parentCode || null,
            },
          };
  return {
    decisionReference: form.decisionReference.trim(),
    effectiveOn: form.effectiveOn,
    merges: merge ? [merge] : [],
    renames: form.rename.unitId ? [{ unitId: form.rename.unitId, name: form.rename.name.trim() }] : [],
    moves: form.move.unitId ? [{ unitId: form.move.unitId, parentCode: form.move.parentCode }] : [],
  };
}
