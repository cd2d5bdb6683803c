import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveJwtSecret } from '../../server/src/config.js';

const SECRET = 's'.repeat(32);

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('runs embedded with demo data and sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      database: { kind: 'embedded' },
      seedDemo: true,
      environment: 'development',
      jwtTtlSeconds: 12 * 3600,
    });
  });

  it('uses DATABASE_URL without demo data unless SEED_DEMO says so', () => {
    const url = 'postgresql://app@db:5432/nghedan';
    expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: SECRET })).toMatchObject({
      database: { kind: 'external', url },
      seedDemo: false,
    });
    expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: SECRET, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer from 0 to 65535 (got "70000")'],
    [
      { DATABASE_URL: 'mysql://x@y/z', JWT_SECRET: SECRET },
      'DATABASE_URL must be a URL starting with postgres:// or postgresql://',
    ],
    [{ DATABASE_URL: 'postgresql://x@y/z' }, 'JWT_SECRET is required when DATABASE_URL is set'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL must be a URL starting with redis:// or rediss://'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false (got "maybe")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test (got "staging")'],
    [{ JWT_TTL: 'forever' }, 'JWT_TTL must be a number followed by s, m, h or d'],
    [{ JWT_TTL: '90d' }, 'JWT_TTL must be between 1m and 30d'],
    [{ GRAPHQL_MAX_DEPTH: '1' }, 'GRAPHQL_MAX_DEPTH must be an integer from 2 to 50 (got "1")'],
    [{ DEMO_PASSWORD: 'short' }, 'DEMO_PASSWORD must be at least 8 characters long'],
    [{ TRUST_PROXY: 'my-proxy' }, 'TRUST_PROXY must be false, true, a number of hops or a list'],
    [{ RATE_LIMIT_LOGIN_FAILURES: '10' }, 'RATE_LIMIT_LOGIN_FAILURES must be attempts per duration such as 10/15m'],
    [{ RATE_LIMIT_REPLIES: '0/1m' }, 'RATE_LIMIT_REPLIES must be attempts per duration'],
    [{ RATE_LIMIT_SIGN_UPS: '5/30d' }, 'RATE_LIMIT_SIGN_UPS must be attempts per duration'],
  ])('refuses %j with a message that says what is wrong', (env, message) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('reads rate limits and TRUST_PROXY as Express reads trust proxy', () => {
    const config = loadConfig({ RATE_LIMIT_LOGIN_FAILURES: '7 / 5m', TRUST_PROXY: 'loopback, 10.0.0.0/8' });
    expect(config.rateLimits.loginFailures).toEqual({ points: 7, seconds: 300 });
    expect(config.rateLimits.anonymousPosts).toEqual({ points: 10, seconds: 3600 });
    expect(config.trustProxy('127.0.0.1', 0)).toBe(true);
    expect(config.trustProxy('10.1.2.3', 1)).toBe(true);
    expect(config.trustProxy('203.0.113.9', 0)).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy('203.0.113.9', 0)).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy('203.0.113.9', 1)).toBe(false);
    expect(loadConfig({}).trustProxy('127.0.0.1', 0)).toBe(false);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ PORT: '-1', SEED_DEMO: 'perhaps', DATABASE_URL: 'postgresql://h/db' });
    expect(problems).toHaveLength(3);
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/Invalid configuration:\n {2}- PORT/);
  });
});

describe('resolveJwtSecret', () => {
  it('generates a secret once in embedded mode and keeps it in the data folder', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nghe-dan-config-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = resolveJwtSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveJwtSecret(loadConfig({ DATA_DIR: dataDir }))).toBe(first);
    const file = path.join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('uses JWT_SECRET when it is set', () => {
    expect(resolveJwtSecret(loadConfig({ JWT_SECRET: SECRET }))).toBe(SECRET);
  });
});

describe('declared calendar days', () => {
  it('reads days off and make-up working days, and names malformed days', () => {
    const config = loadConfig({ CALENDAR_DAYS_OFF: '2026-02-23, 2026-02-24', CALENDAR_WORKING_DAYS: '2026-02-28' });
    expect(config.calendar).toEqual({ daysOff: ['2026-02-23', '2026-02-24'], workingDays: ['2026-02-28'] });
    expect(() => loadConfig({ CALENDAR_DAYS_OFF: '2026-02-30,23/02/2026' })).toThrow(
      /CALENDAR_DAYS_OFF must be days as YYYY-MM-DD separated by commas \(got "2026-02-30, 23\/02\/2026"\)/,
    );
  });
});
