import { useI18n } from 'vue-i18n';

/** A unit as shown: a unit that a reorganisation ended reads "… (cũ)" / "… (former)". */
export function useUnitName() {
  const { t } = useI18n();
  return (unit: { name: string; isCurrent?: boolean | null } | null | undefined): string => {
    if (!unit) return '';
    return unit.isCurrent === false ? t('unit.former', { name: unit.name }) : unit.name;
  };
}
