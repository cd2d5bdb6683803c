import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

/**
 * Creates a database of its own for the calling test file, dropped after its tests: empty, or
 * (`seeded`) a copy of the run's template, migrated and holding the demo data without threads,
 * which takes a fraction of a second instead of migrating and seeding anew.
 */
export async function createTestDatabase(from: 'empty' | 'seeded' = 'empty'): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}${from === 'seeded' ? ` template ${inject('seededTemplate')}` : ''}`);
  await admin.end();
  afterAll(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
