import { useI18n } from 'vue-i18n';
import campaignEn from './messages.en';
import campaignVi from './messages.vi';

/**
 * The global translator with the campaign texts merged in on first use, so they travel in the
 * campaign route chunks and not in the entry chunk every citizen loads.
 */
export function useCampaignI18n() {
  const i18n = useI18n({ useScope: 'global' });
  if (!i18n.te('campaign.title', 'vi')) {
    i18n.mergeLocaleMessage('vi', { campaign: campaignVi });
    i18n.mergeLocaleMessage('en', { campaign: campaignEn });
  }
  return i18n;
}
