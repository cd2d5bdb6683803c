import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/src/db/embedded.js';
import { initOrm, migrate } from '../../server/src/db/orm.js';
import { seedDemoData } from '../../server/src/db/seed/demo.js';
import { createLogger } from '../../server/src/shared/logger.js';
import { DEMO_PASSWORD } from './constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database on the test cluster from which each test file creates its own database. */
    adminDatabaseUrl: string;
    /**
     * A database migrated and loaded with the demo data (no demo threads, {@link DEMO_PASSWORD}),
     * made once per run; test files clone it (`create database … template …`) instead of
     * migrating and seeding a database of their own.
     */
    seededTemplate: string;
  }
}

const withDatabase = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Migrates and seeds the template once; its connections are closed so it can be cloned. */
async function createSeededTemplate(adminUrl: string): Promise<string> {
  const name = `template_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `create database ${name}`);
  const orm = await initOrm(withDatabase(adminUrl, name));
  try {
    await migrate(orm);
    await seedDemoData(orm.em.fork(), DEMO_PASSWORD);
  } finally {
    await orm.close();
  }
  return name;
}

/** Uses DATABASE_URL when set (CI), else starts one embedded PostgreSQL for the whole run. */
export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL?.trim();
  let adminUrl: string;
  let stopEmbedded = async () => undefined as void;
  if (given) {
    adminUrl = given;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nghe-dan-test-pg-'));
    const embedded = await startEmbeddedPostgres(dir, 'postgres', createLogger('warn'));
    adminUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = await createSeededTemplate(adminUrl);
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('seededTemplate', template);
  return async () => {
    await admin(adminUrl, `drop database if exists ${template} with (force)`).catch(() => undefined);
    await stopEmbedded();
  };
}
