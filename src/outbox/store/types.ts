// The outbox's rows as the rest of the outbox sees them.
import type { Category, OutContent } from '../content';

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

/** An outbox row with its content, for reports and tests. */
export interface Delivery {
  id: number;
  dedupeKey: string;
  chatId: number;
  userId: number | null;
  category: Category;
  content: OutContent;
  state: DeliveryState;
  reason: string | null;
  attempts: number;
  nextAttemptAt: string;
  tgMessageId: number | null;
  broadcastId: number | null;
  createdAt: string;
}

/** An outbox row taken for sending, with what the renderer needs to know of its recipient. */
export interface ClaimedRow {
  id: number;
  chatId: number;
  userId: number | null;
  /** JSON of an OutContent. */
  content: string;
  attempts: number;
  broadcastId: number | null;
  /** When it was queued: a transient failure is retried until the retry window after this has passed. */
  createdAt: string;
  language: string | null;
  tgLanguage: string | null;
  /** null for a chat that is not a known user (a staff group). */
  reachable: boolean | null;
  /**
   * Epoch milliseconds of its send slot in the schedule all instances share (PostgreSQL); null when this process
   * paces alone (SQLite).
   */
  sendAt: number | null;
}

export type NewDelivery = {
  dedupe_key: string;
  chat_id: number;
  user_id: number | null;
  category: string;
  content: string | null;
  content_id: number | null;
  next_attempt_at: string;
  broadcast_id: number | null;
  created_at: string;
  updated_at: string;
};
