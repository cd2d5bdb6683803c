import { AccessLogResolver } from './access-log.resolver.js';
import { ThreadAccessRecord } from './access-log.entity.js';
import { Message } from './message.entity.js';
import { MessageTextResolver, ThreadEventTextResolver, ThreadTextResolver } from './personal-data.resolver.js';
import { RoutingRule } from './routing-rule.entity.js';
import { RoutingResolver } from './routing.resolver.js';
import { Support } from './support.entity.js';
import { ThreadEvent } from './thread-event.entity.js';
import { ThreadEventsResolver } from './thread-events.resolver.js';
import { Thread } from './thread.entity.js';
import { ThreadDeadlineResolver } from './thread-deadline.resolver.js';
import { ThreadResolver } from './thread.resolver.js';

export { Message, RoutingRule, Support, Thread, ThreadEvent };
export const entities = [Thread, Message, ThreadEvent, RoutingRule, Support, ThreadAccessRecord];
export const resolvers = [
  ThreadResolver,
  ThreadDeadlineResolver,
  RoutingResolver,
  ThreadEventsResolver,
  ThreadTextResolver,
  MessageTextResolver,
  ThreadEventTextResolver,
  AccessLogResolver,
] as const;
