import { AccountResolver } from './account.resolver.js';
import { Consent } from './consent.entity.js';
import { ConsentResolver } from './consent.resolver.js';
import { User } from './user.entity.js';

export { Consent, User };
export { Role } from './role.js';
export const entities = [User, Consent];
export const resolvers = [AccountResolver, ConsentResolver] as const;
