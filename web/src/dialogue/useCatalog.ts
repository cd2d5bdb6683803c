import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { CatalogDocument } from '../graphql/generated';
import { formerCommunes, placeGroups } from './places';

/** Fields and places for forms and filters; they change rarely, so the cache answers first. */
export function useCatalog() {
  const { locale } = useI18n();
  const query = useQuery({ query: CatalogDocument, requestPolicy: 'cache-first' });
  const categories = computed(() =>
    (query.data.value?.categories ?? []).map((category) => ({
      id: category.id,
      label: locale.value === 'en' ? category.nameEn : category.name,
    })),
  );
  const places = computed(() => placeGroups(query.data.value?.units ?? []));
  const formerPlaces = computed(() => formerCommunes(query.data.value?.units ?? []));
  return { query, categories, places, formerPlaces };
}
