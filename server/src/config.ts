import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import proxyaddr from 'proxy-addr';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const ENVIRONMENTS = ['development', 'production', 'test'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export type DatabaseConfig = { kind: 'embedded'; dataDir: string } | { kind: 'external'; url: string };

export interface GuardRailLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
}

/** What one client may hold open on the WebSocket, and how the server protects the others. */
export interface LiveLimits {
  /** Operations (subscriptions, queries, mutations) one socket may have running at once. */
  operationsPerSocket: number;
  /** Sockets open at once from one client address. */
  socketsPerAddress: number;
  /** Subscribe messages per client address per 10 s. */
  subscribesPer10s: number;
  /** Bytes a socket may have waiting to be sent before it is cut as a slow consumer. */
  maxBufferedBytes: number;
  /** How often each instance checks the accounts behind its open sockets (a missed revocation). */
  accountCheckSeconds: number;
  /** How often each instance reads the event log without being told (a lost bus message). */
  pollSeconds: number;
  /** Recent events each instance keeps, so that resuming subscribers catch up without a query. */
  recentEvents: number;
}

/** Which hops may tell the client address through `X-Forwarded-For` (proxy-addr's trust function). */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * Compiles a TRUST_PROXY value exactly as Express reads `app.set('trust proxy', …)`:
 * `false` (the default: only the socket counts), `true` (every hop — only behind a proxy that
 * overwrites the header), a number of hops, or a comma-separated list of addresses, subnets and
 * the names `loopback`, `linklocal`, `uniquelocal`. Throws on a malformed list.
 */
export function compileProxyTrust(setting: string | undefined): ProxyTrust {
  const value = setting?.trim().toLowerCase() ?? 'false';
  if (value === '' || value === 'false') return () => false;
  if (value === 'true') return () => true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(value.split(',').map((part) => part.trim()));
}

/** At most `points` in any `seconds`-long window. */
export interface RateRule {
  points: number;
  seconds: number;
}

/**
 * Every rate limit, its variable and default (`points/duration`, duration in s, m, h or d).
 * README "Security" explains each; shared/rate-limits.ts enforces them.
 */
export const RATE_LIMIT_VARIABLES = {
  anonymousPosts: ['RATE_LIMIT_ANONYMOUS_POSTS', '10/1h'],
  accountPosts: ['RATE_LIMIT_ACCOUNT_POSTS', '30/1h'],
  addressPosts: ['RATE_LIMIT_ADDRESS_POSTS', '100/1h'],
  replies: ['RATE_LIMIT_REPLIES', '60/10m'],
  trackingCodeLookups: ['RATE_LIMIT_TRACKING_CODE_LOOKUPS', '120/10m'],
  trackingCodeMisses: ['RATE_LIMIT_TRACKING_CODE_MISSES', '10/15m'],
  loginFailures: ['RATE_LIMIT_LOGIN_FAILURES', '10/15m'],
  loginAddressFailures: ['RATE_LIMIT_LOGIN_ADDRESS_FAILURES', '100/15m'],
  loginSlowdown: ['RATE_LIMIT_LOGIN_SLOWDOWN', '20/1h'],
  signUps: ['RATE_LIMIT_SIGN_UPS', '20/1h'],
  passwordChangeFailures: ['RATE_LIMIT_PASSWORD_CHANGE_FAILURES', '5/15m'],
  uploads: ['RATE_LIMIT_UPLOADS', '150/1h'],
} as const;
export type RateLimitName = keyof typeof RATE_LIMIT_VARIABLES;

/** Photos and files attached to posts and messages. */
export interface MediaConfig {
  /** S3-compatible storage (`http(s)://KEY:SECRET@host/bucket`); else a folder under DATA_DIR. */
  s3Url: string | undefined;
  /** Largest file accepted, in bytes, as uploaded (before re-encoding). */
  maxFileBytes: number;
  /** Files per upload request, and per post or message. */
  maxFilesPerPost: number;
  /** How long a link to an attachment stays valid (at least; at most twice as long). */
  linkTtlSeconds: number;
}

