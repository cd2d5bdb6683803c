import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { pendingMigrations } from '../db/orm.js';
import type { Logger } from '../shared/logger.js';

/**
 * `/healthz`: the process answers (a liveness probe). `/readyz`: the database answers and every
 * migration is applied (a readiness probe: a proxy sends no traffic to an instance that says 503).
 */
export function healthRoutes(orm: MikroORM, log: Logger): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      const pending = await pendingMigrations(orm);
      if (pending > 0) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  return router;
}
