import { AccessLogResolver } from './access-log.resolver.js';
import { ThreadAccessRecord } from './access-log.entity.js';
import { Attachment } from './attachment.entity.js';
import { AttachmentResolver, MessageAttachmentsResolver, ThreadAttachmentsResolver } from './attachment.resolver.js';
import { Message } from './message.entity.js';
import { MessageTextResolver, ThreadEventTextResolver, ThreadTextResolver } from './personal-data.resolver.js';
import { RoutingRule } from './routing-rule.entity.js';
import { RoutingResolver } from './routing.resolver.js';
import { Support } from './support.entity.js';
import { ThreadContact } from './thread-contact.entity.js';
import { ThreadEvent } from './thread-event.entity.js';
import { ThreadEventsResolver } from './thread-events.resolver.js';
import { Thread } from './thread.entity.js';
import { ThreadDeadlineResolver } from './thread-deadline.resolver.js';
import { ThreadResolver } from './thread.resolver.js';
import { ReplyTemplate } from './reply-template.entity.js';
import { ThreadRead } from './thread-read.entity.js';
import { ThreadUnreadResolver } from './thread-unread.js';
import { ReplyTemplateResolver } from './reply-template.resolver.js';
import { ThreadAssignmentResolver, ThreadEventAssigneeResolver } from './thread-assignment.js';

export { Attachment, Message, RoutingRule, Support, Thread, ThreadContact, ThreadEvent };
export const entities = [
  Thread,
  Message,
  ThreadEvent,
  RoutingRule,
  Support,
  ThreadAccessRecord,
  Attachment,
  ThreadContact,
  ReplyTemplate,
  ThreadRead,
];
export const resolvers = [
  ThreadResolver,
  ThreadDeadlineResolver,
  RoutingResolver,
  ThreadEventsResolver,
  ThreadTextResolver,
  MessageTextResolver,
  ThreadEventTextResolver,
  AccessLogResolver,
  AttachmentResolver,
  ThreadAttachmentsResolver,
  MessageAttachmentsResolver,
  ThreadAssignmentResolver,
  ThreadEventAssigneeResolver,
  ReplyTemplateResolver,
  ThreadUnreadResolver,
] as const;
