import { useI18n } from 'vue-i18n';

/** Dates in the viewer's language and the local time zone. */
export function useDateFormat() {
  const { d } = useI18n();
  return (iso: string | null | undefined): string => (iso ? d(new Date(iso), 'short') : '');
}
