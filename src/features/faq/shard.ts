import { confidenceOf, type Doc, type QuerySide } from './coverage';
import type { FaqEntry, FaqHit } from './searchable';
import { type Analysis, analyze, FuzzyVocabulary } from './text';
import { TopHits } from './top-hits';

/** BM25 constants. b is below the usual 0.75: phrasings are all short, so length says little about focus. */
const K1 = 1.2;
const B = 0.5;
/** Candidates whose confidence is computed; beyond the first few it cannot change the outcome. */
const RERANK = 8;
/**
 * With thousands of entries, a common single character (社, 区) has postings in thousands of phrasings and adds
 * next to nothing to any score; walking them is most of the lookup time. Such a term is skipped when its weight
 * is under a tenth of the query's strongest term. Small knowledge bases never reach the length, so are unaffected.
 */
const PRUNE_MIN_POSTINGS = 2000;
const PRUNE_MAX_IMPACT = 0.1;

interface Postings {
  term: string;
  /** The term's number in this shard, while it has postings. */
  id: number;
  docs: number[];
  tfs: number[];
}

interface IndexedEntry {
  slot: number;
  docs: number[];
  /** Every term of every phrasing and of the keywords: the question's coverage is measured against it. */
  union: Set<number>;
  latinWords: string[];
}

/**
 * One language's entries. Each phrasing (the question, each alternative, the keyword list) is its own BM25
 * document and an entry scores as its best phrasing. Why not one field-combined document per entry: an entry with
 * eight phrasings would repeat its words eight times and win on sheer length and tf, while residents ask in one
 * phrasing's words at a time; max-over-phrasings keeps entries with few and many phrasings comparable. Words spread
 * over several phrasings still count in the confidence, which reads the entry's union of terms.
 */
export class Shard {
  private readonly docs: (Doc | undefined)[] = [];
  private readonly freeDocs: number[] = [];
  private readonly postings = new Map<string, Postings>();
  /** Postings by term number. */
  private readonly byId: (Postings | undefined)[] = [];
  private readonly freeTermIds: number[] = [];
  private termIds = 0;
  readonly entries = new Map<number, IndexedEntry>();
  /** Dense entry numbers, so per-search scratch space is a typed array rather than a Map. */
  private readonly slotIds: number[] = [];
  private readonly freeSlots: number[] = [];
  readonly vocab = new FuzzyVocabulary();
  private liveDocs = 0;
  private totalLen = 0;
  /** Bumped by every add and remove: document weights of an older change are weighed again when next read. */
  private changes = 0;
  // Per-search scratch space, reused so that a lookup allocates next to nothing (no GC pauses at p99).
  private acc = new Float64Array(64);
  private best = new Float64Array(64);
  private touched = new Int32Array(64);
  /** Each phrasing's length and entry slot, dense beside `acc`: the postings walk reads them for every posting. */
  private docLens = new Float64Array(64);
  private docSlots = new Int32Array(64);
  private slots = new Int32Array(64);
  private readonly top = new TopHits(RERANK);
  private readonly idOfSlot = (slot: number) => this.slotIds[slot] as number;
  /** `inQuery[termId] === stamp`: the term is in the question being searched (a new stamp per search). */
  private inQuery = new Int32Array(64);
  private stamp = 0;

