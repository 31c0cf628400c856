import { analyze } from '../faq/text';

/** A text's weighted terms (the FAQ's Chinese-aware words, bigrams, synonyms) and the sum of their squares. */
interface Terms {
  terms: Map<string, number>;
  squares: number;
}

function termsOf(text: string): Terms {
  const { terms } = analyze(text);
  let squares = 0;
  for (const w of terms.values()) squares += w * w;
  return { terms, squares };
}

/** Cosine similarity of two analysed texts (the draft's first: the sums run in the order they always did). */
function cosine(a: Terms, b: Terms): number {
  let dot = 0;
  for (const [k, w] of a.terms) {
    const v = b.terms.get(k);
    if (v !== undefined) dot += w * v;
  }
  return a.squares && b.squares ? dot / Math.sqrt(a.squares * b.squares) : 0;
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

type Text = Point & { place: string; description: string };

/**
 * How alike a draft is to an open petition of the same category and community: text, plus a bonus when close by.
 * The draft is analysed once for all the petitions it is compared with: the analysis (Intl.Segmenter and the
 * synonym scan) is ~43 us a text, and a community's open petitions of one category were ~30 at five years of history
 * (74 at most) — twice that per search when both sides were analysed for every pair.
 */
export function likeness(draft: Text): (other: Text) => number {
  // Analysed at the first comparison: most descriptions meet no open petition of their category at all.
  let mine: Terms | undefined;
  return (other) => {
    mine ??= termsOf(`${draft.place} ${draft.description}`);
    const text = cosine(mine, termsOf(`${other.place} ${other.description}`));
    const d = distanceMeters(draft, other);
    return text + (d !== undefined && d <= NEAR_METERS ? 0.3 : 0);
  };
}
