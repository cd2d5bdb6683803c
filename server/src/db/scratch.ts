import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../shared/logger.js';
import { startEmbeddedPostgres } from './embedded.js';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A throw-away database for tools (migration diffs, benchmarks): created on the server of
 * `serverUrl` when given, else in an embedded PostgreSQL in a temporary folder.
 */
export async function openScratchDatabase(
  name: string,
  serverUrl: string | undefined,
  log: Logger,
): Promise<ScratchDatabase> {
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    return {
      url: target.toString(),
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `nghe-dan-${name}-`));
  const embedded = await startEmbeddedPostgres(dir, name, log);
  return {
    url: embedded.url,
    drop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
