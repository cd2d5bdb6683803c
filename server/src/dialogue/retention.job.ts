import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../shared/logger.js';

const BATCH = 1000;
const DAY_MS = 86_400_000;

/** How long each kind of personal data is kept (days). */
export interface RetentionPeriods {
  /** Staff access log records. */
  accessLogDays: number;
}

/** What one run erased: counts only, never what it was. */
export interface RetentionCounts {
  accessLogRecords: number;
}

/**
 * Erases personal data past its retention period. Every instance runs it: each batch claims its
 * rows with FOR UPDATE SKIP LOCKED (as overdue.job.ts does), so no row is erased twice and no
 * instance waits for another. The access log's append-only trigger lets this transaction alone
 * delete (`set local nghe_dan.retention = 'on'`). The clock is injected for tests.
 *
 * Ready for the kinds that do not exist yet in this base (contacts of anonymous posters and
 * private contacts of closed threads, issue 12; uploaded files, issue 13): each is one more
 * claim-and-erase statement in `runOnce` with its own period.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    private readonly periods: RetentionPeriods,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(intervalSeconds: number): void {
    this.timer = setInterval(() => {
      this.running = this.runOnce().catch((error: unknown) => this.log.error({ err: error }, 'retention run failed'));
    }, intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Erases everything past its period, batch by batch; returns how much it erased. */
  async runOnce(): Promise<RetentionCounts> {
    const cutoff = new Date(this.now().getTime() - this.periods.accessLogDays * DAY_MS);
    let accessLogRecords = 0;
    for (;;) {
      const erased = await this.eraseAccessLogBatch(cutoff);
      accessLogRecords += erased;
      if (erased < BATCH) break;
    }
    if (accessLogRecords > 0) this.log.info({ accessLogRecords }, 'personal data past its retention period erased');
    return { accessLogRecords };
  }

  private eraseAccessLogBatch(cutoff: Date): Promise<number> {
    return this.orm.em.fork().transactional(async (tx) => {
      await tx.execute(`set local nghe_dan.retention = 'on'`);
      const [row] = await tx.execute<Array<{ erased: number }>>(
        `with claimed as (
           select id from thread_access_log where at < ? order by id limit ${BATCH} for update skip locked
         ), gone as (
           delete from thread_access_log l using claimed where l.id = claimed.id returning 1
         )
         select count(*)::int as erased from gone`,
        [cutoff],
      );
      return row?.erased ?? 0;
    });
  }
}
