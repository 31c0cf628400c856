import type { Db } from '../../../db/schema';
import { FaqIndex } from '../matcher';
import type { FaqLang } from '../searchable';
import type { KnownEntry } from '../store';
import * as store from '../store';
import type { Analysis } from '../text';

/**
 * The in-memory FAQ index, built from the database once and then changed in step with every add, edit and delete
 * this process makes (one process writes). `revision` is the database's change counter as of the index, so a
 * rebuild is needed only when another process (the `faq import` CLI) changed the entries.
 */
class Knowledge {
  readonly index = new FaqIndex();
  readonly entries = new Map<number, KnownEntry>();
  revision = -1;

  load(entries: KnownEntry[], revision: number): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
    for (const e of entries) this.put(e);
    this.revision = revision;
  }

  put(e: KnownEntry): void {
    const known: KnownEntry = {
      id: e.id,
      key: e.key,
      lang: e.lang,
      category: e.category,
      question: e.question,
      answer: e.answer,
      phrasings: e.phrasings,
      keywords: e.keywords,
    };
    this.index.replace(known);
    this.entries.set(known.id, known);
  }

  drop(id: number): void {
    this.index.remove(id);
    this.entries.delete(id);
  }

  search(text: string, lang: FaqLang, plain?: Analysis) {
    const r = this.index.search(text, lang, { plain });
    return { ...r, hits: r.top.map((h) => this.entries.get(h.id)).filter((e): e is KnownEntry => e !== undefined) };
  }
}

/** The index of the app's database, built on first use; one per service object (so one per app), never global. */
export type KnowledgeCache = ReturnType<typeof knowledgeCache>;

export function knowledgeCache(db: Db) {
  let loaded: Promise<Knowledge> | undefined;

  async function build(): Promise<Knowledge> {
    const k = new Knowledge();
    const rev = await store.revision(db);
    k.load(await store.allEntries(db), rev);
    return k;
  }

  function get(): Promise<Knowledge> {
    if (!loaded) {
      const p = build();
      loaded = p;
      p.catch(() => {
        if (loaded === p) loaded = undefined; // a failed build is retried by the next caller
      });
    }
    return loaded;
  }

  return {
    get,
    /** After this process changed entries: the index follows, if it was built at all. */
    async afterChange(put: KnownEntry[], dropped: number[] = []): Promise<void> {
      if (!loaded) return;
      const k = await loaded;
      for (const id of dropped) k.drop(id);
      for (const e of put) k.put(e);
      k.revision = await store.revision(db);
    },
    /** Rebuilds the index when the database changed behind this process's back; true if it did. */
    async sync(): Promise<boolean> {
      const k = await get();
      const rev = await store.revision(db);
      if (rev === k.revision) return false;
      k.load(await store.allEntries(db), rev);
      return true;
    },
  };
}
