import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ThreadTimeline from '../../../web/src/dialogue/ThreadTimeline.vue';
import { placeGroups } from '../../../web/src/dialogue/places';
import UnitReorganisationPage from '../../../web/src/units/UnitReorganisationPage.vue';
import type { UnitLevel } from '../../../web/src/graphql/generated';
import { mountWithApp } from '../support/mount';

const unit = (id: string, name: string, parentId: string | null, isCurrent = true, level: UnitLevel = 'COMMUNE') => ({
  id,
  code: id.toUpperCase(),
  name,
  level,
  kind: 'GOVERNMENT' as const,
  parentId,
  isPlace: level !== 'PROVINCE',
  placeName: name.replace(/^UBND /, ''),
  isCurrent,
  successorId: isCurrent ? null : 'u-new',
});
const units = [
  unit('u-ld', 'UBND tỉnh Lâm Đồng', null, true, 'PROVINCE'),
  unit('u-new', 'UBND xã Nam Ban (mới)', 'u-ld'),
  unit('u-ml', 'UBND xã Mê Linh', 'u-ld', false),
  unit('u-gl', 'UBND xã Gia Lâm', 'u-ld'),
];
const report = (dryRun: boolean) => ({
  dryRun,
  reorganisation: dryRun ? null : { id: 'r1', decisionReference: 'NQ thử', effectiveAt: '2025-06-30T17:00:00.000Z' },
  createdUnits: [],
  endedUnits: [{ code: 'U-GL', name: 'UBND xã Gia Lâm', detail: 'UBND xã Nam Ban (mới)' }],
  renamedUnits: [],
  movedUnits: [],
  movedThreads: [
    { threadId: 't1', title: 'Đường sạt lở', fromUnit: 'UBND xã Gia Lâm', toUnit: 'UBND xã Nam Ban (mới)' },
  ],
  rules: [
    { category: 'INFRASTRUCTURE', place: 'UBND xã Nam Ban (mới)', unit: 'UBND xã Nam Ban (mới)', dropped: false },
  ],
  movedAccounts: [{ email: 'gl@x.vn', fromUnit: 'UBND xã Gia Lâm', toUnit: 'UBND xã Nam Ban (mới)', flagged: true }],
});

describe('places after a reorganisation', () => {
  it('offers only current places for a new post', () => {
    expect(placeGroups(units).map((group) => group.commune.id)).toEqual(['u-gl', 'u-new']);
  });
});

describe('the timeline of a thread moved by a reorganisation', () => {
  it.each([
    [
      'vi',
      'Chuyển từ UBND xã Mê Linh (cũ) sang UBND xã Nam Ban (mới)',
      'Sắp xếp đơn vị hành chính: UBND xã Mê Linh nay là UBND xã Nam Ban (mới) (theo NQ thử, hiệu lực từ 01/07/2025)',
    ],
    [
      'en',
      'Transferred from UBND xã Mê Linh (former) to UBND xã Nam Ban (mới)',
      'Administrative units reorganised: UBND xã Mê Linh is now UBND xã Nam Ban (mới) (decision NQ thử, effective 01/07/2025)',
    ],
  ] as const)('names the former unit and the decision (%s)', async (locale, line, reason) => {
    const { wrapper } = await mountWithApp(ThreadTimeline, {
      locale,
      options: {
        props: {
          events: [
            {
              cursor: '9',
              threadId: 't1',
              type: 'TRANSFERRED',
              actorName: 'Hệ thống',
              actorKind: 'SYSTEM',
              assignee: null,
              createdAt: '2026-11-29T08:00:00.000Z',
              fromStatus: 'ROUTED',
              toStatus: 'ROUTED',
              internal: false,
              reason: null,
              reasonCode: 'REORGANISED',
              reasonParams: [
                { key: 'decisionReference', value: 'NQ thử' },
                { key: 'effectiveOn', value: '2025-07-01' },
                { key: 'fromUnit', value: 'UBND xã Mê Linh' },
                { key: 'toUnit', value: 'UBND xã Nam Ban (mới)' },
              ],
              rating: null,
              fromUnit: { id: 'u-ml', name: 'UBND xã Mê Linh', isCurrent: false },
              toUnit: { id: 'u-new', name: 'UBND xã Nam Ban (mới)', isCurrent: true },
              message: null,
            },
          ],
        },
      },
    });
    expect(wrapper.text()).toContain(line);
    expect(wrapper.get('[data-testid="timeline-reason"]').text()).toContain(reason);
  });
});

describe('the reorganisation page', () => {
  it('runs a dry run first, then applies exactly what was previewed', async () => {
    const { wrapper, requests } = await mountWithApp(UnitReorganisationPage, {
      handlers: {
        Catalog: () => ({ data: { categories: [], units } }),
        PreviewReorganisation: () => ({ data: { previewReorganisation: report(true) } }),
        ApplyReorganisation: () => ({ data: { applyReorganisation: report(false) } }),
      },
    });
    await flushPromises();
    // History is not offered: Mê Linh was merged away already.
    const sources = wrapper.get('[data-testid="reorg-sources"]');
    expect(sources.findAll('option').map((option) => option.text().trim())).toEqual([
      'UBND tỉnh Lâm Đồng',
      'UBND xã Gia Lâm',
      'UBND xã Nam Ban (mới)',
    ]);
    await wrapper.get('[data-testid="reorg-decision"]').setValue('NQ thử');
    await wrapper.get('[data-testid="reorg-date"]').setValue('2025-07-01');
    await sources.setValue(['u-gl']);
    await wrapper.get('[data-testid="reorg-target-existing"]').setValue(true);
    await wrapper.get('[data-testid="reorg-into"]').setValue('u-new');
    expect(wrapper.get('[data-testid="reorg-apply"]').attributes('disabled')).toBeDefined();

    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="reorg-report"]').attributes('data-dry-run')).toBe('true');
    expect(wrapper.get('[data-testid="reorg-threads"]').text()).toContain('(1)');
    expect(wrapper.text()).toContain('cần rà soát');

    await wrapper.get('[data-testid="reorg-apply"]').trigger('click');
    await flushPromises();
    const sent = requests.filter((request) => /Reorganisation$/.test(request.operationName));
    expect(sent.map((request) => request.operationName)).toEqual(['PreviewReorganisation', 'ApplyReorganisation']);
    expect(sent[1]!.variables.input).toEqual(sent[0]!.variables.input);
    expect(sent[1]!.variables.input).toEqual({
      decisionReference: 'NQ thử',
      effectiveOn: '2025-07-01',
      merges: [{ unitIds: ['u-gl'], intoUnitId: 'u-new' }],
      renames: [],
      moves: [],
    });
    expect(wrapper.get('[data-testid="reorg-report"]').attributes('data-dry-run')).toBe('false');
  });
});
