import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/user.entity.js';
import type { TokenService } from '../accounts/token.js';
import type { Config } from '../config.js';
import type { ThreadEventHub } from '../dialogue/live-hub.js';
import type { ToneScorer } from '../language/index.js';
import type { TrackingCodes } from '../dialogue/tracking-code.js';
import type { EventBus } from './event-bus.js';
import type { LiveChannel } from './live/live-subscription.js';
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
  /** Scores the tone of what citizens write; the stored row names it. */
  scorer: ToneScorer;
  /** Live delivery of the thread event log to this instance's subscribers. */
  live: ThreadEventHub;
  /** The VAPID public key browsers subscribe to Web Push with. */
  pushPublicKey: string | null;
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
  /** Set on WebSocket operations: where a live subscription writes its events. */
  live?: LiveChannel;
}
