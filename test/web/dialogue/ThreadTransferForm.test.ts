import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ThreadTransferForm from '../../../web/src/dialogue/ThreadTransferForm.vue';
import { mountWithApp } from '../support/mount';

const unit = (id: string, name: string, parentId: string | null, level = 'COMMUNE', kind = 'GOVERNMENT') => ({
  id,
  code: id.toUpperCase(),
  name,
  level,
  kind,
  parentId,
  isPlace: false,
  placeName: name,
});

const catalog = {
  data: {
    categories: [],
    units: [
      unit('u-nb', 'UBND thị trấn Nam Ban', 'u-lh'),
      unit('u-tnmt', 'Phòng Tài nguyên và Môi trường', 'u-lh', 'DISTRICT'),
      unit('u-lh', 'UBND huyện Lâm Hà', null, 'DISTRICT'),
      unit('u-nb-ca', 'Công an thị trấn Nam Ban', 'u-nb', 'COMMUNE', 'ARMED_FORCES'),
    ],
  },
};

async function mountForm() {
  const mounted = await mountWithApp(ThreadTransferForm, {
    handlers: { Catalog: () => catalog },
    options: { props: { currentUnitId: 'u-nb' } },
  });
  await flushPromises();
  await mounted.wrapper.get('[data-testid="transfer-open"]').trigger('click');
  return mounted;
}

describe('transfer form', () => {
  it('offers the unit tree in order, with the current unit not selectable', async () => {
    const { wrapper } = await mountForm();
    const options = wrapper.findAll('[data-testid="transfer-unit"] option').slice(1);
    expect(
      options.map((option) => [
        option.attributes('value'),
        option.element.textContent?.replace(/^[ \n]+|[ \n]+$/g, ''),
      ]),
    ).toEqual([
      ['u-lh', 'UBND huyện Lâm Hà'],
      ['u-tnmt', '\u00a0\u00a0\u00a0Phòng Tài nguyên và Môi trường'],
      ['u-nb', '\u00a0\u00a0\u00a0UBND thị trấn Nam Ban'],
      ['u-nb-ca', '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Công an thị trấn Nam Ban'],
    ]);
    expect(options[2]?.attributes('disabled')).toBeDefined();
    expect(wrapper.get('label[for="transfer-unit"]').text()).toBe('Đơn vị chịu trách nhiệm mới');
    expect(wrapper.get('label[for="transfer-reason"]').text()).toBe('Lý do chuyển');
  });

  it('asks for a unit and a reason before transferring', async () => {
    const { wrapper } = await mountForm();
    await wrapper.get('[data-testid="transfer-form"]').trigger('submit');
    expect(wrapper.findAll('[role="alert"]').map((alert) => alert.text())).toEqual([
      'Hãy chọn đơn vị.',
      'Hãy nêu lý do.',
    ]);
    expect(wrapper.get('[data-testid="transfer-unit"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.emitted('transfer')).toBeUndefined();
  });

  it('emits the chosen unit and the trimmed reason', async () => {
    const { wrapper } = await mountForm();
    await wrapper.get('[data-testid="transfer-unit"]').setValue('u-tnmt');
    await wrapper.get('[data-testid="transfer-reason"]').setValue('  Việc đất đai thuộc phòng Tài nguyên  ');
    await wrapper.get('[data-testid="transfer-form"]').trigger('submit');
    expect(wrapper.emitted('transfer')).toEqual([
      [{ unitId: 'u-tnmt', reason: 'Việc đất đai thuộc phòng Tài nguyên' }],
    ]);
    expect(wrapper.find('[data-testid="transfer-form"]').exists()).toBe(false);
  });
});
