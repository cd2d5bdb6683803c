import type { MikroORM } from '@mikro-orm/postgresql';
import { run, type Runner, type Task } from 'graphile-worker';
import pg from 'pg';
import { EVENTS_RECORDED_TASK, type EventsRecordedPayload } from '../dialogue/event-log.js';
import { ThreadStatus } from '../dialogue/thread-status.js';
import { workerLogger } from '../shared/job-queue.js';
import type { Logger } from '../shared/logger.js';
import { deliver, type DeliveryDeps } from './deliver.js';
import { DIGEST_CRONTAB, DIGEST_TASK, sendDigests } from './digest.js';
import { DELIVER_TASK, fanOut, type DeliverPayload } from './fan-out.js';

export const CONTACT_SWEEP_TASK = 'notification-contact-sweep';

export interface WorkerSettings {
  /** Jobs this instance runs at once. */
  concurrency: number;
  /** Anonymous posters' contacts are erased this many days after they were left, whatever the thread's state. */
  contactRetentionDays: number;
  /** How often (ms) to look for jobs that LISTEN/NOTIFY did not announce (retries, scheduled jobs). */
  pollIntervalMs?: number;
}

/**
 * This instance's graphile-worker runner: it fans recorded thread events out into notifications
 * and delivers them. Every instance may run one; the queue hands each job to one of them.
 */
export class NotificationWorker {
  private constructor(
    private readonly runner: Runner,
    private readonly pool: pg.Pool,
  ) {}

  static async start(
    orm: MikroORM,
    deps: DeliveryDeps,
    settings: WorkerSettings,
    log: Logger,
  ): Promise<NotificationWorker> {
    const pool = new pg.Pool({ connectionString: orm.config.getClientUrl(), max: settings.concurrency + 2 });
    const fanOutTask: Task = async (payload) => {
      const { eventIds } = payload as EventsRecordedPayload;
      await orm.em.fork().transactional((tx) => fanOut(tx, eventIds));
    };
    const deliverTask: Task = async (payload) => {
      await deliver(orm.em.fork(), deps, payload as DeliverPayload);
    };
    const sweepTask: Task = async () => {
      const erased = await orm.em.fork().execute<Array<{ thread_id: string }>>(
        `delete from thread_contacts c using threads t
          where t.id = c.thread_id
            and ((t.status = ? and t.updated_at < now() - interval '1 day')
                 or c.created_at < now() - make_interval(days => ?))
          returning c.thread_id`,
        [ThreadStatus.CLOSED, settings.contactRetentionDays],
      );
      if (erased.length > 0) log.info({ erased: erased.length }, 'anonymous contacts erased');
    };
    const digestTask: Task = async (payload) => {
      const day =
        (payload as { _cron?: { ts?: string } })._cron?.ts?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
      const sent = await sendDigests(orm.em.fork(), deps, day);
      if (sent > 0) log.info({ sent }, 'daily digests sent');
    };
    try {
      const runner = await run({
        pgPool: pool,
        concurrency: settings.concurrency,
        noHandleSignals: true,
        pollInterval: settings.pollIntervalMs ?? 2000,
        logger: workerLogger(log),
        taskList: {
          [EVENTS_RECORDED_TASK]: fanOutTask,
          [DELIVER_TASK]: deliverTask,
          [CONTACT_SWEEP_TASK]: sweepTask,
          [DIGEST_TASK]: digestTask,
        },
        crontab: [`0 * * * * ${CONTACT_SWEEP_TASK}`, DIGEST_CRONTAB].join('\n'),
      });
      return new NotificationWorker(runner, pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  /** Lets running jobs finish, gives up the rest for other instances, and closes the pool. */
  async stop(): Promise<void> {
    await this.runner.stop();
    await this.pool.end();
  }
}
