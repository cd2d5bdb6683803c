import { Reorganisation } from './reorganisation.entity.js';
import { ReorganisationResolver } from './reorganisation.resolver.js';

export { Reorganisation };
export const entities = [Reorganisation];
export const resolvers = [ReorganisationResolver] as const;
