import { Message } from './message.entity.js';
import { RoutingRule } from './routing-rule.entity.js';
import { RoutingResolver } from './routing.resolver.js';
import { Support } from './support.entity.js';
import { ThreadContact } from './thread-contact.entity.js';
import { ThreadEvent } from './thread-event.entity.js';
import { ThreadEventsResolver } from './thread-events.resolver.js';
import { Thread } from './thread.entity.js';
import { ThreadResolver } from './thread.resolver.js';

export { Message, RoutingRule, Support, Thread, ThreadContact, ThreadEvent };
export const entities = [Thread, Message, ThreadEvent, RoutingRule, Support, ThreadContact];
export const resolvers = [ThreadResolver, RoutingResolver, ThreadEventsResolver] as const;
