import { useI18n } from 'vue-i18n';
import type { LiveEvent } from '../live/liveFeed';

/** Events and system reasons in the viewer's language: the server stores codes, never prose. */
export function useEventText() {
  const { t, te } = useI18n();

  const actor = (event: Pick<LiveEvent, 'actorKind' | 'actorName'>): string =>
    event.actorKind === 'PERSON' ? event.actorName : t(`actor.${event.actorKind}`);

  /** A parameter is itself a code (`reason.field.THIS`) when the messages know it, else a name. */
  const param = (key: string, value: string): string =>
    te(`reason.${key}.${value}`) ? t(`reason.${key}.${value}`) : value;

  const reason = (event: Pick<LiveEvent, 'reasonCode' | 'reasonParams' | 'reason'>): string => {
    if (event.reasonCode) {
      const params = Object.fromEntries(event.reasonParams.map(({ key, value }) => [key, param(key, value)]));
      return t(`reason.${event.reasonCode}`, params);
    }
    return event.reason ? t('event.reason', { reason: event.reason }) : '';
  };

  const describe = (event: LiveEvent): string =>
    t(`event.${event.type}`, {
      actor: actor(event),
      unit: event.toUnit?.name ?? '',
      from: event.fromStatus ? t(`status.${event.fromStatus}`) : (event.fromUnit?.name ?? ''),
      to: event.toStatus ? t(`status.${event.toStatus}`) : '',
      rating: String(event.rating ?? ''),
    });

  return { actor, reason, describe };
}
