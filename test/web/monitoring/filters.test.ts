import { describe, expect, it } from 'vitest';
import {
  filtersFromQuery,
  lastDayBefore,
  monitoringFilter,
  queryFromFilters,
  type DashboardFilters,
} from '../../../web/src/monitoring/filters';

const NONE: DashboardFilters = { from: '', to: '', bucket: 'DAY', categoryId: '', placeId: '', unitId: '' };

describe('dashboard filters in the address', () => {
  it.each([
    [{}, NONE],
    [
      { bucket: 'WEEK', field: 'c1' },
      { ...NONE, bucket: 'WEEK', categoryId: 'c1' },
    ],
    [{ bucket: 'YEAR', from: '2025-02-30', to: 'yesterday' }, NONE],
    [
      { from: ['2025-03-01', '2025-04-01'], unit: 'u1' },
      { ...NONE, from: '2025-03-01', unitId: 'u1' },
    ],
  ])('reads %j', (query, expected) => {
    expect(filtersFromQuery(query)).toEqual(expected);
  });

  it('writes only what differs from the defaults, and reads it back the same', () => {
    const filters: DashboardFilters = { ...NONE, from: '2025-03-01', to: '2025-03-31', placeId: 'p1' };
    const query = queryFromFilters(filters);
    expect(query).toEqual({ from: '2025-03-01', to: '2025-03-31', place: 'p1' });
    expect(filtersFromQuery(query as Record<string, string>)).toEqual(filters);
    expect(queryFromFilters(NONE)).toEqual({});
  });

  it('asks from Vietnam midnight to the midnight after the last day chosen', () => {
    expect(monitoringFilter({ ...NONE, from: '2025-03-01', to: '2025-03-31' })).toEqual({
      from: '2025-02-28T17:00:00.000Z',
      to: '2025-03-31T17:00:00.000Z',
    });
    expect(monitoringFilter(NONE)).toEqual({});
    expect(lastDayBefore('2025-03-31T17:00:00.000Z')).toBe('2025-03-31');
  });
});
