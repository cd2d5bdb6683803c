import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/user.entity.js';
import type { TokenService } from '../accounts/token.js';
import type { Config } from '../config.js';
import type { TrackingCodes } from '../dialogue/tracking-code.js';
import type { EventBus } from './event-bus.js';
import type { Logger } from './logger.js';
import type { RateLimits } from './rate-limits.js';

/** Long-lived collaborators shared by every request of one server. */
export interface Services {
  config: Config;
  log: Logger;
  tokens: TokenService;
  limits: RateLimits;
  bus: EventBus;
  trackingCodes: TrackingCodes;
}

/** What every resolver receives: one EntityManager fork per HTTP request or WebSocket operation. */
export interface Context {
  em: EntityManager;
  viewer: User | null;
  requestId: string;
  clientIp: string;
  log: Logger;
  services: Services;
  /** Threads this operation may act on as their author because it showed their tracking code. */
  grants: Set<string>;
}
