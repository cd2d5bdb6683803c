import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ThreadStatusActions from '../../../web/src/dialogue/ThreadStatusActions.vue';
import type { ThreadStatus } from '../../../web/src/graphql/generated';
import { createAppI18n } from '../../../web/src/i18n';

/** The server's viewerCan.move: REJECTED and REOPENED need a reason, as the status machine says. */
const NEEDS_REASON: readonly ThreadStatus[] = ['REJECTED', 'REOPENED'];
const movesTo = (statuses: ThreadStatus[]) => statuses.map((to) => ({ to, reasonRequired: NEEDS_REASON.includes(to) }));

function mountActions(statuses: ThreadStatus[], moves = movesTo(statuses)) {
  return mount(ThreadStatusActions, { props: { moves }, global: { plugins: [createAppI18n('vi')] } });
}

const offered = (wrapper: ReturnType<typeof mountActions>) =>
  wrapper.findAll('[data-testid^="move-"]').map((button) => button.attributes('data-testid'));

describe('status actions', () => {
  it.each<[ThreadStatus[]]>([
    [['ACKNOWLEDGED', 'REJECTED']],
    [['IN_PROGRESS']],
    [['REOPENED']],
    [['ANSWERED', 'RESOLVED', 'CLOSED']],
  ])('offers exactly the allowed moves %j', (moves) => {
    expect(offered(mountActions(moves))).toEqual(moves.map((status) => `move-${status}`));
  });

  it('offers nothing and says so when no move is allowed', () => {
    const wrapper = mountActions([]);
    expect(offered(wrapper)).toEqual([]);
    expect(wrapper.get('[data-testid="status-actions-none"]').text()).toBe('Không có thao tác nào lúc này.');
  });

  it('moves at once when no reason is needed', async () => {
    const wrapper = mountActions(['ACKNOWLEDGED']);
    await wrapper.get('[data-testid="move-ACKNOWLEDGED"]').trigger('click');
    expect(wrapper.emitted('move')).toEqual([[{ status: 'ACKNOWLEDGED' }]]);
  });

  it.each<[ThreadStatus]>([['REOPENED'], ['REJECTED']])(
    'asks a reason before %s and refuses an empty one',
    async (status) => {
      const wrapper = mountActions([status]);
      await wrapper.get(`[data-testid="move-${status}"]`).trigger('click');
      expect(wrapper.emitted('move')).toBeUndefined();
      await wrapper.get('[data-testid="move-reason-form"]').trigger('submit');
      expect(wrapper.get('[role="alert"]').text()).toBe('Hãy nêu lý do.');
      expect(wrapper.emitted('move')).toBeUndefined();
      await wrapper.get('[data-testid="move-reason"]').setValue('  Đường vẫn chưa được sửa  ');
      await wrapper.get('[data-testid="move-reason-form"]').trigger('submit');
      expect(wrapper.emitted('move')).toEqual([[{ status, reason: 'Đường vẫn chưa được sửa' }]]);
    },
  );

  it('asks a reason exactly when the server says the move needs one', async () => {
    const wrapper = mountActions(
      [],
      [
        { to: 'REJECTED', reasonRequired: false },
        { to: 'ANSWERED', reasonRequired: true },
      ],
    );
    await wrapper.get('[data-testid="move-REJECTED"]').trigger('click');
    expect(wrapper.emitted('move')).toEqual([[{ status: 'REJECTED' }]]);
    await wrapper.get('[data-testid="move-ANSWERED"]').trigger('click');
    expect(wrapper.find('[data-testid="move-reason-form"]').exists()).toBe(true);
    expect(wrapper.emitted('move')).toHaveLength(1);
  });
});
