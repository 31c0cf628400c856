import { normalize } from '../../core/chinese';
import { findSynonyms } from './synonyms';

export { normalize };

/**
 * Text analysis for the FAQ matcher: one normalisation shared by the index and the query, then weighted terms.
 * Term keys carry a prefix so that a word, a character bigram, a single character and a synonym group never
 * collide: `w:` word, `b:` CJK bigram, `u:` single CJK character, `s:` canonical synonym group.
 */

/** Weights of each kind of term. Words and synonym groups carry the meaning; bigrams rescue names the segmenter
 * splits into single characters (野|享|市|集); single characters rescue homophone typos (摸刀 still shares 刀). */
export const TERM_WEIGHT = {
  word: 1,
  singleCharWord: 0.6,
  stopword: 0.1,
  number: 0.5,
  bigram: 0.5,
  unigram: 0.15,
  synonym: 1,
} as const;

/** Function words: kept (a question of only these is still a question) but nearly weightless. */
const ZH_STOPWORDS = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 咯 啦 噻 哈 么 嘞 撒 咧 我 你 您 他 她 它 我们 你们 他们 咱 咱们 俺 请问 请 问 问下 ' +
    '问一下 一下 下 想 想问 想知道 知道 是 在 有 没有 要 能 能不能 可以 可不可以 会 会不会 就 都 也 还 和 跟 与 或 ' +
    '或者 给 把 被 让 这 那 这个 那个 这里 那里 个 些 一些 那么 这么 然后 如果 因为 所以 但是 不 没 很 太 好 上 里 ' +
    '中 呗 谢谢 你好 麻烦 帮忙 帮我 告诉 一个 哪个 哈哈 老 家里 自己 要不要 是不是 行不行 好不好 能否 是否 可否 有没 ' +
    '不能 不行 一直 已经 现在 还是 什么 怎么 怎么样 如何 怎样'
  ).split(' '),
);
const ZH_STOPCHARS = new Set([...'的了吗呢吧啊呀哦嘛咯啦么嘞撒咧我你您他她它是在个这那就都也还和跟与或把被不没很太哈']);
const EN_STOPWORDS = new Set(
  (
    'a an the is are was were be been am do does did i me my we our you your he she it its they them this that these ' +
    'those to of in on at for from by with about into as and or but if so then there here can could would should ' +
    'will shall may might please hi hello thanks thank any some get got just also very know tell want wanna need ' +
    'like one what how who which s t m'
  ).split(' '),
);

export interface Analysis {
  /** term key → summed weight (the "term frequency" of a document, the query weight of a query). */
  terms: Map<string, number>;
  /**
   * Terms that lie entirely inside a synonym variant, with the group term that explains them: 微波炉 is unknown to
   * the entries, but 家电维修 is not, so 微波炉 should not count against the match (see matcher confidence).
   */
  explained: Map<string, string>;
  /** How many CJK characters and Latin words the text had: the matcher reads the query's language from them. */
  cjkChars: number;
  latinWords: number;
  /** The text normalised (see normalize): callers that read it too need not normalise it again. */
  norm: string;
}

/** A corrector for Latin words not in the vocabulary (see FuzzyVocabulary); returns the word to use instead. */
export type Corrector = (word: string) => string | undefined;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The terms of one text in the order they are found, before equal ones are summed: parallel arrays rather than an
 * object per term, and functions at module level rather than closures made on every call (analyze runs on every
 * question a resident types).
 */
class Found {
  readonly keys: string[] = [];
  readonly weights: number[] = [];
  /** Code-unit span in the normalised text (Chinese) or word span (Latin). */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly latin: boolean[] = [];

  add(key: string, w: number, start: number, end: number, latin: boolean): void {
    this.keys.push(key);
    this.weights.push(w);
    this.starts.push(start);
    this.ends.push(end);
    this.latin.push(latin);
  }
}

/** As isCjk, on a code unit: the segmenter's segments are tested one first character at a time. */
const isCjkCode = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** The character terms of an unbroken run of CJK segments (`segs`, starting at `ats`), which it then empties. */
function addRun(found: Found, segs: string[], ats: number[]): void {
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    const at = ats[i] as number;
    for (let j = 0; j < seg.length; j++) {
      const ch = seg[j] as string;
      if (!ZH_STOPCHARS.has(ch)) found.add(`u:${ch}`, TERM_WEIGHT.unigram, at + j, at + j + 1, false);
      if (j + 1 < seg.length) found.add(`b:${seg.slice(j, j + 2)}`, TERM_WEIGHT.bigram, at + j, at + j + 2, false);
    }
    // A bigram across a boundary only when the segmenter left a character alone (it did not know the word):
    // 野|享|市|集 → 野享 享市 市集. Across two known words (哪里|可以) it would only add noise.
    const next = segs[i + 1];
    if (next !== undefined && (seg.length === 1 || next.length === 1)) {
      const a = seg[seg.length - 1] as string;
      const b = next[0] as string;
      const nextAt = ats[i + 1] as number;
      if (!ZH_STOPCHARS.has(a) && !ZH_STOPCHARS.has(b))
        found.add(`b:${a}${b}`, TERM_WEIGHT.bigram, nextAt - 1, nextAt + 1, false);
    }
  }
  segs.length = 0;
  ats.length = 0;
}

