// What the FAQ index holds and returns: shared by the matcher and its per-language shards, so neither imports
// the other.

export type FaqLang = 'zh-CN' | 'en';

export const isFaqLang = (s: unknown): s is FaqLang => s === 'zh-CN' || s === 'en';

/** One answer in one language, as the index sees it. */
export interface FaqEntry {
  id: number;
  lang: FaqLang;
  question: string;
  phrasings: string[];
  keywords: string[];
  answer: string;
  category: string;
}

/**
 * `confidence` (0…1) says how well the entry explains the question; `score` orders the hits (BM25 weighted by
 * confidence) and only compares within one search.
 */
export interface FaqHit {
  id: number;
  score: number;
  confidence: number;
}
