import { describe, expect, it } from 'vitest';
import { HolidayCode, publicHolidays } from '../../server/src/dialogue/public-holidays.js';
import { addWorkingHours, STATUTORY_CALENDAR, WorkingCalendar } from '../../server/src/dialogue/working-time.js';

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

describe('public holidays in the working calendar', () => {
  it.each([
    // Tết (1st day of the 1st lunar month) as announced; 2007 is a year the Chinese calendar differs.
    ['Tết 2007', 2007, '2007-02-17'],
    ['Tết 2024', 2024, '2024-02-10'],
    ['Tết 2025', 2025, '2025-01-29'],
    ['Tết 2026', 2026, '2026-02-17'],
    ['Tết 2027', 2027, '2027-02-06'],
  ])('%s is on the lunar calendar at UTC+7', (_label, year, day) => {
    expect(publicHolidays(year).get(day)).toBe(HolidayCode.TET);
    const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(publicHolidays(year).get(before)).toBe(HolidayCode.TET);
  });

  it.each([['2024-04-18'], ['2025-04-07'], ['2026-04-26']])("Hùng Kings' day %s", (day) => {
    expect(publicHolidays(Number(day.slice(0, 4))).get(day)).toBe(HolidayCode.HUNG_KINGS);
  });

  it('gives a weekday off for each holiday on a weekend (2023: 1/1 on Sunday; 29/4 and 30/4 on the weekend)', () => {
    const y2023 = publicHolidays(2023);
    expect(y2023.get('2023-01-02')).toBe(HolidayCode.COMPENSATORY);
    expect(y2023.get('2023-05-01')).toBe(HolidayCode.LABOUR);
    expect(y2023.get('2023-05-02')).toBe(HolidayCode.COMPENSATORY);
    expect(y2023.get('2023-05-03')).toBe(HolidayCode.COMPENSATORY);
    expect(y2023.has('2023-05-04')).toBe(false);
  });

  it.each([
    ['Friday before Tết 2026 + 4h skips Tết and two weekends', '2026-02-13T15:00', 4, '2026-02-23T09:30'],
    [
      'a post on the first day of Tết is counted from the first working day after',
      '2026-02-17T09:00',
      1,
      '2026-02-23T08:30',
    ],
    ['Wednesday 29/4/2026 + 8h skips 30/4 and 1/5 and the weekend', '2026-04-29T13:00', 8, '2026-05-04T11:30'],
    ['New Year 2027 on a Friday', '2026-12-31T16:00', 2, '2027-01-04T08:30'],
  ])('%s', (_label, start, hours, due) => {
    expect(addWorkingHours(vn(start), hours).toISOString()).toBe(vn(due).toISOString());
  });

  it("follows the government's declared days: an extra day off and a make-up Saturday", () => {
    const calendar = new WorkingCalendar({ daysOff: ['2026-02-23'], workingDays: ['2026-02-28'] });
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.addWorkingHours(vn('2026-02-13T15:00'), 4).toISOString()).toBe(
      vn('2026-02-24T09:30').toISOString(),
    );
    // Friday 27/2 16:00 + 2h: one hour on Friday, one on the make-up Saturday.
    expect(calendar.addWorkingHours(vn('2026-02-27T16:00'), 2).toISOString()).toBe(
      vn('2026-02-28T08:30').toISOString(),
    );
  });

  it('counts working hours between two moments, negative once past', () => {
    expect(STATUTORY_CALENDAR.workingHoursBetween(vn('2026-02-13T15:00'), vn('2026-02-23T09:30'))).toBe(4);
    expect(STATUTORY_CALENDAR.workingHoursBetween(vn('2026-12-02T17:00'), vn('2026-11-30T17:00'))).toBe(-16);
    expect(STATUTORY_CALENDAR.workingHoursBetween(vn('2026-12-05T10:00'), vn('2026-12-06T10:00'))).toBe(0);
  });
});
