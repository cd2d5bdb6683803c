/**
 * What Vietnam time is, defined once (STYLE point 11). Vietnam has kept UTC+7 all year, with no
 * daylight saving, since 1975, so a fixed offset is exact for every date the system stores.
 * This module has no imports: the web app imports it too, so server and browser agree.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** The offset as ISO 8601 writes it. */
export const VIETNAM_OFFSET = '+07:00';
export const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** The Vietnam calendar day of an instant, `YYYY-MM-DD`. */
export function vietnamDay(instant: Date | string | number): string {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Vietnam calendar day (`YYYY-MM-DD`) starts. */
export function vietnamMidnight(day: string): Date {
  return new Date(`${day}T00:00:00${VIETNAM_OFFSET}`);
}

/** The instant at a Vietnam wall-clock time: `vietnamInstant('2026-12-02', '17:00')`. */
export function vietnamInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00${VIETNAM_OFFSET}`);
}

/** `YYYY-MM-DD HH:mm` in Vietnam time (CSV cells, logs people read). */
export function vietnamDateTime(instant: Date | string | number): string {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar day after `day` (`YYYY-MM-DD`). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * "Wall milliseconds": an instant shifted by +7 h, so that `getUTC*` of `new Date(wall)` read the
 * Vietnam wall clock. For loops over days and shifts; convert back with {@link fromWallMs}.
 */
export function toWallMs(instant: Date): number {
  return instant.getTime() + VIETNAM_OFFSET_MS;
}

export function fromWallMs(wall: number): Date {
  return new Date(wall - VIETNAM_OFFSET_MS);
}
