import { describe, expect, it } from 'vitest';
import { vietnamDateTime, vietnamDay, vietnamMidnight } from '../../server/src/shared/vietnam-time.js';

describe('Vietnam time, the one definition (dashboard CSV days and times)', () => {
  it.each([
    ['23:30 in Vietnam is still that day', '2026-12-02T16:30:00.000Z', '2026-12-02', '2026-12-02 23:30'],
    [
      '00:30 in Vietnam is the next day, though UTC is still the day before',
      '2026-12-02T17:30:00.000Z',
      '2026-12-03',
      '2026-12-03 00:30',
    ],
  ])('%s', (_label, instant, day, dateTime) => {
    expect(vietnamDay(new Date(instant))).toBe(day);
    expect(vietnamDateTime(new Date(instant))).toBe(dateTime);
  });

  it('starts a Vietnam day at 17:00 UTC the day before', () => {
    expect(vietnamMidnight('2026-12-03').toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });
});
