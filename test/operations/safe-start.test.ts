import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { migrationsList } from '../../server/src/db/migrations/index.js';
import { units } from '../../server/src/db/seed/lam-ha.js';
import { createTestDatabase } from '../support/database.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from '../support/constants.js';

const apps: App[] = [];
afterAll(async () => {
  for (const app of apps) await app.stop();
});

/** Every line an instance logs at warn or above, parsed. */
const warnings: Array<{ msg: string }> = [];
const capturingLogger = () =>
  pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        warnings.push(JSON.parse(chunk.toString()) as { msg: string });
        done();
      },
    }),
  );

const configFor = (databaseUrl: string) =>
  loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: 'true',
    SEED_DEMO_THREADS: 'true',
    DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
  });

describe('two instances starting at once on one empty database', () => {
  it('migrate and seed it once, and both serve', { timeout: 120_000 }, async () => {
    const databaseUrl = await createTestDatabase('empty');
    const started = await Promise.allSettled([
      startApp(configFor(databaseUrl), capturingLogger()),
      startApp(configFor(databaseUrl), capturingLogger()),
    ]);
    for (const result of started) if (result.status === 'fulfilled') apps.push(result.value);
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual([
      'started',
      'started',
    ]);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const applied = await client.query<{ name: string; times: string }>(
        'select name, count(*) as times from mikro_orm_migrations group by name order by name',
      );
      expect(applied.rows.map((row) => row.name)).toEqual(migrationsList.map((migration) => migration.name).sort());
      expect(applied.rows.every((row) => Number(row.times) === 1)).toBe(true);
      const unitCount = await client.query<{ n: string }>('select count(*) as n from units');
      expect(Number(unitCount.rows[0]!.n)).toBe(units.length);
      const admins = await client.query<{ n: string }>(
        `select count(*) as n from users where email = 'admin@nghedan.demo'`,
      );
      expect(Number(admins.rows[0]!.n)).toBe(1);
    } finally {
      await client.end();
    }

    for (const app of apps) {
      const response = await fetch(`http://127.0.0.1:${app.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ units { code } }' }),
      });
      const body = (await response.json()) as { data?: { units: unknown[] } };
      expect(body.data?.units).toHaveLength(units.length);
    }
  });

  it('warn that they run side by side without Redis', async () => {
    for (let attempt = 0; attempt < 100 && warnings.length === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(warnings.map((line) => line.msg)).toContainEqual(
      expect.stringContaining('several gateway instances share this database without REDIS_URL'),
    );
  });
});
