import { randomBytes } from 'node:crypto';
import type { Logger } from '../shared/logger.js';
import type { Orm } from './orm.js';

const PREFIX = 'nghe-dan gateway ';

/** A new instance's name on its database connections (`application_name`), unique to it. */
export const newApplicationName = () => `${PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`;

const applicationNameOf = (orm: Orm): string =>
  (orm.config.get('driverOptions') as { connection?: { application_name?: string } }).connection?.application_name ??
  '';

/** Gateway instances other than this one with connections open to this database now. */
export async function otherInstances(orm: Orm): Promise<number> {
  const rows = await orm.em
    .getConnection()
    .execute<Array<{ n: string | number }>>(
      `select count(distinct application_name) as n from pg_stat_activity where datname = current_database() and application_name like ? and application_name <> ?`,
      [`${PREFIX}%`, applicationNameOf(orm)],
    );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Without Redis each instance keeps its live events, rate-limit counts and dashboard debounce to
 * itself: several such instances on one database deliver events late (only when each reads the
 * log on its own) and let every client through each limit once per instance. Every instance names
 * its connections, so one without Redis sees the others in pg_stat_activity and says so, at start
 * and then every minute while it lasts. (Instances keep a connection open at all times, as live
 * delivery reads the log every LIVE_POLL_SECONDS; an instance idle past the pool's timeout could
 * be missed for a minute.)
 */
export function watchForInstancesWithoutRedis(orm: Orm, log: Logger, everyMs = 60_000): () => void {
  let warned = 0;
  const check = async () => {
    try {
      const others = await otherInstances(orm);
      if (others > 0 && others !== warned) {
        log.warn(
          { otherInstances: others },
          'several gateway instances share this database without REDIS_URL: live events reach other instances only when they poll, and rate limits count per instance; set REDIS_URL on every instance',
        );
      }
      warned = others;
    } catch (error) {
      log.debug({ err: error }, 'could not count the other instances');
    }
  };
  void check();
  const timer = setInterval(() => void check(), everyMs).unref();
  return () => clearInterval(timer);
}