  add(entry: FaqEntry): void {
    const slot = this.freeSlots.pop() ?? this.slotIds.length;
    this.slotIds[slot] = entry.id;
    const indexed: IndexedEntry = { slot, docs: [], union: new Set(), latinWords: [] };
    const texts = [entry.question, ...entry.phrasings, entry.keywords.join(' ')];
    texts.forEach((text, k) => {
      if (text.trim() === '') return;
      const { terms, explained } = analyze(text);
      const d = this.freeDocs.pop() ?? this.docs.length;
      const ids: number[] = [];
      let len = 0;
      for (const [term, tf] of terms) {
        let p = this.postings.get(term);
        if (!p) {
          p = { term, id: this.freeTermIds.pop() ?? this.termIds++, docs: [], tfs: [] };
          this.postings.set(term, p);
          this.byId[p.id] = p;
        }
        p.docs.push(d);
        p.tfs.push(tf);
        len += tf;
        ids.push(p.id);
        indexed.union.add(p.id);
        if (/^w:\p{Script=Latin}+$/u.test(term)) indexed.latinWords.push(term.slice(2));
      }
      // A group that explains a term is a term of the same phrasing, so it is numbered by now.
      const groups = explained.size
        ? [...terms.keys()].map((t) => {
            const group = explained.get(t);
            return group === undefined ? -1 : (this.postings.get(group) as Postings).id;
          })
        : undefined;
      const isKeywords = k === texts.length - 1;
      this.docs[d] = {
        slot,
        len,
        tfs: [...terms.values()],
        ids,
        groups,
        isKeywords,
        weights: [],
        total: 0,
        weighedAt: -1,
      };
      this.liveDocs++;
      this.totalLen += len;
      indexed.docs.push(d);
    });
    for (const w of indexed.latinWords) this.vocab.add(w);
    this.entries.set(entry.id, indexed);
    this.changes++;
    if (this.acc.length < this.docs.length) {
      this.acc = new Float64Array(this.docs.length * 2);
      this.touched = new Int32Array(this.docs.length * 2);
      this.docLens = grown(this.docLens, this.docs.length * 2);
      this.docSlots = grown(this.docSlots, this.docs.length * 2);
    }
    for (const d of indexed.docs) {
      this.docLens[d] = (this.docs[d] as Doc).len;
      this.docSlots[d] = slot;
    }
    if (this.inQuery.length < this.termIds) this.inQuery = new Int32Array(this.termIds * 2);
    if (this.best.length < this.slotIds.length) {
      this.best = new Float64Array(this.slotIds.length * 2);
      this.slots = new Int32Array(this.slotIds.length * 2);
    }
  }

  remove(id: number): boolean {
    const indexed = this.entries.get(id);
    if (!indexed) return false;
    for (const d of indexed.docs) {
      const doc = this.docs[d] as Doc;
      for (const termId of doc.ids) {
        const p = this.byId[termId];
        const i = p ? p.docs.indexOf(d) : -1;
        if (!p || i < 0) continue;
        p.docs.splice(i, 1);
        p.tfs.splice(i, 1);
        if (p.docs.length > 0) continue;
        this.postings.delete(p.term);
        this.byId[termId] = undefined;
        this.freeTermIds.push(termId);
      }
      this.liveDocs--;
      this.totalLen -= doc.len;
      this.docs[d] = undefined;
      this.freeDocs.push(d);
    }
    for (const w of indexed.latinWords) this.vocab.remove(w);
    this.slotIds[indexed.slot] = -1;
    this.freeSlots.push(indexed.slot);
    this.entries.delete(id);
    this.changes++;
    return true;
  }

  private idf(df: number): number {
    return Math.log(1 + (this.liveDocs - df + 0.5) / (df + 0.5));
  }

