import { NotificationResolver } from './notification.resolver.js';
import { Notification, NotificationDelivery, NotificationSettings, PushSubscription } from './notification.entity.js';

export { Notification, NotificationDelivery, NotificationSettings, PushSubscription };
export const entities = [Notification, NotificationDelivery, NotificationSettings, PushSubscription];
export const resolvers = [NotificationResolver] as const;
export { notificationQueueStats, NotificationQueueStats } from './queue-stats.js';
