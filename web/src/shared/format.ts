import { useI18n } from 'vue-i18n';
import { VIETNAM_TIME_ZONE } from './vietnamTime';

const WORKING_DAY_HOURS = 8;

/**
 * A moment as the viewer's language writes it, in Vietnam time (deadlines are Vietnamese office
 * hours, whatever the device's zone): "17:00 ngày 02/12/2026" in Vietnamese; the English
 * locale's own ("2 Dec 2026, 17:00").
 */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (locale === 'vi') {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: VIETNAM_TIME_ZONE,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(date)
        .map((part) => [part.type, part.value]),
    );
    return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
  }
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** Dates in the viewer's language, in Vietnam time. */
export function useDateFormat() {
  const { locale } = useI18n();
  return (iso: string | null | undefined): string => (iso ? formatDateTime(iso, locale.value) : '');
}

/** "còn 2 ngày làm việc", "quá hạn 5 giờ làm việc": whole working days from 8 hours, else hours. */
export function useWorkingTimeLeft() {
  const { t } = useI18n();
  return (workingHoursLeft: number): string => {
    const hours = Math.abs(workingHoursLeft);
    const key = workingHoursLeft < 0 ? 'late' : 'left';
    if (hours >= WORKING_DAY_HOURS) {
      const days = Math.floor(hours / WORKING_DAY_HOURS);
      return t(`workingTime.${key}Days`, { count: days }, days);
    }
    const whole = Math.max(1, Math.floor(hours));
    return hours < 1 && key === 'left'
      ? t('workingTime.underAnHour')
      : t(`workingTime.${key}Hours`, { count: whole }, whole);
  };
}
