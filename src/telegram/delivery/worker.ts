import { performance } from 'node:perf_hooks';
import type { i18n } from 'i18next';
import type { Config } from '../../config';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../logger';
import type { ClaimedRow, Outbox, Outcome } from '../../outbox/service';
import { slotStillValid } from '../../outbox/store';
import { OutcomeLog } from './outcome-log';
import { ChatPacer, RatePacer } from './pacer';
import type { Translators } from './render';
import { type RowDeps, sendRow } from './send-row';
import { HttpSender, type Sender, type SendResult } from './sender';
import { Verdicts } from './verdicts';

export interface WorkerDeps {
  outbox: Outbox;
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  /** This instance's id among several on PostgreSQL (src/db/locks.ts member()); absent or null: the only one. */
  instance?: () => Promise<number | null>;
}

export interface WorkerOptions {
  ratePerSec?: number;
  /** Sends allowed at once; enough to fill the rate when each call takes tens of milliseconds. */
  concurrency?: number;
  idlePollMs?: number;
  flushEveryMs?: number;
  sender?: Sender;
}

const MAX_ERROR_BACKOFF_MS = 10_000;
const STALE_AFTER_MS = 60_000;
/** How often rows claimed by an instance that has died since are looked for (PostgreSQL). */
const ORPHAN_CHECK_MS = 5_000;

/**
 * The one sender of everything that is not a direct reply. Claims due outbox rows, paces them to Telegram's
 * limits, and records each outcome; database writes and Telegram calls never share a transaction.
 */
export class DeliveryWorker {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private queue: ClaimedRow[] = [];
  private waiting: { at: number; row: ClaimedRow }[] = [];
  private inflight = 0;
  private idle = new Set<() => void>();
  private readonly outcomes: OutcomeLog;
  private readonly rate: RatePacer;
  private readonly chats = new ChatPacer();
  private readonly opts: Required<Omit<WorkerOptions, 'sender'>>;
  private readonly sender: Sender;
  private readonly translators: Translators = new Map();
  /** Set when a claim came back empty; cleared by the next idle poll or wake, so we don't query in a tight loop. */
  private exhausted = false;
  private wakeUp: (() => void) | null = null;
  private lastCycleAt = Date.now();
  private unsubscribe: () => void = () => {};
  private readonly verdicts: Verdicts;
  private readonly rowDeps: RowDeps;
  /** Counters for progress reports and benchmarks. */
  readonly stats: Verdicts['stats'];

  constructor(
    private readonly deps: WorkerDeps,
    opts: WorkerOptions = {},
  ) {
    const ratePerSec = opts.ratePerSec ?? deps.config.DELIVERY_RATE_PER_SEC;
    this.opts = {
      ratePerSec,
      concurrency: opts.concurrency ?? Math.max(8, Math.min(128, Math.ceil(ratePerSec / 8))),
      idlePollMs: opts.idlePollMs ?? 250,
      flushEveryMs: opts.flushEveryMs ?? 50,
    };
    this.sender = opts.sender ?? new HttpSender(deps.config, deps.config.BOT_TOKEN ?? '');
    this.rate = new RatePacer(ratePerSec, performance.now());
    this.verdicts = new Verdicts(deps, this.rate);
    this.outcomes = new OutcomeLog(deps);
    this.stats = this.verdicts.stats;
    this.rowDeps = { ...deps, sender: this.sender, translators: this.translators };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.deps.outbox.onEnqueued(() => this.wake());
    this.loopDone = this.loop();
  }

  /**
   * Staff stopped a broadcast: rows this worker already claimed but has not started are dropped too,
   * otherwise up to a whole batch would still go out after "stop".
   */
  forgetBroadcast(broadcastId: number): void {
    const mine = (r: ClaimedRow) => r.broadcastId === broadcastId;
    for (const r of this.queue.filter(mine)) this.outcomes.push({ kind: 'stopped', id: r.id });
    for (const w of this.waiting.filter((w) => mine(w.row))) this.outcomes.push({ kind: 'stopped', id: w.row.id });
    this.queue = this.queue.filter((r) => !mine(r));
    this.waiting = this.waiting.filter((w) => !mine(w.row));
  }

  /** New rows were queued: look now rather than at the next poll. */
  wake(): void {
    this.exhausted = false;
    this.wakeUp?.();
  }

  /** Finishes the sends in flight, returns the rest to the queue, records everything. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe();
    this.wake();
    await this.loopDone;
    while (this.inflight > 0) await new Promise<void>((r) => this.idle.add(r));
    const untouched = [...this.queue, ...this.waiting.map((w) => w.row)];
    this.queue = [];
    this.waiting = [];
    for (const row of untouched) this.outcomes.push({ kind: 'not-started', id: row.id });
    await this.outcomes.flush(true);
  }

  /**
   * Runs cycles until stopped, surviving any error: a database locked past its busy timeout, a full disk, a bug in a
   * row. It logs, backs off and carries on; health() tells a supervisor if it stops completing cycles.
   */
  private async loop(): Promise<void> {
    let resetDone = false;
    let failures = 0;
    while (this.running) {
      try {
        if (!resetDone) {
          const reset = await this.deps.outbox.resetInFlight(this.deps.clock.now());
          if (reset) this.deps.log.warn({ rows: reset }, 'requeued deliveries left in flight by the last run');
          resetDone = true;
        }
        await this.cycle();
        this.lastCycleAt = Date.now();
        if (failures) this.deps.log.info({ failures }, 'delivery worker recovered');
        failures = 0;
      } catch (err) {
        failures++;
        // the first failure, then one line a minute or so: a long lock must not flood the log
        if (failures === 1 || failures % 20 === 0)
          this.deps.log.error({ err, failures }, 'delivery cycle failed; retrying');
        await this.sleep(Math.min(MAX_ERROR_BACKOFF_MS, 100 * 2 ** Math.min(failures, 10)));
      }
    }
  }

