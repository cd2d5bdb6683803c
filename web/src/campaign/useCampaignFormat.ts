import { useCampaignI18n } from './useCampaignI18n';
import { formatVnd } from './vnd';

/** Numbers as the viewer reads them; money always exact, grouped the Vietnamese way. */
export function useCampaignFormat() {
  const { t, locale } = useCampaignI18n();
  const decimal = (value: number | null | undefined, digits = 1): string =>
    value === null || value === undefined
      ? t('campaign.reviewPage.noValue')
      : new Intl.NumberFormat(locale.value, { maximumFractionDigits: digits }).format(value);
  const vnd = (amount: string): string => t('campaign.vnd', { amount: formatVnd(amount) });
  const date = (iso: string | null | undefined): string =>
    iso ? new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }).format(new Date(`${iso}T00:00:00`)) : '';
  const dateTime = (iso: string): string =>
    new Intl.DateTimeFormat(locale.value, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  return { decimal, vnd, date, dateTime };
}
