import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CampaignModelActions from '../../../web/src/campaign/CampaignModelActions.vue';
import { modelActionsFor, type ModelActionViewer, type ModelStepAction } from '../../../web/src/campaign/modelActions';
import type { ModelStatus } from '../../../web/src/graphql/generated';
import { createAppI18n } from '../../../web/src/i18n';

const OWN_OFFICER: ModelActionViewer = { role: 'OFFICER', unitId: 'u1' };
const OTHER_OFFICER: ModelActionViewer = { role: 'OFFICER', unitId: 'u2' };
const MONITOR: ModelActionViewer = { role: 'MONITOR', unitId: null };
const ADMIN: ModelActionViewer = { role: 'ADMIN', unitId: null };
const CITIZEN: ModelActionViewer = { role: 'CITIZEN', unitId: null };

describe('actions offered on a model, by role and status (mirrors model-status.ts)', () => {
  it.each<[string, ModelActionViewer, ModelStatus, number | null, ModelStepAction[]]>([
    ['own unit, registered', OWN_OFFICER, 'REGISTERED', null, ['UPDATE', 'WITHDRAW']],
    ['own unit, under appraisal', OWN_OFFICER, 'UNDER_APPRAISAL', null, []],
    ['own unit, recognised', OWN_OFFICER, 'RECOGNISED', 90, []],
    ['other unit, registered', OTHER_OFFICER, 'REGISTERED', null, []],
    ['monitor, registered', MONITOR, 'REGISTERED', null, ['START_APPRAISAL']],
    ['monitor, under appraisal, not scored', MONITOR, 'UNDER_APPRAISAL', null, ['APPRAISE']],
    ['monitor, under appraisal, scored', MONITOR, 'UNDER_APPRAISAL', 85, ['APPRAISE', 'RECOGNISE', 'REJECT']],
    ['monitor, recognised', MONITOR, 'RECOGNISED', 85, []],
    ['monitor, withdrawn', MONITOR, 'WITHDRAWN', null, []],
    ['admin, registered', ADMIN, 'REGISTERED', null, []],
    ['admin, under appraisal, scored', ADMIN, 'UNDER_APPRAISAL', 85, []],
    ['citizen, registered', CITIZEN, 'REGISTERED', null, []],
  ])('%s', (_name, viewer, status, appraisalScore, expected) => {
    expect(modelActionsFor(viewer, { status, unitId: 'u1', appraisalScore })).toEqual(expected);
  });
});

function mountActions(actions: ModelStepAction[], underAppraisalUnscored = false) {
  return mount(CampaignModelActions, {
    props: { actions, underAppraisalUnscored },
    global: { plugins: [createAppI18n('vi')] },
  });
}

const offered = (wrapper: ReturnType<typeof mountActions>) =>
  wrapper.findAll('[data-testid^="model-action-"]').map((button) => button.attributes('data-testid'));

describe('model actions', () => {
  it('offers exactly the given actions, or says there is none', () => {
    expect(offered(mountActions(['UPDATE', 'WITHDRAW']))).toEqual(['model-action-UPDATE', 'model-action-WITHDRAW']);
    const none = mountActions([]);
    expect(offered(none)).toEqual([]);
    expect(none.get('[data-testid="model-actions-none"]').text()).toBe(
      'Bạn không có thao tác nào với mô hình này lúc này.',
    );
  });

  it('says a score comes before the decision', () => {
    expect(mountActions(['APPRAISE'], true).text()).toContain('Cần chấm điểm thẩm định');
  });

  it('asks a whole score from 0 to 100 and notes before appraising', async () => {
    const wrapper = mountActions(['APPRAISE']);
    await wrapper.get('[data-testid="model-action-APPRAISE"]').trigger('click');
    await wrapper.get('[data-testid="action-score"]').setValue('101');
    await wrapper.get('[data-testid="action-notes"]').setValue('Mô hình hiệu quả');
    await wrapper.get('[data-testid="model-action-form"]').trigger('submit');
    expect(wrapper.get('[role="alert"]').text()).toBe('Điểm là số nguyên từ 0 đến 100.');
    expect(wrapper.emitted('act')).toBeUndefined();
    await wrapper.get('[data-testid="action-score"]').setValue('92');
    await wrapper.get('[data-testid="model-action-form"]').trigger('submit');
    expect(wrapper.emitted('act')).toEqual([[{ action: 'APPRAISE', score: 92, notes: 'Mô hình hiệu quả' }]]);
  });

  it('recognises with a decision number and date', async () => {
    const wrapper = mountActions(['APPRAISE', 'RECOGNISE', 'REJECT']);
    await wrapper.get('[data-testid="model-action-RECOGNISE"]').trigger('click');
    await wrapper.get('[data-testid="model-action-form"]').trigger('submit');
    expect(wrapper.emitted('act')).toBeUndefined();
    await wrapper.get('[data-testid="action-decision-number"]').setValue(' 1234-QĐ/HU ');
    await wrapper.get('[data-testid="action-decision-date"]').setValue('2023-12-20');
    await wrapper.get('[data-testid="model-action-form"]').trigger('submit');
    expect(wrapper.emitted('act')).toEqual([
      [{ action: 'RECOGNISE', decisionNumber: '1234-QĐ/HU', decisionDate: '2023-12-20' }],
    ]);
  });

  it('withdraws with an optional note, and asks the page to edit for UPDATE', async () => {
    const wrapper = mountActions(['UPDATE', 'WITHDRAW']);
    await wrapper.get('[data-testid="model-action-UPDATE"]').trigger('click');
    expect(wrapper.emitted('edit')).toHaveLength(1);
    await wrapper.get('[data-testid="model-action-WITHDRAW"]').trigger('click');
    await wrapper.get('[data-testid="model-action-form"]').trigger('submit');
    expect(wrapper.emitted('act')).toEqual([[{ action: 'WITHDRAW' }]]);
  });
});
