import { VIETNAM_TIME_ZONE } from '../shared/vietnam-time.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import { FeedbackKind } from '../dialogue/feedback-kind.js';
import { Thread, THREAD_RELATIONS } from '../dialogue/thread.entity.js';
import { readableSql } from '../dialogue/thread-access.js';
import { OPEN_STATUSES } from '../dialogue/thread-status.js';
import { BadUserInputError, ForbiddenError } from '../shared/errors.js';
import { Category } from '../units/category.entity.js';
import { Unit } from '../units/unit.entity.js';
import { fold } from '../language/normalize.js';
import { placeNames } from '../language/words/place-names.js';
import { rankRisingWords } from '../language/words/rise.js';
import { STOP_WORDS } from '../language/words/stop-words.js';
import type {
  Bucket,
  FieldVolume,
  KindVolume,
  MonitoringFilter,
  PlaceVolume,
  ResponsivenessTable,
  RisingWord,
  SentimentPoint,
  UnitResponsiveness,
  Volume,
  VolumePoint,
} from './monitoring.type.js';

const DAY_MS = 86_400_000;
/** A word in fewer of this week's threads is never shown as rising. */
export const RISING_MIN_COUNT = 2;
const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

interface Scope {
  /** Period and filters, on threads `t`. */
  sql: string;
  params: unknown[];
  /** The filters without the period, for queries that choose their own time column or window. */
  filters: string;
  filterParams: unknown[];
  from: Date;
  to: Date;
}

type VolumeRow = { threads: number; negative: number };
const volume = (row: VolumeRow): Volume => ({
  threads: row.threads,
  negative: row.negative,
  negativeShare: row.threads > 0 ? row.negative / row.threads : null,
});
const hours = (seconds: number | null) => (seconds === null ? null : Math.round((Number(seconds) / 3600) * 10) / 10);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Every dashboard panel as one SQL aggregate over `threads` (and its messages and events), with the
 * same filter. Indexes: (created_at, id), (category_id, created_at), (place_id, created_at),
 * (unit_id, status), partial indexes on open deadlines, and a GIN index on keywords.
 */
export class MonitoringService {
  private readonly scope: Scope;
  readonly period: { from: Date; to: Date };

  constructor(
    private readonly em: EntityManager,
    viewer: User,
    filter: MonitoringFilter,
  ) {
    const to = filter.to ?? new Date();
    const from = filter.from ?? new Date(to.getTime() - 30 * DAY_MS);
    if (from >= to) throw new BadUserInputError('from must be before to.', 'from');
    let unitId = filter.unitId ?? null;
    if (viewer.role === Role.OFFICER) {
      if (unitId && unitId !== viewer.unit?.id) throw new ForbiddenError("Officers see their own unit's figures.");
      unitId = viewer.unit!.id;
    } else if (viewer.role !== Role.MONITOR && viewer.role !== Role.ADMIN) {
      throw new ForbiddenError('The dashboard is for monitors, administrators and officers.');
    }
    // Every panel counts and lists only threads the viewer may read (all of them for monitors).
    const readable = readableSql(viewer);
    const conditions: string[] = [readable.sql];
    const params: unknown[] = [...readable.params];
    if (filter.categoryId) {
      conditions.push('t.category_id = ?');
      params.push(filter.categoryId);
    }
    if (filter.placeId) {
      conditions.push(`t.place_id in (with recursive tree as (select id from units where id = ?
        union all select u.id from units u join tree on u.parent_id = tree.id) select id from tree)`);
      params.push(filter.placeId);
    }
    if (unitId) {
      conditions.push('t.unit_id = ?');
      params.push(unitId);
    }
    const filters = conditions.join(' and ');
    this.scope = {
      sql: `t.created_at >= ? and t.created_at < ? and ${filters}`,
      params: [from, to, ...params],
      filters,
      filterParams: params,
      from,
      to,
    };
    this.period = { from, to };
  }

