import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../accounts/user.entity.js';
import type { TokenService } from '../accounts/token.js';
import type { Config } from '../config.js';
import type { ThreadEventHub } from '../dialogue/live-hub.js';
import type { ToneScorer } from '../language/index.js';
import type { TrackingCodes } from '../dialogue/tracking-code.js';
import type { WorkingCalendar } from '../dialogue/working-time.js';
import type { EventBus } from './event-bus.js';
import type { LiveChannel } from './live/live-subscription.js';
import type { Logger } from './logger.js';
import type { BlobStore } from './media/blob-store.js';
import type { SignedUrls } from './media/signed-urls.js';
import type { Metrics } from './metrics.js';
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
  /** Working days and hours, with public holidays and the days the government declared: every deadline. */
  calendar: WorkingCalendar;
  /** Live delivery of the thread event log to this instance's subscribers. */
  live: ThreadEventHub;
  /** Where attachment bytes are kept, and the short-lived links to them. */
  media: { blobs: BlobStore; urls: SignedUrls };
  /** This instance's Prometheus metrics (`/metrics`). */
  metrics: Metrics;
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
  /**
   * Shows texts as written, personal data included, whatever the viewer: for contexts that render
   * for an audience entitled to it (live delivery to a thread's staff or author). Unset, each text
   * is shown as written only to whom `readsPersonalData` allows (dialogue/thread-access.ts).
   */
  showPersonalData?: boolean;
}
