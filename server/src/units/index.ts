import { Category } from './category.entity.js';
import { Unit } from './unit.entity.js';
import { UnitResolver } from './unit.resolver.js';

export { Category, Unit };
export const entities = [Unit, Category];
export const resolvers = [UnitResolver] as const;
