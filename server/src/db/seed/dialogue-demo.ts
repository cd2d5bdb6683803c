import type { EntityManager } from '@mikro-orm/postgresql';
import { RoutingRule } from '../../dialogue/routing-rule.entity.js';
import type { Category } from '../../units/category.entity.js';
import type { Unit } from '../../units/unit.entity.js';
import { routingRules } from './lam-ha.js';

/** The demo routing rules: district departments by field, communes and villages for local matters. */
export function seedDialogueDemo(
  tx: EntityManager,
  units: Map<string, Unit>,
  categories: Map<string, Category>,
): number {
  const find = <T>(map: Map<string, T>, code: string): T => {
    const found = map.get(code);
    if (!found) throw new Error(`demo routing rule names unknown code ${code}`);
    return found;
  };
  for (const [categoryCode, placeCode, unitCode] of routingRules) {
    tx.create(RoutingRule, {
      category: categoryCode ? find(categories, categoryCode) : undefined,
      place: placeCode ? find(units, placeCode) : undefined,
      unit: find(units, unitCode),
    });
  }
  return routingRules.length;
}
