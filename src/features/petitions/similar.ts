import { analyze } from '../faq/text';

/** Cosine similarity of two texts over the FAQ's Chinese-aware weighted terms (words, bigrams, synonyms). */
export function textSimilarity(a: string, b: string): number {
  const ta = analyze(a).terms;
  const tb = analyze(b).terms;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, w] of ta) {
    na += w * w;
    const v = tb.get(k);
    if (v !== undefined) dot += w * v;
  }
  for (const w of tb.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export interface Point {
  latitude: number | null;
  longitude: number | null;
}

/** Great-circle distance in metres; undefined unless both points are known. */
export function distanceMeters(a: Point, b: Point): number | undefined {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return undefined;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Within this distance two reports of the same category are likely about the same spot. */
export const NEAR_METERS = 150;
/** Below this a petition is not offered as the same problem: an unrelated offer costs an elderly resident a detour. */
export const SIMILAR_THRESHOLD = 0.3;

/** How alike a draft is to an open petition of the same category and community: text, plus a bonus when close by. */
export function similarity(
  draft: Point & { place: string; description: string },
  other: Point & { place: string; description: string },
): number {
  const text = textSimilarity(`${draft.place} ${draft.description}`, `${other.place} ${other.description}`);
  const d = distanceMeters(draft, other);
  return text + (d !== undefined && d <= NEAR_METERS ? 0.3 : 0);
}
