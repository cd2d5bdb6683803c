import { fromWallMs, toWallMs } from '../shared/vietnam-time.js';
import { publicHolidays, type HolidayCode } from './public-holidays.js';

/**
 * Working time of Vietnamese public offices: Monday to Friday, 07:30–11:30 and 13:00–17:00
 * Vietnam time, except public holidays and the days the government declares off; a declared
 * make-up working day (a Saturday, say) counts as a working day.
 */
const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const SHIFTS: ReadonlyArray<readonly [number, number]> = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60, 17 * 60],
];
/** Working hours in a full working day. */
export const WORKING_DAY_HOURS = SHIFTS.reduce((sum, [from, to]) => sum + (to - from) / 60, 0);
/** A deadline further than this is refused rather than looped towards. */
const MAX_DAYS = 3 * 366;

/** Days the government declared off or working on top of the rules, `YYYY-MM-DD`. */
export interface CalendarAdjustments {
  daysOff: readonly string[];
  workingDays: readonly string[];
}

export class WorkingCalendar {
  private readonly daysOff: ReadonlySet<string>;
  private readonly workingDays: ReadonlySet<string>;

  constructor(adjustments: CalendarAdjustments = { daysOff: [], workingDays: [] }) {
    this.daysOff = new Set(adjustments.daysOff);
    this.workingDays = new Set(adjustments.workingDays);
  }

  /** Why a day (`YYYY-MM-DD`) is off, when it is a holiday or a declared day off. */
  holiday(day: string): HolidayCode | 'DECLARED' | undefined {
    if (this.workingDays.has(day)) return undefined;
    if (this.daysOff.has(day)) return 'DECLARED';
    return publicHolidays(Number(day.slice(0, 4))).get(day);
  }

  isWorkingDay(day: string): boolean {
    if (this.workingDays.has(day)) return true;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && this.holiday(day) === undefined;
  }

  /** The moment `hours` working hours after `start`. */
  addWorkingHours(start: Date, hours: number): Date {
    let remaining = Math.round(hours * 60);
    let wall = toWallMs(start);
    for (let days = 0; days <= MAX_DAYS; days += 1) {
      const midnight = wall - (wall % DAY_MS);
      if (this.isWorkingDay(new Date(midnight).toISOString().slice(0, 10))) {
        for (const [shiftStart, shiftEnd] of SHIFTS) {
          const from = Math.max(wall, midnight + shiftStart * MINUTE);
          const to = midnight + shiftEnd * MINUTE;
          if (from >= to) continue;
          const available = (to - from) / MINUTE;
          if (remaining <= available) return fromWallMs(from + remaining * MINUTE);
          remaining -= available;
          wall = to;
        }
      }
      wall = midnight + DAY_MS;
    }
    throw new RangeError(`${hours} working hours run past ${MAX_DAYS} days`);
  }

  /** Working hours from `from` to `to`; negative when `to` is earlier (time past a deadline). */
  workingHoursBetween(from: Date, to: Date): number {
    if (to < from) return -this.workingHoursBetween(to, from);
    const end = toWallMs(to);
    let wall = toWallMs(from);
    let minutes = 0;
    for (let days = 0; wall < end && days <= MAX_DAYS; days += 1) {
      const midnight = wall - (wall % DAY_MS);
      if (this.isWorkingDay(new Date(midnight).toISOString().slice(0, 10))) {
        for (const [shiftStart, shiftEnd] of SHIFTS) {
          const lo = Math.max(wall, midnight + shiftStart * MINUTE);
          const hi = Math.min(end, midnight + shiftEnd * MINUTE);
          if (hi > lo) minutes += (hi - lo) / MINUTE;
        }
      }
      wall = midnight + DAY_MS;
    }
    return minutes / 60;
  }
}

/** The calendar with no declared days: the rules alone. */
export const STATUTORY_CALENDAR = new WorkingCalendar();

/** The moment `hours` working hours after `start`, on `calendar` (the rules alone by default). */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar = STATUTORY_CALENDAR): Date {
  return calendar.addWorkingHours(start, hours);
}
