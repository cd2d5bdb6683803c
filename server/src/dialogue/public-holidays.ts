import { getSolarDate } from '@dqcai/vn-lunar';

/**
 * Vietnam's public holidays (Labour Code 2019, article 112), by the rules, for any year:
 * New Year (1/1), Tết (the last day of the lunar year and the first four days of the new one:
 * five days), Hùng Kings' day (10th day of the 3rd lunar month), Reunification Day (30/4),
 * Labour Day (1/5) and National Day (2/9 with 1/9). A holiday on a Saturday or Sunday gives a
 * compensatory day off on the next working day (article 111, clause 3).
 *
 * The government announces each year the exact Tết break and any swapped days (a working
 * Saturday for a bridge day): those are configuration (`CALENDAR_DAYS_OFF`,
 * `CALENDAR_WORKING_DAYS`), applied by {@link WorkingCalendar} over these defaults.
 *
 * Lunar dates come from @dqcai/vn-lunar: Hồ Ngọc Đức's Vietnamese calendar tables, computed at
 * UTC+7. A Chinese lunar library (computed at UTC+8) would be a day off in the years where the new
 * moon falls between 23:00 and 24:00 Vietnam time (Tết 2007 and 2030); the tests check the tables
 * against the Tết and Hùng Kings' dates the government announced.
 */
export enum HolidayCode {
  NEW_YEAR = 'NEW_YEAR',
  TET = 'TET',
  HUNG_KINGS = 'HUNG_KINGS',
  REUNIFICATION = 'REUNIFICATION',
  LABOUR = 'LABOUR',
  NATIONAL_DAY = 'NATIONAL_DAY',
  COMPENSATORY = 'COMPENSATORY',
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
const isWeekend = (ms: number) => [0, 6].includes(new Date(ms).getUTCDay());

function lunarToUtcMs(day: number, month: number, lunarYear: number): number {
  const solar = getSolarDate(day, month, lunarYear, false);
  return utc(solar.year, solar.month, solar.day);
}

const cache = new Map<number, ReadonlyMap<string, HolidayCode>>();

/** The days off of one Gregorian year, `YYYY-MM-DD` → why. */
export function publicHolidays(year: number): ReadonlyMap<string, HolidayCode> {
  const cached = cache.get(year);
  if (cached) return cached;
  const days: Array<[number, HolidayCode]> = [[utc(year, 1, 1), HolidayCode.NEW_YEAR]];
  // Tết of this Gregorian year; the one of the next year can start on 31/12 at the earliest in
  // theory, never in practice (Tết falls between 21/1 and 20/2).
  const tet = lunarToUtcMs(1, 1, year);
  for (let offset = -1; offset <= 3; offset += 1) days.push([tet + offset * DAY_MS, HolidayCode.TET]);
  days.push([lunarToUtcMs(10, 3, year), HolidayCode.HUNG_KINGS]);
  days.push([utc(year, 4, 30), HolidayCode.REUNIFICATION]);
  days.push([utc(year, 5, 1), HolidayCode.LABOUR]);
  days.push([utc(year, 9, 1), HolidayCode.NATIONAL_DAY]);
  days.push([utc(year, 9, 2), HolidayCode.NATIONAL_DAY]);

  const result = new Map<string, HolidayCode>();
  for (const [ms, code] of days) if (!result.has(iso(ms))) result.set(iso(ms), code);
  // Each holiday on a weekend moves one day off to the next weekday that is not already off.
  for (const [ms] of days.sort((a, b) => a[0] - b[0])) {
    if (!isWeekend(ms)) continue;
    let next = ms + DAY_MS;
    while (isWeekend(next) || result.has(iso(next))) next += DAY_MS;
    result.set(iso(next), HolidayCode.COMPENSATORY);
  }
  cache.set(year, result);
  return result;
}
