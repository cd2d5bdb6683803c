import type { EntityClass } from '@mikro-orm/core';
import * as accounts from './accounts/index.js';
import * as campaign from './campaign/index.js';
import * as dialogue from './dialogue/index.js';
import * as monitoring from './monitoring/index.js';
import * as notifications from './notifications/index.js';
import * as privacy from './privacy/index.js';
import * as reorganisation from './reorganisation/index.js';
import * as units from './units/index.js';

/** Every domain module; the ORM config and the schema builder read their entities and resolvers from here. */
export const domains = [units, accounts, dialogue, campaign, monitoring, reorganisation, notifications, privacy];

export const entities: EntityClass<object>[] = domains.flatMap((domain): EntityClass<object>[] => domain.entities);
export const resolvers: Function[] = domains.flatMap((domain): Function[] => [...domain.resolvers]);
