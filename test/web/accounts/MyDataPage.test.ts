import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import MyDataPage from '../../../web/src/accounts/MyDataPage.vue';
import { session } from '../../../web/src/accounts/session';
import type { Role } from '../../../web/src/graphql/generated';
import { mountWithApp, type Handlers } from '../support/mount';

function signInAs(role: Role) {
  session.start({
    token: `token-${role}`,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: 'u-1', displayName: 'Dân', email: 'dan@nghedan.demo', role, unit: null },
  });
}

const request = (kind: string) => ({
  __typename: 'DataRequest',
  id: '1',
  kind,
  requestedAt: '2026-11-29T10:00:00.000Z',
  completedAt: '2026-11-29T10:00:01.000Z',
});

const handlers: Handlers = {
  ExportMyData: () => ({
    data: {
      exportMyData: {
        __typename: 'MyDataExport',
        json: '{"account":{"email":"dan@nghedan.demo"}}',
        text: 'Dữ liệu của tôi',
        request: request('EXPORT'),
      },
    },
  }),
  CloseMyAccount: (variables) =>
    variables.password === 'dung-mat-khau'
      ? { data: { closeMyAccount: request('CLOSE') } }
      : { errors: [{ message: 'The password is wrong.', extensions: { code: 'BAD_USER_INPUT', field: 'password' } }] },
};

beforeEach(() => signInAs('CITIZEN'));
afterEach(() => session.end());

describe('MyDataPage', () => {
  it('downloads the data as JSON and as a readable file', async () => {
    const { wrapper, requests } = await mountWithApp(MyDataPage, { handlers });
    expect(wrapper.text()).toContain('Dữ liệu của tôi');
    await wrapper.get('[data-testid="my-data-export"]').trigger('click');
    await flushPromises();
    expect(requests.map((r) => r.operationName)).toEqual(['ExportMyData']);
    expect(wrapper.get('[data-testid="my-data-json"]').attributes('download')).toBe('du-lieu-cua-toi.json');
    expect(wrapper.get('[data-testid="my-data-text"]').attributes('href')).toBeTruthy();
  });

  it('closes the account only when confirmed with the password, then signs out', async () => {
    const { wrapper, requests } = await mountWithApp(MyDataPage, { handlers, locale: 'en' });
    const submit = wrapper.get('[data-testid="my-data-close-submit"]');
    await wrapper.get('[data-testid="my-data-password"]').setValue('sai');
    expect(submit.attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="my-data-confirm"]').setValue(true);
    await wrapper.get('[data-testid="my-data-close"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="error-message"]').text()).toContain('not valid');
    expect(session.isSignedIn.value).toBe(true);

    await wrapper.get('[data-testid="my-data-password"]').setValue('dung-mat-khau');
    await wrapper.get('[data-testid="my-data-close"]').trigger('submit');
    await flushPromises();
    expect(requests.filter((r) => r.operationName === 'CloseMyAccount').map((r) => r.variables)).toEqual([
      { password: 'sai' },
      { password: 'dung-mat-khau' },
    ]);
    expect(wrapper.get('[data-testid="my-data-closed"]').text()).toContain('The account was closed');
    expect(session.isSignedIn.value).toBe(false);
  });

  it('tells staff that an administrator closes their account', async () => {
    session.end();
    signInAs('OFFICER');
    const { wrapper } = await mountWithApp(MyDataPage, { handlers, locale: 'en' });
    expect(wrapper.find('[data-testid="my-data-close-submit"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('closed by an administrator');
  });
});
