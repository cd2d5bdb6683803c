// The dashboard's filters as they live in the address (so a view can be shared and survives a
// reload), and as the API's MonitoringFilter. Pure: no Vue, no I/O.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { Bucket, MonitoringFilter } from '../graphql/generated';
import { nextDay, vietnamDay, vietnamMidnight } from '../shared/vietnamTime';

export interface DashboardFilters {
  /** First day, YYYY-MM-DD in Vietnam time; '' for the API's default (30 days before `to`). */
  from: string;
  /** Last day included, YYYY-MM-DD; '' for today. */
  to: string;
  bucket: Bucket;
  categoryId: string;
  placeId: string;
  unitId: string;
}

export const BUCKETS: readonly Bucket[] = ['DAY', 'WEEK', 'MONTH'];

/** Names in the address, short and readable: ?from=2025-03-01&to=2025-03-31&bucket=WEEK&field=… */
const KEYS = {
  from: 'from',
  to: 'to',
  bucket: 'bucket',
  categoryId: 'field',
  placeId: 'place',
  unitId: 'unit',
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function single(value: LocationQuery[string] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Reads the filters from the address; anything malformed is left out rather than refused. */
export function filtersFromQuery(query: LocationQuery): DashboardFilters {
  const from = single(query[KEYS.from]);
  const to = single(query[KEYS.to]);
  const bucket = single(query[KEYS.bucket]) as Bucket;
  return {
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    bucket: BUCKETS.includes(bucket) ? bucket : 'DAY',
    categoryId: single(query[KEYS.categoryId]),
    placeId: single(query[KEYS.placeId]),
    unitId: single(query[KEYS.unitId]),
  };
}

/** The address for the filters: defaults are left out, so an unfiltered view has a clean address. */
export function queryFromFilters(filters: DashboardFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  for (const key of Object.keys(KEYS) as Array<keyof DashboardFilters>) {
    const value = filters[key];
    if (value && !(key === 'bucket' && value === 'DAY')) query[KEYS[key]] = value;
  }
  return query;
}

/** Midnight starting `day` in Vietnam, as an ISO instant. */
export function vietnamMidnightIso(day: string): string {
  return vietnamMidnight(day).toISOString();
}

/** The API's filter: `to` is exclusive, so the last day chosen runs to the next midnight. */
export function monitoringFilter(filters: DashboardFilters): MonitoringFilter {
  const filter: MonitoringFilter = {};
  if (filters.from) filter.from = vietnamMidnightIso(filters.from);
  if (filters.to) filter.to = vietnamMidnightIso(nextDay(filters.to));
  if (filters.categoryId) filter.categoryId = filters.categoryId;
  if (filters.placeId) filter.placeId = filters.placeId;
  if (filters.unitId) filter.unitId = filters.unitId;
  return filter;
}

export { vietnamDay };

/** The last day an exclusive end covers: the day before the Vietnam day of `to` when it is midnight. */
export function lastDayBefore(iso: string): string {
  return vietnamDay(new Date(Date.parse(iso) - 1).toISOString());
}
