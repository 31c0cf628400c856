// Telegram's limits: about 30 messages a second overall, 1 a second to one private chat, 20 a minute to one group.

/** Token bucket for the overall rate, with a global pause for 429 retry_after. */
export class RatePacer {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  readonly burst: number;
  constructor(private readonly perSec: number, now: number) {
    // A small burst keeps the average exact without bunching a whole second's sends together.
    this.burst = Math.max(1, Math.min(perSec / 20, 50));
    this.tokens = 1;
    this.last = now;
  }
  private refill(now: number) {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSec) / 1000);
    this.last = now;
  }
  /** Takes a send slot if one is free now. */
  take(now: number): boolean {
    if (now < this.pausedUntil) return false;
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
  /** Milliseconds until a slot is free. */
  waitMs(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.perSec);
  }
  pause(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
    this.tokens = 0;
  }
  isPaused(now: number): boolean {
    return now < this.pausedUntil;
  }
}

/** When each chat may next be written to. */
export class ChatPacer {
  private next = new Map<number, number>();
  private groupSends = new Map<number, number[]>();
  constructor(private readonly privateGapMs = 1000, private readonly groupPerMinute = 20) {}

  readyAt(chatId: number, now: number): number {
    const at = this.next.get(chatId) ?? 0;
    if (chatId >= 0) return at;
    const recent = (this.groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000);
    const windowFree = recent.length < this.groupPerMinute ? now : recent[0]! + 60_000;
    return Math.max(at, windowFree);
  }

  note(chatId: number, now: number): void {
    this.next.set(chatId, now + (chatId >= 0 ? this.privateGapMs : 3000));
    if (chatId < 0) this.groupSends.set(chatId, [...(this.groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000), now]);
  }

  /** Forget chats that are ready anyway, so the maps stay small during a 100,000-recipient broadcast. */
  prune(now: number): void {
    for (const [id, at] of this.next) if (at < now) this.next.delete(id);
    for (const [id, ts] of this.groupSends) if (!ts.some((t) => t > now - 60_000)) this.groupSends.delete(id);
  }
}
