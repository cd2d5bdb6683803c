import type { CatalogQuery } from '../graphql/generated';

export type CatalogUnit = CatalogQuery['units'][number];

export interface PlaceGroup {
  commune: CatalogUnit;
  villages: CatalogUnit[];
}

const byName = (a: CatalogUnit, b: CatalogUnit) => a.name.localeCompare(b.name, 'vi');

/** A place as people say it: "UBND xã Phi Tô" is the body, "xã Phi Tô" the place. */
export function placeName(name: string): string {
  return name.replace(/^UBND\s+/u, '');
}

/**
 * The places a thread can be about, from the unit tree: each commune or town (its People's
 * Committee stands for the place) with its villages. Communes' other bodies (police, Front) are
 * not places.
 */
export function placeGroups(units: readonly CatalogUnit[]): PlaceGroup[] {
  const communes = units.filter((unit) => unit.level === 'COMMUNE' && unit.kind === 'GOVERNMENT');
  const ids = new Set(communes.map((unit) => unit.id));
  const villages = new Map<string, CatalogUnit[]>();
  for (const unit of units) {
    if (unit.level !== 'VILLAGE' || !unit.parentId || !ids.has(unit.parentId)) continue;
    villages.set(unit.parentId, [...(villages.get(unit.parentId) ?? []), unit]);
  }
  return [...communes].sort(byName).map((commune) => ({
    commune,
    villages: (villages.get(commune.id) ?? []).sort(byName),
  }));
}
