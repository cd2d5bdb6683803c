import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../shared/text.js';
import { Unit, UnitLevel } from '../units/unit.entity.js';
import { Thread, THREAD_RELATIONS } from './thread.entity.js';
import { OPEN_STATUSES } from './thread-status.js';

export interface SimilarQuery {
  title: string;
  placeId?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  first: number;
}

/** A PostgreSQL array literal of plain words and ids (knex would spread a JS array into a list). */
const pgArray = (values: readonly string[]) => `{${values.map((value) => value.replace(/[^\w-]/g, '')).join(',')}}`;

/** How close a pinned thread must be to count as "here" when the places differ. */
export const NEARBY_METRES = 1500;
/** pg_trgm word similarity from which a title counts as about the same thing. */
const MIN_SIMILARITY = 0.5;

/** The commune of a place and its villages: "the same place" for a citizen about to post. */
async function communeAndVillages(em: EntityManager, placeId: string): Promise<string[]> {
  const place = await em.findOne(Unit, placeId);
  if (!place) return [];
  const communeId = place.level === UnitLevel.VILLAGE && place.parent ? place.parent.id : place.id;
  const villages = await em.find(Unit, { parent: communeId, level: UnitLevel.VILLAGE }, { fields: ['id'] });
  return [communeId, ...villages.map((unit) => unit.id)];
}

/**
 * Open public threads whose text is like the title being typed (pg_trgm word similarity on the
 * folded text, so "duong bi sat lo" finds "Đường bị sạt lở"), in the same commune or pinned
 * within {@link NEARBY_METRES}; most similar first. Public only: the citizen can support or
 * follow them instead of posting again.
 */
export async function similarThreads(em: EntityManager, query: SimilarQuery): Promise<Thread[]> {
  const folded = foldVietnamese(query.title).trim();
  if (folded.length < 3) return [];
  const places = query.placeId ? await communeAndVillages(em, query.placeId) : [];
  const pinned = query.latitude != null && query.longitude != null;
  if (places.length === 0 && !pinned) return [];
  // Equirectangular distance: exact enough within a few kilometres.
  const rows: Array<{ id: string }> = await em.getConnection().execute(
    `select t.id
       from threads t
      where t.is_public
        and t.status = any(?::text[])
        and (t.place_id = any(?::uuid[])
             or (?::boolean and t.latitude is not null and t.longitude is not null
                 and 6371000 * sqrt(power(radians(t.latitude - ?::float8), 2)
                   + power(radians(t.longitude - ?::float8) * cos(radians(?::float8)), 2)) <= ?))
        and word_similarity(?, t.search_text) >= ?
      order by word_similarity(?, t.search_text) desc, t.created_at desc
      limit ?`,
    [
      pgArray(OPEN_STATUSES),
      pgArray(places),
      pinned,
      query.latitude ?? 0,
      query.longitude ?? 0,
      query.latitude ?? 0,
      NEARBY_METRES,
      folded,
      MIN_SIMILARITY,
      folded,
      query.first,
    ],
  );
  if (rows.length === 0) return [];
  const threads = await em.find(
    Thread,
    { id: { $in: rows.map((row) => row.id) } },
    { populate: [...THREAD_RELATIONS] },
  );
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  return rows.map((row) => byId.get(row.id)).filter((thread): thread is Thread => !!thread);
}
