import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/src/db/embedded.js';
import { createLogger } from '../../server/src/shared/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database on the test cluster from which each test file creates its own database. */
    adminDatabaseUrl: string;
  }
}

/** Uses DATABASE_URL when set (CI), else starts one embedded PostgreSQL for the whole run. */
export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL?.trim();
  if (given) {
    project.provide('adminDatabaseUrl', given);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nghe-dan-test-pg-'));
  const embedded = await startEmbeddedPostgres(dir, 'postgres', createLogger('warn'));
  project.provide('adminDatabaseUrl', embedded.url);
  return async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
