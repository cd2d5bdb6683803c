import type { CatalogUnit } from './places';

export interface UnitTreeOption {
  unit: CatalogUnit;
  /** 0 for the root (the district), 1 for its children, and so on. */
  depth: number;
}

/** The unit tree flattened in reading order (each unit followed by its children, by name). */
export function unitTreeOptions(all: readonly CatalogUnit[]): UnitTreeOption[] {
  // Units a reorganisation ended are history: nothing is sent to them any more.
  const units = all.filter((unit) => unit.isCurrent !== false);
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, CatalogUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const options: UnitTreeOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    const sorted = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const unit of sorted) {
      options.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}