  /** Entries ranked by best-phrasing BM25 × confidence², confidence computed for the first few. */
  rank(query: Analysis): FaqHit[] {
    if (this.liveDocs === 0 || query.terms.size === 0) return [];
    // Each query term's postings and idf, looked up once for the ranking and the confidence alike.
    const found: (Postings | undefined)[] = [];
    const idfs: number[] = [];
    const lists: Postings[] = [];
    const impacts: number[] = [];
    if (this.stamp === 0x7fffffff) {
      this.inQuery.fill(0); // an Int32Array would wrap the next stamp and no term would read as asked
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    let strongest = 0;
    for (const term of query.terms.keys()) {
      const p = this.postings.get(term);
      const idf = this.idf(p ? p.docs.length : 0);
      found.push(p);
      idfs.push(idf);
      if (!p) continue;
      this.inQuery[p.id] = stamp;
      const impact = (query.terms.get(term) as number) * idf;
      lists.push(p);
      impacts.push(impact);
      strongest = Math.max(strongest, impact);
    }
    const { acc, best, touched, slots, docLens, docSlots } = this;
    const lenFactor = (K1 * B) / (this.totalLen / this.liveDocs);
    let nTouched = 0;
    for (let l = 0; l < lists.length; l++) {
      const { docs, tfs } = lists[l] as Postings;
      const impact = impacts[l] as number;
      if (docs.length > PRUNE_MIN_POSTINGS && impact < PRUNE_MAX_IMPACT * strongest) continue;
      const w = impact * (K1 + 1);
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number;
        const tf = tfs[i] as number;
        if (acc[d] === 0) touched[nTouched++] = d;
        acc[d] += (w * tf) / (tf + K1 * (1 - B) + lenFactor * (docLens[d] as number));
      }
    }
    let nSlots = 0;
    for (let k = 0; k < nTouched; k++) {
      const d = touched[k] as number;
      const slot = docSlots[d] as number;
      if (best[slot] === 0) slots[nSlots++] = slot;
      if ((acc[d] as number) > (best[slot] as number)) best[slot] = acc[d] as number;
    }
    this.top.clear();
    for (let k = 0; k < nSlots; k++) {
      const slot = slots[k] as number;
      this.top.offer(slot, best[slot] as number);
      best[slot] = 0;
    }
    const top = this.top.hits(this.idOfSlot);
    const side = top.length ? this.querySide(query, found, idfs) : undefined;
    for (const hit of top) hit.confidence = this.confidence(hit.id, side as QuerySide, stamp);
    for (let k = 0; k < nTouched; k++) acc[touched[k] as number] = 0;
    // BM25 finds the candidates; the final score also weighs how well each explains the question as a whole
    // (squared: BM25 rewards one rare word matched twice, confidence rewards the whole question understood).
    for (const hit of top) hit.score *= hit.confidence * hit.confidence;
    return top.sort((a, b) => b.score - a.score);
  }

  private querySide(query: Analysis, found: (Postings | undefined)[], idfs: number[]): QuerySide {
    const side: QuerySide = { ids: [], groups: [], weights: [], total: 0 };
    let total = 0;
    let i = 0;
    for (const t of query.terms.keys()) {
      const p = found[i];
      const w = (query.terms.get(t) as number) * (idfs[i++] as number);
      if (t.startsWith('s:')) continue;
      const group = query.explained.get(t);
      side.ids.push(p ? p.id : -1);
      side.groups.push(group === undefined ? -1 : (this.postings.get(group)?.id ?? -1));
      side.weights.push(w);
      total += w;
    }
    side.total = total;
    return side;
  }

  /** The phrasing's term weights as of the latest change, summed in the order its terms were indexed. */
  private weigh(doc: Doc): Doc {
    if (doc.weighedAt === this.changes) return doc;
    const weights: number[] = [];
    let total = 0;
    for (let i = 0; i < doc.ids.length; i++) {
      const p = this.byId[doc.ids[i] as number] as Postings;
      const w = p.term.startsWith('s:') ? 0 : (doc.tfs[i] as number) * this.idf(p.docs.length);
      weights.push(w);
      total += w;
    }
    doc.weights = weights;
    doc.total = total;
    doc.weighedAt = this.changes;
    return doc;
  }

  /** The hit's confidence, read from its best phrasing: must run before `acc` is cleared. */
  private confidence(id: number, side: QuerySide, stamp: number): number {
    const entry = this.entries.get(id);
    if (!entry) return 0;
    let bestDoc: Doc | undefined;
    let bestScore = 0;
    for (const d of entry.docs) {
      const doc = this.docs[d] as Doc;
      if (!doc.isKeywords && (this.acc[d] as number) > bestScore) {
        bestDoc = doc;
        bestScore = this.acc[d] as number;
      }
    }
    return confidenceOf(side, entry.union, bestDoc && this.weigh(bestDoc), this.inQuery, stamp);
  }
}

/** A copy of `a` with room for `n`. */
function grown<T extends Float64Array | Int32Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