/** Turns a question, phrasing or keyword list into weighted terms. */
export function analyze(text: string, correct?: Corrector): Analysis {
  const norm = normalize(text);
  const found = new Found();
  let cjkChars = 0;
  const latin: string[] = [];
  // The CJK segments of one unbroken run, with their offsets, to build bigrams across single-character segments.
  const segs: string[] = [];
  const ats: number[] = [];
  for (const { segment, index, isWordLike } of segmenter.segment(norm)) {
    if (!isWordLike) {
      addRun(found, segs, ats);
      continue;
    }
    if (isCjkCode(segment.charCodeAt(0))) {
      cjkChars += segment.length;
      const w = ZH_STOPWORDS.has(segment)
        ? TERM_WEIGHT.stopword
        : segment.length === 1
          ? TERM_WEIGHT.singleCharWord
          : TERM_WEIGHT.word;
      found.add(`w:${segment}`, w, index, index + segment.length, false);
      segs.push(segment);
      ats.push(index);
      continue;
    }
    addRun(found, segs, ats);
    if (/^\p{N}+$/u.test(segment)) {
      found.add(`w:${segment}`, TERM_WEIGHT.number, index, index + segment.length, false);
      continue;
    }
    const word = (EN_STOPWORDS.has(segment) ? undefined : correct?.(segment)) ?? segment;
    found.add(
      `w:${word}`,
      EN_STOPWORDS.has(word) ? TERM_WEIGHT.stopword : TERM_WEIGHT.word,
      latin.length,
      latin.length + 1,
      true,
    );
    latin.push(word);
  }
  addRun(found, segs, ats);

  const terms = new Map<string, number>();
  const explained = new Map<string, string>();
  const matches = findSynonyms(norm, latin);
  for (const m of matches) terms.set(`s:${m.group}`, (terms.get(`s:${m.group}`) ?? 0) + TERM_WEIGHT.synonym);
  for (let i = 0; i < found.keys.length; i++) {
    const key = found.keys[i] as string;
    terms.set(key, (terms.get(key) ?? 0) + (found.weights[i] as number));
    for (const m of matches) {
      if (m.latin === found.latin[i] && m.start <= (found.starts[i] as number) && (found.ends[i] as number) <= m.end) {
        explained.set(key, `s:${m.group}`);
        break;
      }
    }
  }
  return { terms, explained, cjkChars, latinWords: latin.length, norm };
}

/**
 * Stemming-free fuzzy lookup for Latin words: a deletion neighbourhood (every word with one letter removed, the
 * SymSpell idea) finds vocabulary words within one edit or transposition in a handful of map lookups: "donnate" →
 * "donate", "volunter" → "volunteer", "markets" → "market". Words under 4 letters are too ambiguous to correct.
 */
export class FuzzyVocabulary {
  private readonly counts = new Map<string, number>();
  private readonly deletions = new Map<string, Set<string>>();

  add(word: string): void {
    const n = this.counts.get(word) ?? 0;
    this.counts.set(word, n + 1);
    if (n > 0 || word.length < 4) return;
    for (const d of deletes(word)) {
      let set = this.deletions.get(d);
      if (!set) {
        set = new Set();
        this.deletions.set(d, set);
      }
      set.add(word);
    }
  }

  remove(word: string): void {
    const n = this.counts.get(word) ?? 0;
    if (n > 1) return void this.counts.set(word, n - 1);
    this.counts.delete(word);
    if (word.length < 4) return;
    for (const d of deletes(word)) this.deletions.get(d)?.delete(word);
  }

  /** The word itself when known, else the most frequent vocabulary word within one edit, else undefined. */
  correct(word: string): string | undefined {
    if (this.counts.has(word) || word.length < 4) return undefined;
    const found = new Set<string>(this.deletions.get(word)); // word is the known word with one letter removed
    for (const d of deletes(word)) {
      if (this.counts.has(d)) found.add(d); // one letter too many
      for (const w of this.deletions.get(d) ?? []) found.add(w); // one letter swapped or transposed-ish
    }
    let best: string | undefined;
    let bestCount = 0;
    for (const w of found) {
      if (!withinOneEdit(word, w)) continue; // a shared deletion can also be two substitutions (house/hours)
      const c = this.counts.get(w) ?? 0;
      if (c > bestCount || (c === bestCount && best !== undefined && w < best)) [best, bestCount] = [w, c];
    }
    return best;
  }
}

/** Levenshtein distance ≤ 1, plus one adjacent transposition ("recieve"). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