export interface Config {
  environment: Environment;
  host: string;
  port: number;
  database: DatabaseConfig;
  redisUrl: string | undefined;
  /** undefined only in embedded mode before the data folder is read: see {@link resolveJwtSecret}. */
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  dataDir: string;
  seedDemo: boolean;
  /** Demo feedback threads with the demo data (tests turn them off to start from an empty board). */
  seedDemoThreads: boolean;
  demoPassword: string;
  logLevel: LogLevel;
  maxBodyBytes: number;
  /** How often each instance looks for overdue threads. */
  overdueScanSeconds: number;
  /** How often each instance erases personal data past its retention period, and the periods. */
  retentionScanSeconds: number;
  retention: { accessLogDays: number };
  limits: GuardRailLimits;
  live: LiveLimits;
  /** TRUST_PROXY as written, and compiled as Express compiles `trust proxy`. */
  trustProxySetting: string;
  trustProxy: ProxyTrust;
  rateLimits: Record<RateLimitName, RateRule>;
  /** Whether only registered documents run (default: in production); see shared/trusted-documents.ts. */
  trustedDocuments: 'enforce' | 'off';
  /** Third-party clients' documents, a JSON object or array of documents, beside the web app's. */
  trustedDocumentsFile: string | undefined;
  /** Days the government declared off, or working, on top of the statutory holidays. */
  calendar: { daysOff: string[]; workingDays: string[] };
  media: MediaConfig;
  /** METRICS_TOKEN: undefined keeps `/metrics` off; set, Prometheus sends it as a bearer token. */
  metricsToken: string | undefined;
  notifications: NotificationConfig;
  open311: Open311Config;
}

/** Notifications: where links point, how mail and push go out, how many jobs this instance runs. */
export interface NotificationConfig {
  /** The address people open the web app at; every link in a message starts with it (unset: this server's own address). */
  publicUrl: string | undefined;
  /** smtp:// or smtps:// relay; unset: e-mails are written as .eml files into `mailDir`. */
  smtpUrl: string | undefined;
  mailFrom: string;
  mailDir: string;
  /** Notification jobs this instance runs at once; 0 runs none here (other instances do). */
  workerConcurrency: number;
  /** Days an anonymous poster's contact is kept at most (it goes sooner, when the thread closes). */
  contactRetentionDays: number;
  vapidPublicKey: string | undefined;
  vapidPrivateKey: string | undefined;
  vapidSubject: string;
}

