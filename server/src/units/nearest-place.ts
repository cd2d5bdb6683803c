/** A point on the earth (WGS 84, degrees). */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_M = 6_371_000;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine): exact enough at the scale of a district. */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The candidate nearest the point, within `maxMetres`; null when none has coordinates or all are
 * farther. A suggestion only: the poster still chooses, and routing reads the chosen place.
 */
export function nearestOf<T extends Partial<GeoPoint>>(candidates: readonly T[], point: GeoPoint, maxMetres: number) {
  let best: { item: T; metres: number } | null = null;
  for (const item of candidates) {
    if (item.latitude == null || item.longitude == null) continue;
    const metres = distanceMetres(point, { latitude: item.latitude, longitude: item.longitude });
    if (metres <= maxMetres && (!best || metres < best.metres)) best = { item, metres };
  }
  return best;
}
