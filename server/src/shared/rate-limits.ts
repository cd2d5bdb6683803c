import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitName, RateRule } from '../config.js';
import { RateLimitedError } from './errors.js';
import type { Logger } from './logger.js';

const KEY_PREFIX = 'nghedan:rl';
const SLOWDOWN_FIRST_MS = 250;
const SLOWDOWN_MAX_MS = 10_000;

/** Keys hold e-mail addresses and client addresses: stored hashed, never as written. */
const keyOf = (parts: readonly string[]) =>
  createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 24);

const retryAfterOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Every rate limit of the server, on rate-limiter-flexible: in Redis when REDIS_URL is set (so every
 * instance counts together; an in-memory limiter stands in while Redis is unreachable), else in
 * this process. Callers name a rule from config (`RATE_LIMIT_*`) and the parts of its key.
 */
export class RateLimits {
  private constructor(
    private readonly rules: Record<RateLimitName, RateRule>,
    private readonly limiters: Record<RateLimitName, RateLimiterAbstract>,
    private readonly redis: Redis | undefined,
    private readonly onRefused: (name: RateLimitName) => void,
  ) {}

  /** `onRefused` hears of every refusal (the metrics count them by rule). */
  static create(
    rules: Record<RateLimitName, RateRule>,
    redisUrl: string | undefined,
    log: Logger,
    onRefused: (name: RateLimitName) => void = () => undefined,
  ): RateLimits {
    let redis: Redis | undefined;
    if (redisUrl) {
      // No offline queue: while Redis is down a check fails at once and the insurance limiter answers.
      redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      redis.on('error', (error: Error) =>
        log.warn({ err: error }, 'rate limits: Redis unreachable, counting in memory'),
      );
    }
    const limiters = Object.fromEntries(
      (Object.keys(rules) as RateLimitName[]).map((name) => {
        const options = {
          keyPrefix: `${KEY_PREFIX}:${name}`,
          points: rules[name].points,
          duration: rules[name].seconds,
        };
        const limiter: RateLimiterAbstract = redis
          ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
          : new RateLimiterMemory(options);
        return [name, limiter];
      }),
    ) as Record<RateLimitName, RateLimiterAbstract>;
    return new RateLimits(rules, limiters, redis, onRefused);
  }

  /** Counts one attempt; RATE_LIMITED (with `retryAfter`) once the rule's points are used up. */
  async consume(name: RateLimitName, ...key: string[]): Promise<void> {
    try {
      await this.limiters[name].consume(keyOf(key));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        this.onRefused(name);
        throw new RateLimitedError(retryAfterOf(rejection));
      }
      throw rejection;
    }
  }

  /** RATE_LIMITED when earlier failures already used the rule's points up; counts nothing. */
  async assertOpen(name: RateLimitName, ...key: string[]): Promise<void> {
    const res = await this.limiters[name].get(keyOf(key));
    if (res && res.consumedPoints >= this.rules[name].points) {
      this.onRefused(name);
      throw new RateLimitedError(retryAfterOf(res));
    }
  }

  /** Counts failures without refusing the request that failed. */
  async penalize(name: RateLimitName, key: readonly string[], points = 1): Promise<void> {
    if (points > 0) await this.limiters[name].penalty(keyOf(key), points);
  }

  /** Gives back one point an attempt consumed (it succeeded: only failures should count). */
  async refund(name: RateLimitName, ...key: string[]): Promise<void> {
    await this.limiters[name].reward(keyOf(key), 1);
  }

  async reset(name: RateLimitName, ...key: string[]): Promise<void> {
    await this.limiters[name].delete(keyOf(key));
  }

  /**
   * Slows down rather than refuses: nothing while the failures counted under `key` stay within the
   * rule, then a wait that doubles with each failure beyond it, from 250 ms up to 10 s.
   */
  async slowDown(name: RateLimitName, ...key: string[]): Promise<number> {
    const res = await this.limiters[name].get(keyOf(key));
    const over = (res?.consumedPoints ?? 0) - this.rules[name].points;
    if (over <= 0) return 0;
    const delay = Math.min(SLOWDOWN_MAX_MS, SLOWDOWN_FIRST_MS * 2 ** Math.min(over - 1, 10));
    await sleep(delay);
    return delay;
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
