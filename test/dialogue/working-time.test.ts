import { describe, expect, it } from 'vitest';
import { addWorkingHours } from '../../server/src/dialogue/working-time.js';

/** Times are Vietnamese wall time (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('addWorkingHours', () => {
  it.each([
    ['Monday 08:00 + 2h stays in the morning shift', '2026-11-30T08:00', 2, '2026-11-30T10:00'],
    ['Monday 10:30 + 2h skips the lunch break', '2026-11-30T10:30', 2, '2026-11-30T14:00'],
    ['Monday 08:00 + 8h is the end of the day', '2026-11-30T07:30', 8, '2026-11-30T17:00'],
    ['Monday 16:00 + 8h ends Tuesday 16:00', '2026-11-30T16:00', 8, '2026-12-01T16:00'],
    ['Friday 15:00 + 4h crosses the weekend', '2026-12-04T15:00', 4, '2026-12-07T09:30'],
    ['Saturday 10:00 starts counting on Monday', '2026-12-05T10:00', 1, '2026-12-07T08:30'],
    ['Monday 06:00 starts counting at 07:30', '2026-11-30T06:00', 1, '2026-11-30T08:30'],
    ['Monday 20:00 starts counting on Tuesday', '2026-11-30T20:00', 1, '2026-12-01T08:30'],
    ['three working days from Wednesday noon', '2026-12-02T12:00', 24, '2026-12-07T11:30'],
  ])('%s', (_label, start, hours, due) => {
    expect(addWorkingHours(vn(start), hours).toISOString()).toBe(vn(due).toISOString());
  });
});
