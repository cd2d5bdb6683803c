import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter, RouterView, type RouteLocationNormalized } from 'vue-router';
import { campaignRoutes } from '../../../web/src/campaign/routes';
import { createAppI18n } from '../../../web/src/i18n';

const Shell = { render: () => h(RouterView) };

/** Opens an address with only the entry's campaign routes; the loader adds the rest. */
async function open(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', name: 'board', component: { render: () => null } }, ...campaignRoutes],
  });
  await router.push(path);
  // The pages themselves are not under test: keep the loader from opening them.
  const replace = vi.spyOn(router, 'replace').mockResolvedValue(undefined);
  const wrapper = mount(Shell, {
    global: { plugins: [createAppI18n('vi'), router] },
  });
  await flushPromises();
  return { router, replace, wrapper };
}

describe('campaign routes', () => {
  it.each([
    ['/campaigns', 'campaigns'],
    ['/campaigns/c1/review?year=2023', 'campaign-review'],
    ['/campaigns/c1/queue', 'campaign-queue'],
    ['/campaigns/c1/units/u1', 'campaign-unit'],
    ['/campaigns/c1/units', 'campaign-unit'],
    ['/campaign-models/m1', 'campaign-model'],
  ])('%s loads the campaign pages and goes on to %s', async (path, name) => {
    const { router, replace } = await open(path);
    expect(replace).toHaveBeenCalledWith(path);
    expect(router.resolve(path).name).toBe(name);
  });

  it('passes the campaign and the year to the review', async () => {
    const { router } = await open('/campaigns/c1/review?year=2023');
    const target = router.resolve('/campaigns/c1/review?year=2023');
    const props = target.matched[0]?.props.default;
    expect(typeof props === 'function' ? props(target as RouteLocationNormalized) : props).toEqual({
      campaignId: 'c1',
      year: 2023,
    });
  });

  it('keeps the role rules: the queue is for monitors and administrators', async () => {
    const { router } = await open('/campaigns/c1/queue');
    expect(router.resolve('/campaigns/c1/queue').meta.roles).toEqual(['MONITOR', 'ADMIN']);
    expect(router.resolve('/campaigns/c1/review').meta.roles).toEqual(['OFFICER', 'MONITOR', 'ADMIN']);
  });

  it('says not found for an address no campaign page has', async () => {
    const { router, replace, wrapper } = await open('/campaigns/c1/queue');
    wrapper.unmount();
    replace.mockRestore();
    await router.push('/campaigns/c1/nothing-here');
    const again = mount(Shell, {
      global: { plugins: [createAppI18n('vi'), router] },
    });
    await flushPromises();
    expect(again.get('[data-testid="campaign-not-found"]').text()).toBe('Không tìm thấy trang này.');
  });
});
