import { type ResourceLimits, Worker } from 'node:worker_threads';

// A worker thread is a V8 isolate of its own with its own heap and malloc arena. The heavy reads run once a night
// and spreadsheets a few times a month, so a thread kept between uses held its memory for nothing; started on
// demand and ended once idle, it costs its start (tens of ms) at each burst of use instead (bench -- scale, "what
// holds that memory").

type Answer = { id: number; error?: string };

/** Requests in, answers out, in order, on a thread started on the first request and ended `idleMs` after the last. */
export class OnDemandThread<A extends object> {
  private worker: Worker | undefined;
  private next = 1;
  private idle: NodeJS.Timeout | undefined;
  private readonly owed = new Map<number, { request: object; resolve: (a: A) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly url: URL,
    private readonly o: {
      idleMs: number;
      workerData?: unknown;
      failure: (message: string) => Error;
      resourceLimits?: ResourceLimits;
      /**
       * A thread that dies fails only the request it was on (it answers one at a time, in order: the oldest owed);
       * those asked after it go to a new thread in the same order, so a caller never sees the replacement.
       */
      replaceWhenDead?: boolean;
    },
  ) {}

  ask(request: object): Promise<A> {
    clearTimeout(this.idle);
    const w = this.start();
    const id = this.next++;
    return new Promise<A>((resolve, reject) => {
      this.owed.set(id, { request, resolve, reject });
      this.post(w, id, request);
    });
  }

  private post(w: Worker, id: number, request: object): void {
    // Kept alive while an answer is owed; an idle thread never holds the process open.
    w.ref();
    w.postMessage({ ...request, id });
  }

  /** Whether the thread is up now (it ends by itself once idle). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  async stop(): Promise<void> {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = undefined;
    this.failAll(this.o.failure('the thread is stopping'));
    if (w) await w.terminate();
  }

  private failAll(e: Error): void {
    for (const p of this.owed.values()) p.reject(e);
    this.owed.clear();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // No node flags: these threads run plain JavaScript and need no `--import tsx`, which costs each thread about 8 MB
    // (three threads: 104 MB without it, 128 MB with it); the heap flags are the process's and a worker refuses them.
    const w = new Worker(this.url, {
      workerData: this.o.workerData,
      execArgv: [],
      resourceLimits: this.o.resourceLimits,
    });
    w.on('message', (m: A & Answer) => {
      const p = this.owed.get(m.id);
      if (!p) return;
      this.owed.delete(m.id);
      if (this.owed.size === 0) {
        w.unref();
        this.idle = setTimeout(() => void this.endIfIdle(w), this.o.idleMs).unref();
      }
      if (m.error !== undefined) p.reject(this.o.failure(m.error));
      else p.resolve(m);
    });
    const gone = (e: Error) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      if (!this.o.replaceWhenDead) return this.failAll(e);
      const [first, ...rest] = this.owed.entries();
      if (!first) return;
      this.owed.delete(first[0]);
      first[1].reject(e);
      if (rest.length === 0) return;
      const next = this.start();
      for (const [id, o] of rest) this.post(next, id, o.request);
    };
    w.on('error', gone);
    w.on('exit', () => gone(this.o.failure('the thread stopped')));
    this.worker = w;
    return w;
  }

  private async endIfIdle(w: Worker): Promise<void> {
    if (this.worker !== w || this.owed.size > 0) return;
    this.worker = undefined;
    await w.terminate();
  }
}
