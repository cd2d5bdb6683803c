import { useI18n } from 'vue-i18n';
import monitoringEn from './messages.en';
import monitoringVi from './messages.vi';

/**
 * The global translator with the monitoring texts merged in on first use, so they travel in the
 * dashboard's route chunk and not in the entry chunk every citizen loads.
 */
export function useMonitoringI18n() {
  const i18n = useI18n({ useScope: 'global' });
  if (!i18n.te('monitoring.title', 'vi')) {
    i18n.mergeLocaleMessage('vi', { monitoring: monitoringVi });
    i18n.mergeLocaleMessage('en', { monitoring: monitoringEn });
  }
  return i18n;
}