/** Open311 GeoReport v2 at /open311/v2 (server/src/open311). */
export interface Open311Config {
  /** OPEN311_JURISDICTION: the jurisdiction_id clients may send (any other is 404). */
  jurisdictionId: string;
  /** OPEN311_API_KEYS `client:key,…`: who may POST requests; none keeps POST off. Key → client name. */
  apiKeys: Map<string, string>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment once. Every problem is reported, not just the first,
 * so an operator fixes a bad deployment in one pass.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${value}")`);
    return fallback;
  };

  const boolean = (name: string, fallback: boolean): boolean => {
    const value = read(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  };

  const url = (name: string, protocols: string[]): string | undefined => {
    const value = read(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (protocols.includes(parsed.protocol)) return value;
    } catch {
      // reported below
    }
    problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    return undefined;
  };

  const environment = oneOf('NODE_ENV', ENVIRONMENTS, 'development');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = path.resolve(projectRoot, read('DATA_DIR') ?? '.data');
  const database: DatabaseConfig =
    databaseUrl !== undefined ? { kind: 'external', url: databaseUrl } : { kind: 'embedded', dataDir };
  const databaseUrlGiven = read('DATABASE_URL') !== undefined;

  const jwtSecret = read('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long (use `openssl rand -base64 48`)');
  } else if (jwtSecret === undefined && databaseUrlGiven) {
    problems.push(
      'JWT_SECRET is required when DATABASE_URL is set: tokens must survive restarts and be shared by every instance',
    );
  }

  const ttl = read('JWT_TTL') ?? '12h';
  const ttlMatch = /^(\d+)([smhd])$/.exec(ttl);
  const unitSeconds = { s: 1, m: 60, h: 3600, d: 86400 } as const;
  let jwtTtlSeconds = 12 * 3600;
  if (ttlMatch?.[1] && ttlMatch[2]) {
    jwtTtlSeconds = Number(ttlMatch[1]) * unitSeconds[ttlMatch[2] as keyof typeof unitSeconds];
    if (jwtTtlSeconds < 60 || jwtTtlSeconds > 30 * 86400) {
      problems.push(`JWT_TTL must be between 1m and 30d (got "${ttl}")`);
    }
  } else {
    problems.push(`JWT_TTL must be a number followed by s, m, h or d, such as 12h (got "${ttl}")`);
  }

  const unitSecondsOf = { s: 1, m: 60, h: 3600, d: 86400 } as const;
  const rateRule = (name: string, fallback: string): RateRule => {
    const value = read(name) ?? fallback;
    const match = /^(\d{1,9})\s*\/\s*(\d{1,6})([smhd])$/.exec(value);
    const points = Number(match?.[1]);
    const seconds = Number(match?.[2]) * unitSecondsOf[(match?.[3] ?? 's') as keyof typeof unitSecondsOf];
    if (match && points >= 1 && seconds >= 1 && seconds <= 7 * 86400) return { points, seconds };
    problems.push(`${name} must be attempts per duration such as 10/15m, at most 7d (got "${value}")`);
    return { points: 1, seconds: 1 };
  };
  const rateLimits = Object.fromEntries(
    Object.entries(RATE_LIMIT_VARIABLES).map(([key, [name, fallback]]) => [key, rateRule(name, fallback)]),
  ) as Record<RateLimitName, RateRule>;

  const trustProxySetting = read('TRUST_PROXY') ?? 'false';
  let trustProxy: ProxyTrust = () => false;
  try {
    trustProxy = compileProxyTrust(trustProxySetting);
  } catch {
    problems.push(
      `TRUST_PROXY must be false, true, a number of hops or a list of addresses and subnets such as loopback,10.0.0.0/8 (got "${trustProxySetting}")`,
    );
  }

  const trustedDocumentsFile = read('TRUSTED_DOCUMENTS_FILE');
  if (trustedDocumentsFile && !existsSync(path.resolve(projectRoot, trustedDocumentsFile))) {
    problems.push(`TRUSTED_DOCUMENTS_FILE must name an existing file (got "${trustedDocumentsFile}")`);
  }
  const days = (name: string): string[] => {
    const value = read(name);
    if (value === undefined) return [];
    const list = value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const isDay = (day: string) => {
      const ms = Date.parse(`${day}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(day);
    };
    const bad = list.filter((day) => !isDay(day));
    if (bad.length > 0)
      problems.push(`${name} must be days as YYYY-MM-DD separated by commas (got "${bad.join(', ')}")`);
    return list;
  };

  const demoPassword = read('DEMO_PASSWORD') ?? 'dankheo2024';
  if (demoPassword.length < 8) problems.push('DEMO_PASSWORD must be at least 8 characters long');

  const metricsToken = read('METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 24) {
    problems.push('METRICS_TOKEN must be at least 24 characters long (use `openssl rand -base64 32`)');
  }
  const publicUrl = url('PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, '');
  const vapidPublicKey = read('VAPID_PUBLIC_KEY');
  const vapidPrivateKey = read('VAPID_PRIVATE_KEY');
  if ((vapidPublicKey === undefined) !== (vapidPrivateKey === undefined)) {
    problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both or neither');
  }
  const mailFrom = read('MAIL_FROM') ?? 'Nghe Dân <no-reply@nghedan.local>';
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM must contain an e-mail address (got "${mailFrom}")`);

  const apiKeys = new Map<string, string>();
  for (const entry of (read('OPEN311_API_KEYS') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = entry.indexOf(':');
    const client = at > 0 ? entry.slice(0, at).trim() : '';
    const key = at > 0 ? entry.slice(at + 1).trim() : '';
    if (!/^[\w.-]{1,40}$/.test(client) || key.length < 24) {
      problems.push('OPEN311_API_KEYS must be client:key pairs separated by commas, each key at least 24 characters');
      break;
    }
    apiKeys.set(key, client);
  }

  const config: Config = {
    environment,
    host: read('HOST') ?? '127.0.0.1',
    port: integer('PORT', 4000, 0, 65535),
    database,
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    jwtSecret,
    jwtTtlSeconds,
    dataDir,
    seedDemo: boolean('SEED_DEMO', database.kind === 'embedded'),
    seedDemoThreads: boolean('SEED_DEMO_THREADS', true),
    demoPassword,
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, environment === 'test' ? 'silent' : 'info'),
    maxBodyBytes: integer('MAX_BODY_BYTES', 100 * 1024, 1024, 10 * 1024 * 1024),
    overdueScanSeconds: integer('OVERDUE_SCAN_SECONDS', 60, 1, 3600),
    retentionScanSeconds: integer('RETENTION_SCAN_SECONDS', 3600, 1, 86_400),
    retention: { accessLogDays: integer('RETENTION_ACCESS_LOG_DAYS', 730, 1, 3650) },
    limits: {
      maxDepth: integer('GRAPHQL_MAX_DEPTH', 10, 2, 50),
      maxAliases: integer('GRAPHQL_MAX_ALIASES', 15, 1, 200),
      maxTokens: integer('GRAPHQL_MAX_TOKENS', 1000, 50, 100_000),
      maxCost: integer('GRAPHQL_MAX_COST', 5000, 100, 1_000_000),
      maxDirectives: integer('GRAPHQL_MAX_DIRECTIVES', 50, 1, 1000),
    },
    live: {
      operationsPerSocket: integer('LIVE_OPERATIONS_PER_SOCKET', 20, 1, 1000),
      socketsPerAddress: integer('LIVE_SOCKETS_PER_ADDRESS', 50, 1, 1_000_000),
      subscribesPer10s: integer('LIVE_SUBSCRIBES_PER_10S', 200, 1, 1_000_000),
      maxBufferedBytes: integer('LIVE_MAX_BUFFERED_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
      accountCheckSeconds: integer('LIVE_ACCOUNT_CHECK_SECONDS', 60, 1, 3600),
      pollSeconds: integer('LIVE_POLL_SECONDS', 5, 1, 3600),
      recentEvents: integer('LIVE_RECENT_EVENTS', 2000, 0, 1_000_000),
    },
    trustProxySetting,
    trustProxy,
    rateLimits,
    trustedDocuments: oneOf('TRUSTED_DOCUMENTS', ['enforce', 'off'], environment === 'production' ? 'enforce' : 'off'),
    trustedDocumentsFile: trustedDocumentsFile && path.resolve(projectRoot, trustedDocumentsFile),
    calendar: { daysOff: days('CALENDAR_DAYS_OFF'), workingDays: days('CALENDAR_WORKING_DAYS') },
    media: {
      s3Url: url('S3_URL', ['http:', 'https:']),
      maxFileBytes: integer('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      maxFilesPerPost: integer('ATTACHMENTS_PER_POST', 5, 1, 20),
      linkTtlSeconds: integer('ATTACHMENT_LINK_TTL_SECONDS', 300, 10, 86400),
    },
    metricsToken,
    notifications: {
      publicUrl,
      smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
      mailFrom,
      mailDir: path.resolve(projectRoot, read('MAIL_DIR') ?? path.join(dataDir, 'mail')),
      workerConcurrency: integer('NOTIFICATION_CONCURRENCY', 2, 0, 100),
      contactRetentionDays: integer('CONTACT_RETENTION_DAYS', 90, 1, 3650),
      vapidPublicKey,
      vapidPrivateKey,
      vapidSubject: read('VAPID_SUBJECT') ?? 'mailto:admin@nghedan.local',
    },
    open311: { jurisdictionId: read('OPEN311_JURISDICTION') ?? 'nghedan', apiKeys },
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Embedded mode keeps one generated secret in the data folder, so tokens survive a restart
 * without the user configuring anything. Deployments with DATABASE_URL always set JWT_SECRET.
 */
export function resolveJwtSecret(config: Config): string {
  if (config.jwtSecret !== undefined) return config.jwtSecret;
  const file = path.join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
