import type { CatalogQuery } from '../graphql/generated';

export type CatalogUnit = CatalogQuery['units'][number];

export interface PlaceGroup {
  commune: CatalogUnit;
  villages: CatalogUnit[];
}

const byName = (a: CatalogUnit, b: CatalogUnit) => a.placeName.localeCompare(b.placeName, 'vi');

/**
 * The places a thread can be about today, from the unit tree (`isPlace`, `isCurrent`, named by `placeName`): each
 * commune or town with its villages. Communes' other bodies (police, Front) are not places.
 */
export function placeGroups(units: readonly CatalogUnit[]): PlaceGroup[] {
  const communes = units.filter((unit) => unit.isPlace && unit.isCurrent !== false && unit.level === 'COMMUNE');
  const ids = new Set(communes.map((unit) => unit.id));
  const villages = new Map<string, CatalogUnit[]>();
  for (const unit of units) {
    if (
      !unit.isPlace ||
      unit.isCurrent === false ||
      unit.level !== 'VILLAGE' ||
      !unit.parentId ||
      !ids.has(unit.parentId)
    )
      continue;
    villages.set(unit.parentId, [...(villages.get(unit.parentId) ?? []), unit]);
  }
  return [...communes].sort(byName).map((commune) => ({
    commune,
    villages: (villages.get(commune.id) ?? []).sort(byName),
  }));
}

/** Communes a reorganisation merged away: not offered for new posts, but their threads can be found. */
export function formerCommunes(units: readonly CatalogUnit[]): CatalogUnit[] {
  return units.filter((unit) => unit.isPlace && unit.isCurrent === false && unit.level === 'COMMUNE').sort(byName);
}
