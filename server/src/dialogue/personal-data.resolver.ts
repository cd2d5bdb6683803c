import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { Message } from './message.entity.js';
import { shownText } from './personal-data.js';
import { ThreadEvent } from './thread-event.entity.js';
import { Thread } from './thread.entity.js';

// The texts people write, shown as written only to whom `readsPersonalData` allows, masked for
// everyone else — over HTTP and in every live payload rendered with the same field resolvers.

@Resolver(() => Thread)
export class ThreadTextResolver {
  @FieldResolver(() => String, { description: 'Short title; personal data masked unless you may read it.' })
  title(@Root() thread: Thread, @Ctx() ctx: Context): Promise<string> {
    return shownText(ctx, thread, thread.title);
  }

  @FieldResolver(() => String, {
    description:
      'What the citizen wrote; phone numbers, e-mail addresses and ID numbers are masked (09xx xxx 678) unless you wrote it or work the thread.',
  })
  body(@Root() thread: Thread, @Ctx() ctx: Context): Promise<string> {
    return shownText(ctx, thread, thread.body);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The citizen's comment on the answer; personal data masked unless you may read it.",
  })
  ratingComment(@Root() thread: Thread, @Ctx() ctx: Context): Promise<string | null> {
    return shownText(ctx, thread, thread.ratingComment ?? null);
  }
}

@Resolver(() => Message)
export class MessageTextResolver {
  @FieldResolver(() => String, { description: 'The text; personal data masked unless you may read it.' })
  body(@Root() message: Message, @Ctx() ctx: Context): Promise<string> {
    return shownText(ctx, message.thread, message.body);
  }
}

@Resolver(() => ThreadEvent)
export class ThreadEventTextResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why: the routing rule, the transfer or rejection reason, the deadline missed; personal data masked unless you may read it.',
  })
  reason(@Root() event: ThreadEvent, @Ctx() ctx: Context): Promise<string | null> {
    return shownText(ctx, event.thread, event.reason ?? null);
  }
}
