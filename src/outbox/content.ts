// What an outbox row says. Keys are rendered in the recipient's language when the row is sent,
// so a message queued today reads right even if the resident switches language tomorrow.

/** A parameter is plain, a per-language pair (a compound's two names), or another key to translate. */
export type Param = string | number | { 'zh-CN': string; en: string } | { $t: string; params?: Record<string, Param> };
export type Params = Record<string, Param>;

export type OutButton = { key: string; params?: Params; data: string } | { key: string; params?: Params; url: string };

/** A MessageEntity as Telegram sends it; kept structural so services stay free of grammY. */
export interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

/**
 * `replaces`: the dedupe key of an earlier message to this chat that this one updates — a card other people hold (a
 * petition at each deputy, a hand-off at each staff member) edited in place when its state changes, rather than a
 * second card beside a stale one. If the earlier one never went out, this one is sent instead of it.
 */
export type OutContent =
  | { key: string; params?: Params; buttons?: OutButton[][]; photo?: string; replaces?: string }
  /** Text someone wrote (a staff notice, a relayed reply): sent as written, formatting kept via entities. */
  | { text: string; entities?: Entity[]; photo?: string; buttons?: OutButton[][]; replaces?: string }
  /**
   * A direct reply Telegram could not take at the time (an outage): the rendered HTML and keyboard, exactly as the
   * handler sent them, so the user still gets it.
   */
  | { html: string; markup?: unknown; buttons?: undefined; photo?: undefined; replaces?: undefined };

export type Category = 'notice' | 'personal' | 'staff';

export interface OutMessage {
  /** Unique per notification and recipient (`market:remind-eve:42:1001`): the same one is never queued twice. */
  dedupeKey: string;
  chatId: number;
  userId: number | null;
  /**
   * notice = general (residents can opt out); personal = about their own booking, pickup or petition;
   * staff = work messages.
   */
  category: Category;
  content: OutContent;
  notBefore?: Date;
  broadcastId?: number;
}
