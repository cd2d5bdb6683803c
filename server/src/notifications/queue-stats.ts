import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { EVENTS_RECORDED_TASK } from '../dialogue/event-log.js';
import { JOB_QUEUE_SCHEMA } from '../shared/job-queue.js';
import { DELIVER_TASK } from './fan-out.js';

/** The notification outbox at a glance: the figures a /metrics endpoint exports as gauges. */
@ObjectType({ description: 'How the notification outbox is doing, across every instance.' })
export class NotificationQueueStats {
  @Field(() => Int, { description: 'Jobs waiting or running (fan-outs and deliveries), retries included.' })
  backlog!: number;

  @Field(() => Float, { description: 'Age in seconds of the oldest job still waiting; 0 when none waits.' })
  oldestAgeSeconds!: number;

  @Field(() => Int, { description: 'Jobs that failed at least once and will be retried (with backoff).' })
  retrying!: number;

  @Field(() => Int, { description: 'Jobs that used up their attempts; they stay for an operator to look at.' })
  failed!: number;

  @Field(() => Int, { description: 'Notifications sent on an outside channel (e-mail, push) in the last 24 hours.' })
  sentLastDay!: number;
}

/** One query over graphile-worker's jobs view and our delivery records. */
export async function notificationQueueStats(em: EntityManager): Promise<NotificationQueueStats> {
  const [row] = await em.execute<
    Array<{ backlog: number; oldest: number | null; retrying: number; failed: number; sent: number }>
  >(
    `select count(*) filter (where j.attempts < j.max_attempts)::int as backlog,
            extract(epoch from now() - min(j.created_at) filter (where j.attempts < j.max_attempts))::float as oldest,
            count(*) filter (where j.attempts > 0 and j.attempts < j.max_attempts)::int as retrying,
            count(*) filter (where j.attempts >= j.max_attempts)::int as failed,
            (select count(*)::int from notification_deliveries where sent_at > now() - interval '1 day') as sent
       from ${JOB_QUEUE_SCHEMA}.jobs j
      where j.task_identifier in (?, ?)`,
    [EVENTS_RECORDED_TASK, DELIVER_TASK],
  );
  return Object.assign(new NotificationQueueStats(), {
    backlog: row?.backlog ?? 0,
    oldestAgeSeconds: Math.max(0, row?.oldest ?? 0),
    retrying: row?.retrying ?? 0,
    failed: row?.failed ?? 0,
    sentLastDay: row?.sent ?? 0,
  });
}
