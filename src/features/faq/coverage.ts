/**
 * How well an entry and a question explain each other: the confidence of a hit, coverage both ways, idf-weighted.
 * A synonym-group term is not counted itself but through the words it explains: 微波炉 is unknown to the entries, yet
 * the entry that speaks of 家电维修 explains it. Terms are the shard's numbers for them (−1: unknown to the shard),
 * so each check is an array read or a small integer set lookup rather than a string hashed again per candidate.
 */

/**
 * confidence = queryCoverage^0.65 × phrasingCoverage^0.35. The question's side weighs more (residents add words
 * of their own: "我家老头子…"), the phrasing's side catches a question that shares one word with an entry but is
 * about something else ("结婚登记去哪里" vs "怎么登记成特殊群体").
 */
const QUERY_SHARE = 0.65;

/** One phrasing (the question, an alternative, or the keyword list), indexed as one BM25 document. */
export interface Doc {
  slot: number;
  len: number;
  /** The shard's number of each term and its tf, and of the synonym group that explains it (−1; none at all: no group). */
  ids: number[];
  tfs: number[];
  groups: number[] | undefined;
  /** The keyword list scores like a phrasing but is not one a question can be compared with. */
  isKeywords: boolean;
  /**
   * Each term's tf × idf and their sum, as of the shard's change `weighedAt` (idf moves with every add and
   * remove), made when first read. A synonym group weighs 0 here, which adds nothing to either sum.
   */
  weights: number[];
  total: number;
  weighedAt: number;
}

/** The question's side, the same for every candidate: weighed once per search. Synonym groups are left out. */
export interface QuerySide {
  ids: number[];
  /** The synonym group that explains each term (−1 when none). */
  groups: number[];
  weights: number[];
  total: number;
}

/** The idf-weighted share of the question that the entry's words (`union`, every term of every phrasing) explain. */
function questionShare(side: QuerySide, union: ReadonlySet<number>): number {
  let covered = 0;
  for (let i = 0; i < side.ids.length; i++) {
    const group = side.groups[i] as number;
    if (union.has(side.ids[i] as number) || (group >= 0 && union.has(group))) covered += side.weights[i] as number;
  }
  return side.total > 0 ? covered / side.total : 0;
}

/** The idf-weighted share of the phrasing that the question explains; `inQuery[id] === stamp` marks its terms. */
function phrasingShare(doc: Doc, inQuery: Int32Array, stamp: number): number {
  let covered = 0;
  for (let i = 0; i < doc.ids.length; i++) {
    const group = doc.groups ? (doc.groups[i] as number) : -1;
    if (inQuery[doc.ids[i] as number] === stamp || (group >= 0 && inQuery[group] === stamp))
      covered += doc.weights[i] as number;
  }
  return doc.total > 0 ? covered / doc.total : 0;
}

/** The hit's confidence (0…1): its entry against the question, and its best phrasing (if any) against the question. */
export function confidenceOf(
  side: QuerySide,
  union: ReadonlySet<number>,
  best: Doc | undefined,
  inQuery: Int32Array,
  stamp: number,
): number {
  const dCov = best ? phrasingShare(best, inQuery, stamp) : 0;
  return questionShare(side, union) ** QUERY_SHARE * dCov ** (1 - QUERY_SHARE);
}