  private rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params);
  }

  async volumes(bucket: Bucket): Promise<VolumePoint[]> {
    const rows = await this.rows<VolumeRow & { period: Date }>(
      `select date_trunc(?, t.created_at at time zone '${VIETNAM_TIME_ZONE}') at time zone '${VIETNAM_TIME_ZONE}' as period,
              count(*)::int as threads, (count(*) filter (where t.tone = 'NEGATIVE'))::int as negative
       from threads t where ${this.scope.sql} group by 1 order by 1`,
      [bucket.toLowerCase(), ...this.scope.params],
    );
    return rows.map((row) => ({ period: new Date(row.period), ...volume(row) }));
  }

  async byField(): Promise<FieldVolume[]> {
    const rows = await this.rows<VolumeRow & { id: string }>(
      `select t.category_id as id, count(*)::int as threads, (count(*) filter (where t.tone = 'NEGATIVE'))::int as negative
       from threads t where ${this.scope.sql} group by 1 order by 2 desc`,
      this.scope.params,
    );
    const categories = new Map(
      (await this.em.find(Category, { id: { $in: rows.map((row) => row.id) } })).map((c) => [c.id, c]),
    );
    return rows.map((row) => ({ category: categories.get(row.id)!, ...volume(row) }));
  }

  async byPlace(): Promise<PlaceVolume[]> {
    const rows = await this.rows<VolumeRow & { id: string }>(
      `select case when p.level = 'VILLAGE' then p.parent_id else p.id end as id,
              count(*)::int as threads, (count(*) filter (where t.tone = 'NEGATIVE'))::int as negative
       from threads t join units p on p.id = t.place_id where ${this.scope.sql} group by 1 order by 2 desc`,
      this.scope.params,
    );
    const places = new Map(
      (await this.em.find(Unit, { id: { $in: rows.map((row) => row.id) } })).map((u) => [u.id, u]),
    );
    return rows.map((row) => ({ place: places.get(row.id)!, ...volume(row) }));
  }

  async byKind(): Promise<KindVolume[]> {
    const rows = await this.rows<VolumeRow & { kind: FeedbackKind }>(
      `select t.kind, count(*)::int as threads, (count(*) filter (where t.tone = 'NEGATIVE'))::int as negative
       from threads t where ${this.scope.sql} group by 1`,
      this.scope.params,
    );
    const found = new Map(rows.map((row) => [row.kind, row]));
    return Object.values(FeedbackKind).map((kind) => ({
      kind,
      ...volume(found.get(kind) ?? { threads: 0, negative: 0 }),
    }));
  }

  async sentiment(bucket: Bucket): Promise<SentimentPoint[]> {
    const rows = await this.rows<{
      period: Date;
      average: number;
      negative: number;
      neutral: number;
      positive: number;
    }>(
      `with texts as (
         select t.created_at, t.tone, t.tone_score from threads t where ${this.scope.sql} and t.tone is not null
         union all
         select m.created_at, m.tone, m.tone_score from messages m join threads t on t.id = m.thread_id
         where m.created_at >= ? and m.created_at < ? and ${this.scope.filters} and m.tone is not null)
       select date_trunc(?, created_at at time zone '${VIETNAM_TIME_ZONE}') at time zone '${VIETNAM_TIME_ZONE}' as period,
              avg(tone_score)::float as average,
              (count(*) filter (where tone = 'NEGATIVE'))::int as negative,
              (count(*) filter (where tone = 'NEUTRAL'))::int as neutral,
              (count(*) filter (where tone = 'POSITIVE'))::int as positive
       from texts group by 1 order by 1`,
      [...this.scope.params, ...this.scope.params, bucket.toLowerCase()],
    );
    return rows.map((row) => ({
      period: new Date(row.period),
      averageScore: Math.round(row.average * 1000) / 1000,
      negative: row.negative,
      neutral: row.neutral,
      positive: row.positive,
    }));
  }

  async mostNegativeOpen(limit: number): Promise<Thread[]> {
    const rows = await this.rows<{ id: string }>(
      `select t.id from threads t where ${this.scope.sql} and t.status in (${OPEN}) and t.tone = 'NEGATIVE'
       order by t.tone_score asc, t.created_at desc limit ?`,
      [...this.scope.params, limit],
    );
    return this.threadsInOrder(rows.map((row) => row.id));
  }

  async overdue(limit: number): Promise<Thread[]> {
    const rows = await this.rows<{ id: string }>(
      `select t.id from threads t where ${this.scope.sql} and t.status in (${OPEN})
         and (t.acknowledge_overdue_at is not null or t.answer_overdue_at is not null)
       order by least(t.acknowledge_due_at, t.answer_due_at) asc limit ?`,
      [...this.scope.params, limit],
    );
    return this.threadsInOrder(rows.map((row) => row.id));
  }

  /**
   * Words used in more of this week's threads (the 7 days before `to`) than of the 4 weeks before,
   * ranked by log-likelihood (G²), at least RISING_MIN_COUNT threads this week; other filters apply.
   * Stop words and the names of places in the unit tree (read now, so renamed units count) never rise.
   */
  async risingWords(limit: number): Promise<RisingWord[]> {
    const weekStart = new Date(this.scope.to.getTime() - 7 * DAY_MS);
    const baselineStart = new Date(this.scope.to.getTime() - 35 * DAY_MS);
    const window = `${this.scope.filters} and t.created_at >= ? and t.created_at < ?`;
    const windowParams = [...this.scope.filterParams, baselineStart, this.scope.to];
    const [totals] = await this.rows<{ recent: number; before: number }>(
      `select (count(*) filter (where t.created_at >= ?))::int as recent,
              (count(*) filter (where t.created_at < ?))::int as before
       from threads t where ${window}`,
      [weekStart, weekStart, ...windowParams],
    );
    const counts = await this.rows<{ word: string; recent: number; before: number }>(
      `select w.word, (count(*) filter (where t.created_at >= ?))::int as recent,
              (count(*) filter (where t.created_at < ?))::int as before
       from threads t, unnest(t.keywords) as w(word)
       where ${window}
       group by w.word having count(*) filter (where t.created_at >= ?) >= ?`,
      [weekStart, weekStart, ...windowParams, weekStart, RISING_MIN_COUNT],
    );
    const places = placeNames((await this.rows<{ name: string }>('select name from units', [])).map((row) => row.name));
    const candidates = counts.filter(
      ({ word }) => !STOP_WORDS.has(word) && !places.has(word) && !places.has(fold(word)),
    );
    const ranked = rankRisingWords(candidates, {
      recentTexts: totals?.recent ?? 0,
      beforeTexts: totals?.before ?? 0,
      minCount: RISING_MIN_COUNT,
    });
    return ranked.slice(0, limit).map((row) => {
      const weeklyBefore = row.before / 4;
      return {
        word: row.word,
        thisWeek: row.recent,
        weeklyBefore,
        growth: Math.round(((row.recent + 1) / (weeklyBefore + 1)) * 100) / 100,
        likelihood: row.likelihood,
      };
    });
  }

  async responsiveness(minimumSample: number): Promise<ResponsivenessTable> {
    const rows = await this.rows<{
      unit_id: string;
      threads: number;
      acknowledged_on_time: number;
      answered_on_time: number;
      answered: number;
      reply: [number | null, number | null] | null;
      resolution: [number | null, number | null] | null;
      reopened: number;
      average_rating: number | null;
      ratings: number;
    }>(
      `select t.unit_id, count(*)::int as threads,
              (count(*) filter (where t.acknowledged_at <= t.acknowledge_due_at))::int as acknowledged_on_time,
              (count(*) filter (where t.answered_at <= t.answer_due_at))::int as answered_on_time,
              (count(*) filter (where t.answered_at is not null))::int as answered,
              percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from t.first_reply_at - t.created_at))
                filter (where t.first_reply_at is not null) as reply,
              percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from t.resolved_at - t.created_at))
                filter (where t.resolved_at is not null) as resolution,
              (count(*) filter (where t.reopen_count > 0))::int as reopened,
              avg(t.rating)::float as average_rating, count(t.rating)::int as ratings
       from threads t where ${this.scope.sql} group by t.unit_id`,
      this.scope.params,
    );
    const units = new Map(
      (await this.em.find(Unit, { id: { $in: rows.map((row) => row.unit_id) } })).map((u) => [u.id, u]),
    );
    const table: UnitResponsiveness[] = rows.map((row) => ({
      unit: units.get(row.unit_id)!,
      threads: row.threads,
      acknowledgedOnTime: share(row.acknowledged_on_time, row.threads),
      answeredOnTime: share(row.answered_on_time, row.threads),
      medianHoursToFirstReply: hours(row.reply?.[0] ?? null),
      p90HoursToFirstReply: hours(row.reply?.[1] ?? null),
      medianHoursToResolution: hours(row.resolution?.[0] ?? null),
      p90HoursToResolution: hours(row.resolution?.[1] ?? null),
      reopenRate: share(row.reopened, row.answered),
      averageRating: row.average_rating === null ? null : Math.round(row.average_rating * 100) / 100,
      ratings: row.ratings,
      rank: null,
    }));
    const ranked = table
      .filter((row) => row.threads >= minimumSample)
      .sort(
        (a, b) =>
          (b.answeredOnTime ?? 0) - (a.answeredOnTime ?? 0) ||
          (a.medianHoursToFirstReply ?? Infinity) - (b.medianHoursToFirstReply ?? Infinity) ||
          a.unit.code.localeCompare(b.unit.code),
      );
    ranked.forEach((row, index) => (row.rank = index + 1));
    const unranked = table
      .filter((row) => row.threads < minimumSample)
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
    return { minimumSample, units: [...ranked, ...unranked] };
  }

  private async threadsInOrder(ids: string[]): Promise<Thread[]> {
    const threads = await this.em.find(Thread, { id: { $in: ids } }, { populate: [...THREAD_RELATIONS] });
    const byId = new Map(threads.map((thread) => [thread.id, thread]));
    return ids.map((id) => byId.get(id)!).filter(Boolean);
  }
}
