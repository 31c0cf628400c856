import { BadLocation, FarLocation } from '../errors';
import { activitiesPolicy } from '../policy';
import type { ActivitiesPorts } from './deps';

export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine): exact enough for "is this in our district" at any latitude. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whether a point sent for an activity's place is a sensible one: a real coordinate, and — measured from the
 * compounds that have a point of their own — within the range an activity of this sub-district can be held at. A
 * mis-tapped pin on the other side of the world would send residents nowhere.
 */
export function placeOnMap(ports: Pick<ActivitiesPorts, 'places'>) {
  return {
    async checkPoint(p: Point): Promise<Point> {
      const valid =
        Number.isFinite(p.latitude) &&
        Number.isFinite(p.longitude) &&
        Math.abs(p.latitude) <= 90 &&
        Math.abs(p.longitude) <= 180 &&
        // (0, 0) is what a client sends when it has no fix, never a community's place
        (p.latitude !== 0 || p.longitude !== 0);
      if (!valid) throw new BadLocation();
      const known = (await ports.places.compounds()).flatMap((c) => (c.location ? [c.location] : []));
      const { mapRangeKm } = activitiesPolicy;
      if (known.length && Math.min(...known.map((k) => distanceKm(k, p))) > mapRangeKm)
        throw new FarLocation(mapRangeKm);
      return { latitude: p.latitude, longitude: p.longitude };
    },
  };
}
