import type { Bucket } from '../graphql/generated';
import { useMonitoringI18n } from './useMonitoringI18n';
import { VIETNAM_TIME_ZONE } from '../shared/vietnamTime';

const VIETNAM = VIETNAM_TIME_ZONE;

/** Figures as the viewer reads them; periods on the Vietnam calendar, whatever the device's zone. */
export function useMonitoringFormat() {
  const { t, locale } = useMonitoringI18n();
  const noValue = () => t('monitoring.noValue');
  const decimal = (value: number | null | undefined, digits = 1): string =>
    value === null || value === undefined
      ? noValue()
      : new Intl.NumberFormat(locale.value, { maximumFractionDigits: digits }).format(value);
  const share = (value: number | null | undefined): string =>
    value === null || value === undefined ? noValue() : t('monitoring.percent', { value: decimal(value * 100, 1) });
  const day = (iso: string): string =>
    new Intl.DateTimeFormat(locale.value, { timeZone: VIETNAM, dateStyle: 'short' }).format(new Date(iso));
  const period = (iso: string, bucket: Bucket): string =>
    bucket === 'MONTH'
      ? new Intl.DateTimeFormat(locale.value, { timeZone: VIETNAM, month: '2-digit', year: 'numeric' }).format(
          new Date(iso),
        )
      : day(iso);
  const time = (iso: string): string =>
    new Intl.DateTimeFormat(locale.value, { timeStyle: 'medium' }).format(new Date(iso));
  const dateTime = (iso: string): string =>
    new Intl.DateTimeFormat(locale.value, { timeZone: VIETNAM, dateStyle: 'short', timeStyle: 'short' }).format(
      new Date(iso),
    );
  return { decimal, share, day, period, time, dateTime };
}
