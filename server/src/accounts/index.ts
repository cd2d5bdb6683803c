import { AccountResolver } from './account.resolver.js';
import { User } from './user.entity.js';

export { User };
export { Role } from './role.js';
export const entities = [User];
export const resolvers = [AccountResolver] as const;