  /** When a cycle last completed and whether that is too long ago (a worker stuck or failing for a minute). */
  health(): { lastCycleAt: number; stale: boolean } {
    return { lastCycleAt: this.lastCycleAt, stale: this.running && Date.now() - this.lastCycleAt > STALE_AFTER_MS };
  }

  private lastPrune = performance.now();
  private lastOrphanCheck = performance.now();

  /** Due rows; on PostgreSQL each with its slot in the send schedule every instance shares. */
  private async claim(batch: number): Promise<ClaimedRow[]> {
    const budget = {
      ratePerSec: this.opts.ratePerSec,
      wallMs: Date.now(),
      instance: (await this.deps.instance?.()) ?? null,
    };
    return this.deps.outbox.claimDue(this.deps.clock.now(), batch, budget);
  }

  /** One pass: claim what is due, dispatch what the pacers allow, wait a little. */
  private async cycle(): Promise<void> {
    {
      const now = performance.now();
      if (now - this.lastPrune > 10_000) {
        this.chats.prune(now);
        this.lastPrune = now;
      }
      if (now - this.lastOrphanCheck > ORPHAN_CHECK_MS) {
        this.lastOrphanCheck = now;
        const n = await this.deps.outbox.requeueOrphans(this.deps.clock.now());
        if (n) this.deps.log.warn({ rows: n }, 'requeued deliveries left in flight by an instance that stopped');
      }
      this.promoteWaiting(now);
      const batch = Math.max(20, Math.min(500, Math.ceil(this.opts.ratePerSec / 4)));
      // Paused by a 429: rows claimed now would only miss their slots.
      if (this.queue.length === 0 && this.rate.isPaused(now)) {
        await this.outcomes.flush(true);
        await this.sleep(Math.min(250, this.rate.waitMs(now)));
        return;
      }
      if (this.queue.length === 0 && this.waiting.length === 0 && this.inflight === 0) {
        const rows = await this.claim(batch);
        if (rows.length === 0) {
          await this.outcomes.flush(true);
          await this.sleep(this.opts.idlePollMs);
          this.exhausted = false;
          return;
        }
        this.queue.push(...rows);
      } else if (this.queue.length < batch / 2 && !this.exhausted) {
        // Claim the next batch before this one runs dry, so sending never waits for the database.
        const rows = await this.claim(batch);
        if (rows.length) this.queue.push(...rows);
        else this.exhausted = true;
      }
      let dispatched = false;
      while (this.queue.length && this.inflight < this.opts.concurrency) {
        const row = this.queue[0]!;
        if (row.sendAt !== null) {
          // The schedule every instance shares: send at the slot, or give the slot up and be claimed again.
          const wall = Date.now();
          if (!slotStillValid(row.sendAt, wall)) {
            this.queue.shift();
            this.outcomes.push({ kind: 'not-started', id: row.id });
            continue;
          }
          if (wall < row.sendAt || this.rate.isPaused(performance.now())) break;
          this.queue.shift();
          this.dispatch(row, -1);
          dispatched = true;
          continue;
        }
        const ready = this.chats.readyAt(row.chatId, now);
        if (ready > now) {
          this.queue.shift();
          this.waiting.push({ at: ready, row });
          continue;
        }
        const slot = this.rate.take(performance.now());
        if (slot < 0) break;
        this.queue.shift();
        this.chats.note(row.chatId, now);
        this.dispatch(row, slot);
        dispatched = true;
      }
      if (this.outcomes.due(this.opts.flushEveryMs)) void this.outcomes.flush(false);
      if (!dispatched) {
        const head = this.queue[0]?.sendAt;
        const untilSlot = head === undefined || head === null ? this.rate.waitMs(performance.now()) : head - Date.now();
        const untilChat = this.waiting.length
          ? Math.min(...this.waiting.map((w) => w.at)) - performance.now()
          : Infinity;
        const wait = this.inflight >= this.opts.concurrency ? 2 : Math.min(untilSlot || 1, untilChat, 250);
        await this.sleep(Math.max(1, Math.ceil(wait)));
      } else {
        // Yield to the event loop so responses are processed between dispatches.
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }

  private promoteWaiting(now: number) {
    if (!this.waiting.length) return;
    const ready = this.waiting.filter((w) => w.at <= now);
    if (!ready.length) return;
    this.waiting = this.waiting.filter((w) => w.at > now);
    this.queue.unshift(...ready.map((w) => w.row));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private dispatch(row: ClaimedRow, slot: number): void {
    this.inflight++;
    void this.send(row, slot)
      .then((o) => this.outcomes.push(o))
      .finally(() => {
        this.inflight--;
        if (this.inflight > 0) return; // only the last send wakes stop(): an earlier one cleared its waiter for good
        for (const r of this.idle) r();
        this.idle.clear();
      });
  }

  private async send(row: ClaimedRow, slot: number): Promise<Outcome> {
    if (row.reachable === false) return { kind: 'unreachable', id: row.id };
    let result: SendResult;
    try {
      result = await sendRow(row, this.rowDeps, () => this.rate.written(slot, performance.now()));
    } catch (err) {
      // A row that cannot even be rendered (a damaged content column) will never send: fail it, keep going.
      this.stats.failed++;
      return { kind: 'rejected', id: row.id, description: `render: ${String(err)}` };
    }
    return this.verdicts.classify(row, result);
  }
}
