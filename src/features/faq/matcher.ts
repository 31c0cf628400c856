import type { FaqEntry, FaqHit, FaqLang } from './searchable';
import { Shard } from './shard';
import { type Analysis, analyze } from './text';

export type { FaqEntry, FaqHit, FaqLang } from './searchable';

export type FaqOutcome = 'answer' | 'choices' | 'none';

export interface FaqResult {
  outcome: FaqOutcome;
  /** Best first. 'answer': the first hit is the answer. 'none': the weak hits are still listed, e.g. for staff. */
  top: FaqHit[];
  /** The language whose entries were searched (the query's script can override the user's language). */
  lang: FaqLang;
}

/**
 * Answer at once only when the entry explains at least half of the question AND clearly beats the runner-up:
 * a wrong confident answer costs an elderly resident more than one extra tap on a choice button.
 */
export const ANSWER_MIN_CONFIDENCE = 0.5;
/** Lead of the best score over the runner-up's, (s1 − s2) / s1, to answer at once: the runner-up must score ≤ 60 %. */
export const ANSWER_MIN_MARGIN = 0.4;
/** Below this share of the question explained nothing fits: the question goes to staff rather than to a guess list. */
export const CHOICES_MIN_CONFIDENCE = 0.3;
/** Choices show entries scoring at least this fraction of the best one: fewer buttons, fewer wrong taps. */
export const CHOICES_MIN_RELATIVE_SCORE = 0.5;
/** At most four buttons: more is a wall of text on a phone. */
export const MAX_CHOICES = 4;

/**
 * The FAQ search index: incremental (staff add, edit and delete entries while the bot runs), in memory, one shard
 * per language. The query's script picks the shard — a Chinese question from a user whose Telegram is in English
 * still finds the Chinese entry — and the user's language decides when the script is unclear ("IGO?").
 */
export class FaqIndex {
  private readonly shards: Record<FaqLang, Shard> = { 'zh-CN': new Shard(), en: new Shard() };
  private readonly langOf = new Map<number, FaqLang>();

  constructor(entries: Iterable<FaqEntry> = []) {
    for (const e of entries) this.add(e);
  }

  get size(): number {
    return this.langOf.size;
  }

  has(id: number): boolean {
    return this.langOf.has(id);
  }

  /** Adds an entry; an id already indexed is an error (use replace). */
  add(entry: FaqEntry): void {
    if (this.langOf.has(entry.id)) throw new Error(`FAQ entry ${entry.id} is already indexed`);
    this.shards[entry.lang].add(entry);
    this.langOf.set(entry.id, entry.lang);
  }

  /** Removes an entry; false when it was not indexed. */
  remove(id: number): boolean {
    const lang = this.langOf.get(id);
    if (!lang) return false;
    this.langOf.delete(id);
    return this.shards[lang].remove(id);
  }

  /** Adds or replaces an entry (its language may change). */
  replace(entry: FaqEntry): void {
    this.remove(entry.id);
    this.add(entry);
  }

  /**
   * `limit` caps the hits returned (default MAX_CHOICES); choices never exceed MAX_CHOICES. `plain` is the query's
   * analysis when the caller already made it (the small-talk check): analysing is most of a lookup's cost.
   */
  search(query: string, lang: FaqLang, options: { limit?: number; plain?: Analysis } = {}): FaqResult {
    const limit = Math.max(1, options.limit ?? MAX_CHOICES);
    const plain = options.plain ?? analyze(query);
    const primary = scriptLanguage(plain) ?? lang;
    const other: FaqLang = primary === 'en' ? 'zh-CN' : 'en';
    const order: FaqLang[] = [primary];
    // The other shard only when the query has words in its script (an English word in a Chinese sentence).
    if (other === 'en' ? plain.latinWords > 0 : plain.cjkChars > 0) order.push(other);
    let first: FaqResult | undefined;
    for (const l of order) {
      const shard = this.shards[l];
      // Only Latin words are ever corrected: without any, the plain analysis is the corrected one.
      const a = plain.latinWords === 0 ? plain : analyze(query, (w) => shard.vocab.correct(w));
      const result = decide(shard.rank(a), l, limit);
      if (result.outcome !== 'none') return result;
      first ??= result;
    }
    return first ?? { outcome: 'none', top: [], lang: primary };
  }
}

/** Chinese when it has Chinese characters and no more Latin words than that; English when only Latin words. */
function scriptLanguage(a: Analysis): FaqLang | undefined {
  if (a.cjkChars >= 2 && a.cjkChars >= a.latinWords) return 'zh-CN';
  if (a.cjkChars === 0 && a.latinWords >= 2) return 'en';
  return undefined;
}

function decide(ranked: FaqHit[], lang: FaqLang, limit: number): FaqResult {
  const [first, second] = ranked;
  if (!first || first.confidence < CHOICES_MIN_CONFIDENCE)
    return { outcome: 'none', top: ranked.slice(0, limit), lang };
  const margin = second && first.score > 0 ? (first.score - second.score) / first.score : 1;
  if (first.confidence >= ANSWER_MIN_CONFIDENCE && margin >= ANSWER_MIN_MARGIN) {
    return { outcome: 'answer', top: ranked.slice(0, limit), lang };
  }
  const choices = ranked.filter((h) => h.score >= first.score * CHOICES_MIN_RELATIVE_SCORE);
  return { outcome: 'choices', top: choices.slice(0, Math.min(limit, MAX_CHOICES)), lang };
}
