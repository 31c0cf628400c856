// Telegram's limits: about 30 messages a second overall, 1 a second to one private chat, 20 a minute to one group.

/**
 * The overall rate: a token bucket keeps sends evenly spread, and a sliding window guarantees that no
 * window of WINDOW_MS ever holds more than `perSec` sends — a server counting per second then never sees
 * one too many because of timer jitter, which would cost a whole retry_after pause. Plus the global 429 pause.
 */
const WINDOW_MS = 1030;
/**
 * The bucket refills at the same 3 % below the limit: a sender at exactly the limit leaves the server's own
 * allowance no slack, so after the first 429 every jitter costs another whole retry_after.
 */
const RATE_MARGIN = 0.97;

export class RatePacer {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private readonly ring: Float64Array;
  private head = 0;
  readonly burst: number;
  constructor(
    private readonly perSec: number,
    now: number,
  ) {
    // A small burst (20 ms worth) lets the worker catch up after a database commit without bunching sends:
    // a large one is echoed by the sliding window a second later and trips the server's own allowance.
    this.burst = Math.max(1, Math.min(perSec / 50, 50));
    this.tokens = 1;
    this.last = now;
    this.ring = new Float64Array(Math.max(1, Math.floor(perSec))).fill(-Infinity);
  }
  private refill(now: number) {
    if (now < this.last) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSec * RATE_MARGIN) / 1000);
    this.last = now;
  }
  /** Takes a send slot if one is free now; returns its number (for `written`), or -1. */
  take(now: number): number {
    if (now < this.pausedUntil) return -1;
    this.refill(now);
    if (this.tokens < 1) return -1;
    // the oldest of the last perSec sends must be a full window ago
    if (this.ring[this.head]! > now - WINDOW_MS) return -1;
    const slot = this.head;
    this.ring[slot] = now;
    this.head = (this.head + 1) % this.ring.length;
    this.tokens -= 1;
    return slot;
  }

  /**
   * The request actually left at `at`: if the event loop was busy (a database commit) between taking the slot
   * and writing, the window must count from the later time or two sends could land closer than it allows.
   */
  written(slot: number, at: number): void {
    if (slot >= 0 && this.ring[slot]! < at) this.ring[slot] = at;
  }
  /** Milliseconds until a slot is free. */
  waitMs(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    this.refill(now);
    const bucket = this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / (this.perSec * RATE_MARGIN);
    const window = Math.max(0, this.ring[this.head]! + WINDOW_MS - now);
    return Math.ceil(Math.max(bucket, window));
  }
  pause(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
    // nothing accrues while paused: resuming starts slowly instead of with a burst
    this.tokens = 0;
    this.last = this.pausedUntil;
  }
  isPaused(now: number): boolean {
    return now < this.pausedUntil;
  }
}

/** When each chat may next be written to. */
export class ChatPacer {
  private next = new Map<number, number>();
  private groupSends = new Map<number, number[]>();
  constructor(
    private readonly privateGapMs = 1000,
    private readonly groupPerMinute = 20,
  ) {}

  readyAt(chatId: number, now: number): number {
    const at = this.next.get(chatId) ?? 0;
    if (chatId >= 0) return at;
    const recent = (this.groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000);
    const windowFree = recent.length < this.groupPerMinute ? now : recent[0]! + 60_000;
    return Math.max(at, windowFree);
  }

  note(chatId: number, now: number): void {
    this.next.set(chatId, now + (chatId >= 0 ? this.privateGapMs : 3000));
    if (chatId < 0)
      this.groupSends.set(chatId, [...(this.groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000), now]);
  }

  /** Forget chats that are ready anyway, so the maps stay small during a 100,000-recipient broadcast. */
  prune(now: number): void {
    for (const [id, at] of this.next) if (at < now) this.next.delete(id);
    for (const [id, ts] of this.groupSends) if (!ts.some((t) => t > now - 60_000)) this.groupSends.delete(id);
  }
}
