import type { FaqHit } from './searchable';

/**
 * The best few of a search's candidates, kept by insertion (cheaper than sorting thousands of touched entries) in
 * scratch arrays reused by every search: a hit object is made only for those kept. Equal scores keep the order in
 * which they were offered.
 */
export class TopHits {
  private readonly slots: Int32Array;
  private readonly scores: Float64Array;
  private n = 0;

  constructor(private readonly size: number) {
    this.slots = new Int32Array(size);
    this.scores = new Float64Array(size);
  }

  clear(): void {
    this.n = 0;
  }

  offer(slot: number, score: number): void {
    const { slots, scores, size } = this;
    if (this.n === size && score <= (scores[size - 1] as number)) return;
    let i = Math.min(this.n, size - 1);
    if (this.n < size) this.n++;
    for (; i > 0 && (scores[i - 1] as number) < score; i--) {
      slots[i] = slots[i - 1] as number;
      scores[i] = scores[i - 1] as number;
    }
    slots[i] = slot;
    scores[i] = score;
  }

  /** The hits kept, best first; `idOf` turns a slot into its entry's id. */
  hits(idOf: (slot: number) => number): FaqHit[] {
    const out: FaqHit[] = [];
    for (let i = 0; i < this.n; i++)
      out.push({ id: idOf(this.slots[i] as number), score: this.scores[i] as number, confidence: 0 });
    return out;
  }
}
