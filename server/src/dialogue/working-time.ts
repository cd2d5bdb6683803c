/**
 * Working time of Vietnamese public offices: Monday to Friday, 07:30–11:30 and 13:00–17:00
 * in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving). Public holidays are not modelled.
 */
const OFFSET_MS = 7 * 3600_000;
const MINUTE = 60_000;
const SHIFTS: ReadonlyArray<readonly [number, number]> = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60, 17 * 60],
];

/** The moment `hours` working hours after `start`. */
export function addWorkingHours(start: Date, hours: number): Date {
  let remaining = Math.round(hours * 60);
  // Work in "local" milliseconds: UTC+7 shifted so that getUTC* reads Vietnamese wall time.
  let local = start.getTime() + OFFSET_MS;
  while (true) {
    const day = new Date(local);
    const weekday = day.getUTCDay();
    const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
    if (weekday !== 0 && weekday !== 6) {
      for (const [shiftStart, shiftEnd] of SHIFTS) {
        const from = Math.max(local, midnight + shiftStart * MINUTE);
        const to = midnight + shiftEnd * MINUTE;
        if (from >= to) continue;
        const available = (to - from) / MINUTE;
        if (remaining <= available) return new Date(from + remaining * MINUTE - OFFSET_MS);
        remaining -= available;
        local = to;
      }
    }
    local = midnight + 24 * 3600_000;
  }
}
