import { BadUserInputError } from '../shared/errors.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Unit } from './unit.entity.js';

/** A unit reduced to what following its history needs. */
export interface UnitLink {
  id: string;
  successorId: string | null;
  validTo: Date | null;
}

/**
 * The unit that stood for `unitId` at `moment`: follows successors while the unit had already
 * ended by then. With `moment` omitted, the unit that stands for it today. A chain that loops (it
 * cannot be written by a reorganisation, but a hand-edited database might) stops where it repeats.
 */
export function unitAsOf(links: ReadonlyMap<string, UnitLink>, unitId: string, moment?: Date): string {
  const seen = new Set<string>();
  let current = unitId;
  for (;;) {
    const link = links.get(current);
    if (!link || !link.successorId || seen.has(current)) return current;
    if (moment && link.validTo && link.validTo.getTime() > moment.getTime()) return current;
    seen.add(current);
    current = link.successorId;
  }
}

/** Units a reorganisation ended are read-only history: nothing new may be sent to or placed under them. */
export function assertCurrentUnit(unit: { name: string; validTo?: Date | null }, field: string): void {
  if (unit.validTo) {
    throw new BadUserInputError(`${unit.name} no longer exists since a reorganisation; choose its successor.`, field);
  }
}

/** The unit that stands for `unit` today: itself, or the last of its successors. */
export async function currentUnitOf(em: EntityManager, unit: Unit): Promise<Unit> {
  let current = unit;
  const seen = new Set<string>();
  while (current.validTo && current.successor && !seen.has(current.id)) {
    seen.add(current.id);
    current = await em.findOneOrFail(Unit, current.successor.id);
  }
  return current;
}
