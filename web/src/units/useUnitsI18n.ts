import { useI18n } from 'vue-i18n';
import unitsEn from './messages.en';
import unitsVi from './messages.vi';

/** The global translator with the reorganisation texts merged in on first use (they travel in the page's chunk). */
export function useUnitsI18n() {
  const i18n = useI18n({ useScope: 'global' });
  if (!i18n.te('units.title', 'vi')) {
    i18n.mergeLocaleMessage('vi', { units: unitsVi });
    i18n.mergeLocaleMessage('en', { units: unitsEn });
  }
  return i18n;
}
