import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import { logStaffReads } from '../dialogue/access-log.js';
import { shownText } from '../dialogue/personal-data.js';
import { readableWhere } from '../dialogue/thread-access.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError } from '../shared/errors.js';
import { Notification, NotificationSettings, PushSubscription } from './notification.entity.js';
import { NotificationSettingsInput, PushSubscriptionInput } from './notification.input.js';
import { NotificationSettingsView } from './notification-settings.type.js';
import { NotificationQueueStats, notificationQueueStats } from './queue-stats.js';

const PAGE_LIMIT = 100;

/**
 * A viewer's notifications about threads they may still read (dialogue/thread-access.ts): one
 * told of a private thread that has since moved to another unit no longer sees it listed.
 */
function yours(viewer: User): FilterQuery<Notification> {
  const readable = readableWhere(viewer);
  return Object.keys(readable).length === 0 ? { user: viewer.id } : { user: viewer.id, thread: readable };
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => [Notification], { description: 'Your notifications, newest first.' })
  async notifications(
    @Arg('first', () => Int, { defaultValue: 20, description: `How many, at most ${PAGE_LIMIT}.` }) first: number,
    @Arg('before', () => ID, { nullable: true, description: 'Only those older than this notification id.' })
    before: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Notification[]> {
    if (first < 1 || first > PAGE_LIMIT) throw new BadUserInputError(`first must be 1 to ${PAGE_LIMIT}.`, 'first');
    if (before != null && !/^\d{1,18}$/.test(before))
      throw new BadUserInputError('before must be a notification id.', 'before');
    const page = await ctx.em.find(
      Notification,
      before ? { $and: [yours(ctx.viewer!), { id: { $lt: before } }] } : yours(ctx.viewer!),
      { orderBy: { id: 'desc' }, limit: first, populate: ['thread'] },
    );
    // The list shows each thread's title: staff reading private threads are logged as for `threads`.
    await logStaffReads(
      ctx,
      page.map((notification) => notification.thread),
      'notifications',
    );
    return page;
  }

  @FieldResolver(() => String, {
    description: "The thread's title; personal data masked unless you may read it (as on the thread).",
  })
  threadTitle(@Root() notification: Notification, @Ctx() ctx: Context): Promise<string> {
    return shownText(ctx, notification.thread, notification.thread.title);
  }

  @Authorized()
  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.em.count(Notification, { $and: [yours(ctx.viewer!), { readAt: null }] });
  }

  @Authorized()
  @Mutation(() => Int, {
    description: 'Marks your notifications read (these ids, or all); returns the unread count left.',
  })
  async markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true, description: 'Which; omit to mark all read.' })
    ids: string[] | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<number> {
    if (ids && (ids.length > PAGE_LIMIT || ids.some((id) => !/^\d{1,18}$/.test(id)))) {
      throw new BadUserInputError(`ids must be at most ${PAGE_LIMIT} notification ids.`, 'ids');
    }
    const where = { user: ctx.viewer!.id, readAt: null, ...(ids ? { id: { $in: ids } } : {}) };
    await ctx.em.nativeUpdate(Notification, where, { readAt: new Date() });
    return ctx.em.count(Notification, { $and: [yours(ctx.viewer!), { readAt: null }] });
  }

  @Authorized()
  @Query(() => NotificationSettingsView, { description: 'How you hear about threads.' })
  async notificationSettings(@Ctx() ctx: Context): Promise<NotificationSettingsView> {
    const settings = await ctx.em.findOne(NotificationSettings, { user: ctx.viewer!.id });
    return view(settings ?? ctx.em.create(NotificationSettings, { user: ctx.viewer! }, { persist: false }));
  }

  @Authorized()
  @Mutation(() => NotificationSettingsView, { description: 'Chooses your channels and language.' })
  async updateNotificationSettings(
    @Arg('input', () => NotificationSettingsInput, { description: 'What to change.' }) input: NotificationSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<NotificationSettingsView> {
    const settings =
      (await ctx.em.findOne(NotificationSettings, { user: ctx.viewer!.id })) ??
      ctx.em.create(NotificationSettings, { user: ctx.viewer! });
    if (input.email !== undefined && input.email !== null) settings.email = input.email;
    if (input.push !== undefined && input.push !== null) settings.push = input.push;
    if (input.digest !== undefined && input.digest !== null) settings.digest = input.digest;
    if (input.language) settings.language = input.language;
    await ctx.em.flush();
    return view(settings);
  }

  @Query(() => String, {
    nullable: true,
    description: "The server's VAPID public key for PushManager.subscribe (applicationServerKey).",
  })
  pushPublicKey(@Ctx() ctx: Context): string | null {
    return ctx.services.pushPublicKey;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Registers this browser for Web Push; returns true.' })
  async registerPushSubscription(
    @Arg('input', () => PushSubscriptionInput, { description: 'The subscription.' }) input: PushSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    // The same browser signing in as someone else takes its subscription along.
    await ctx.em.execute(
      `insert into push_subscriptions (endpoint, user_id, p256dh, auth, created_at) values (?, ?, ?, ?, now())
       on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth`,
      [input.endpoint, ctx.viewer!.id, input.p256dh, input.auth],
    );
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Stops Web Push to this browser; returns whether it was registered.' })
  async unregisterPushSubscription(
    @Arg('endpoint', () => String, { description: 'The subscription’s endpoint.' }) endpoint: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return (await ctx.em.nativeDelete(PushSubscription, { endpoint, user: ctx.viewer!.id })) > 0;
  }

  @Authorized(Role.ADMIN)
  @Query(() => NotificationQueueStats, {
    description: 'Administrators: the notification outbox (backlog, oldest, failures).',
  })
  notificationQueue(@Ctx() ctx: Context): Promise<NotificationQueueStats> {
    return notificationQueueStats(ctx.em);
  }
}

function view(settings: NotificationSettings): NotificationSettingsView {
  return Object.assign(new NotificationSettingsView(), {
    email: settings.email,
    push: settings.push,
    digest: settings.digest,
    language: settings.language,
  });
}
