import { performance } from 'node:perf_hooks';
import type { Logger } from '../../logger';
import type { ClaimedRow, Outbox, Outcome } from '../../outbox/service';
import type { RatePacer } from './pacer';
import type { SendResult } from './sender';

/** This many transient failures in a row pause all sending, rather than burning every queued row's tries. */
const OUTAGE_AFTER = 3;
const MAX_OUTAGE_PAUSE_MS = 30_000;

/**
 * What Telegram's answer to one send means for its row: sent, wait (429: everyone waits, on every instance), blocked,
 * gone, try again later, or refused for good. Several chats failing in a row mean Telegram is down, not one message:
 * everything pauses, without spending the rows' tries.
 */
export class Verdicts {
  /** Counters for progress reports and benchmarks. */
  readonly stats = { sent: 0, rateLimited: 0, blocked: 0, failed: 0, retried: 0 };
  /** Chats whose sends failed transiently with no success in between. */
  private failingChats = new Set<number>();
  private outagePauses = 0;

  constructor(
    private readonly deps: { outbox: Outbox; log: Logger },
    private readonly rate: RatePacer,
  ) {}

  classify(row: ClaimedRow, r: SendResult): Outcome {
    if (r.ok) {
      this.stats.sent++;
      if (this.outagePauses) this.deps.log.info('Telegram answers again; sending resumed');
      this.failingChats.clear();
      this.outagePauses = 0;
      return { kind: 'sent', id: row.id, messageId: r.messageId };
    }
    if (r.code === 429) {
      const retry = Math.max(1, Number(r.retryAfter ?? 1));
      // Telegram asked everyone to wait, not just this chat: pause all sending, on every instance.
      this.rate.pause(performance.now() + retry * 1000);
      if (row.sendAt !== null)
        this.deps.outbox.holdSends(Date.now() + retry * 1000).catch((err) => {
          this.deps.log.warn({ err }, 'could not pause the other instances; each pauses when told itself');
        });
      this.stats.rateLimited++;
      return { kind: 'rate-limited', id: row.id, retryAfterSec: retry };
    }
    if (r.code === 403) {
      this.stats.blocked++;
      return { kind: 'blocked', id: row.id, userId: row.userId };
    }
    if (r.code === 400 && /chat not found/i.test(r.description)) {
      this.stats.failed++;
      return { kind: 'chat-not-found', id: row.id };
    }
    if (r.code === 0 || r.code >= 500) {
      this.stats.retried++;
      const description = r.code === 0 ? `network: ${r.description}` : r.description;
      this.failingChats.add(row.chatId);
      if (this.failingChats.size >= OUTAGE_AFTER) {
        // Telegram is down, not this message: hold everything and try again later, without spending its tries.
        const pauseMs = Math.min(MAX_OUTAGE_PAUSE_MS, 1000 * 2 ** this.outagePauses++);
        if (this.outagePauses === 1) this.deps.log.warn({ description }, 'Telegram is not answering; sending paused');
        this.rate.pause(performance.now() + pauseMs);
        return { kind: 'not-started', id: row.id };
      }
      return { kind: 'transient', id: row.id, attempts: row.attempts, createdAt: row.createdAt, description };
    }
    this.stats.failed++;
    this.deps.log.warn({ id: row.id, description: r.description }, 'delivery rejected by Telegram');
    return { kind: 'rejected', id: row.id, description: r.description };
  }
}
