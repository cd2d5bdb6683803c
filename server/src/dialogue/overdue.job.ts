import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../shared/event-bus.js';
import type { Logger } from '../shared/logger.js';
import { withEventLog } from './event-log.js';
import { ReasonCode } from './event-reason.js';
import { SYSTEM_NAME } from './posting.service.js';
import { ThreadEventType } from './thread-event.entity.js';
import { Thread } from './thread.entity.js';
import { OPEN_STATUSES, ThreadStatus } from './thread-status.js';

const BATCH = 100;

/**
 * Claims overdue threads through the database (FOR NO KEY UPDATE SKIP LOCKED, then marks them), so
 * every instance can run this job and each thread is marked and escalated exactly once.
 *
 * NO KEY UPDATE, not UPDATE: every insert of a row that references a thread (its events, a
 * notification, an access-log record) holds FOR KEY SHARE on the thread until it commits, which
 * FOR UPDATE conflicts with — the scan would skip a thread merely because the notification worker
 * was writing about it. The claim changes no key column, and NO KEY UPDATE still excludes the
 * other scans and every writer that locks the thread.
 */
const CLAIM = `
  select id from threads
  where (status = '${ThreadStatus.ROUTED}' and acknowledged_at is null and acknowledge_overdue_at is null
         and acknowledge_due_at < now())
     or (status in (${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')}) and answered_at is null
         and answer_overdue_at is null and answer_due_at < now())
  order by least(acknowledge_due_at, answer_due_at)
  limit ${BATCH}
  for no key update skip locked`;

export class OverdueWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {}

  start(intervalSeconds: number): void {
    this.timer = setInterval(() => {
      this.running = this.runOnce().catch((error: unknown) => this.log.error({ err: error }, 'overdue scan failed'));
    }, intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Marks and escalates one batch; returns how many threads it claimed. */
  runOnce(): Promise<number> {
    return withEventLog(this.orm.em.fork(), this.bus, async (tx, events) => {
      const rows = await tx.execute<Array<{ id: string }>>(CLAIM);
      if (rows.length === 0) return 0;
      const threads = await tx.find(
        Thread,
        { id: { $in: rows.map((row) => row.id) } },
        { populate: ['unit.parent', 'escalatedTo'] },
      );
      const now = new Date();
      for (const thread of threads) {
        const missed: Array<ReasonCode.ACKNOWLEDGE_OVERDUE | ReasonCode.ANSWER_OVERDUE> = [];
        if (
          thread.status === ThreadStatus.ROUTED &&
          !thread.acknowledgedAt &&
          !thread.acknowledgeOverdueAt &&
          thread.acknowledgeDueAt < now
        ) {
          thread.acknowledgeOverdueAt = now;
          missed.push(ReasonCode.ACKNOWLEDGE_OVERDUE);
        }
        if (!thread.answeredAt && !thread.answerOverdueAt && thread.answerDueAt < now) {
          thread.answerOverdueAt = now;
          missed.push(ReasonCode.ANSWER_OVERDUE);
        }
        for (const reasonCode of missed) {
          events.record(thread, { type: ThreadEventType.OVERDUE, actorName: SYSTEM_NAME, reasonCode });
        }
        if (missed.length > 0 && !thread.escalatedTo) {
          const parent = thread.unit.parent ?? thread.unit;
          thread.escalatedTo = parent;
          events.record(thread, {
            type: ThreadEventType.ESCALATED,
            actorName: SYSTEM_NAME,
            toUnit: parent,
            reasonCode: ReasonCode.ESCALATED_OVERDUE,
            reasonData: {
              missed: missed.length > 1 ? 'BOTH' : missed[0] === ReasonCode.ANSWER_OVERDUE ? 'ANSWER' : 'ACKNOWLEDGE',
            },
          });
        }
      }
      this.log.info({ claimed: threads.length }, 'overdue threads marked and escalated');
      return threads.length;
    });
  }
}
