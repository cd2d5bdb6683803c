import { useI18n } from 'vue-i18n';
import type { LiveEvent } from '../live/liveFeed';
import { useUnitName } from '../shared/unitName';

/** Events and system reasons in the viewer's language: the server stores codes, never prose. */
export function useEventText() {
  const { t, te, locale } = useI18n();
  const unitName = useUnitName();

  /** A calendar day "2025-07-01" as the reader writes it (01/07/2025 in Vietnamese). */
  const formatDay = (day: string) =>
    new Intl.DateTimeFormat(locale.value === 'en' ? 'en-GB' : 'vi-VN', {
      timeZone: 'UTC',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(`${day}T00:00:00Z`));

  const actor = (event: Pick<LiveEvent, 'actorKind' | 'actorName'>): string =>
    event.actorKind === 'PERSON' ? event.actorName : t(`actor.${event.actorKind}`);

  /** A parameter is itself a code (`reason.field.THIS`) when the messages know it, a day, else a name. */
  const param = (key: string, value: string): string =>
    te(`reason.${key}.${value}`)
      ? t(`reason.${key}.${value}`)
      : /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? formatDay(value)
        : value;

  const reason = (event: Pick<LiveEvent, 'reasonCode' | 'reasonParams' | 'reason'>): string => {
    if (event.reasonCode) {
      const params = Object.fromEntries(event.reasonParams.map(({ key, value }) => [key, param(key, value)]));
      const coded = t(`reason.${event.reasonCode}`, params);
      // A code with a person's words too (a duplicate's note to the author): both.
      return event.reason ? `${coded} — ${t('event.reason', { reason: event.reason })}` : coded;
    }
    return event.reason ? t('event.reason', { reason: event.reason }) : '';
  };

  const describe = (event: LiveEvent): string =>
    t(`event.${event.type}`, {
      actor: actor(event),
      unit: unitName(event.toUnit),
      // A transfer names the unit it came from (a reorganisation's keeps the status); others, the status.
      from:
        event.type === 'TRANSFERRED' || !event.fromStatus ? unitName(event.fromUnit) : t(`status.${event.fromStatus}`),
      to: event.toStatus ? t(`status.${event.toStatus}`) : '',
      rating: String(event.rating ?? ''),
      assignee: event.assignee?.displayName ?? '',
    });

  return { actor, reason, describe };
}
