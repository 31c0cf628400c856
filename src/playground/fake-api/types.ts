// Payloads and results are Telegram's own JSON: tests read them freely, so they stay loosely typed.
// biome-ignore-all lint/suspicious/noExplicitAny: Bot API JSON as received
export interface RecordedCall {
  seq: number;
  method: string;
  payload: Record<string, any>;
  /** The chat this call concerns (sends, edits, deletes, and callback answers to that chat's user). */
  chatId: number | null;
  at: number;
  ok: boolean;
  result?: any;
  error?: { error_code: number; description: string; parameters?: Record<string, unknown> };
}

export interface ChatMessage {
  message_id: number;
  from: 'bot' | 'user';
  date: number;
  text?: string;
  /** The HTML the bot sent, for a web chat to render. */
  html?: string;
  entities?: unknown[];
  caption?: string;
  photo?: { file_id: string }[];
  document?: { file_id: string; file_unique_id?: string; file_name?: string; file_size?: number };
  location?: { latitude: number; longitude: number };
  /** A named place on the map: Telegram sends its point as `location` too. */
  venue?: { location: { latitude: number; longitude: number }; title: string; address: string };
  contact?: unknown;
  reply_markup?: any;
  edited?: boolean;
}

export type FaultError =
  | { kind: '429'; retryAfter: number }
  | { kind: '403' }
  | { kind: '400-chat-not-found' }
  | { kind: '500' }
  /** 502/503/504, as Telegram's front answers when the Bot API is down. */
  | { kind: '5xx'; status: 502 | 503 | 504 }
  /** Another getUpdates poller holds the token. */
  | { kind: '409' }
  /** The connection is cut without an answer. */
  | { kind: 'drop' }
  /** An answer that is not JSON (a proxy's HTML error page). */
  | { kind: 'garbage' }
  /** The right answer, late. */
  | { kind: 'slow'; delayMs: number };

export interface FaultRule {
  method?: string | RegExp;
  chatId?: number;
  /** How many matching calls fail; default 1. */
  times?: number;
  /** Fail every matching call until this moment (Date.now() ms) instead of counting: an outage of some length. */
  until?: number;
  error: FaultError;
}

export interface FakeBotApiOptions {
  token?: string;
  botId?: number;
  botUsername?: string;
  host?: string;
  port?: number;
  /** Global limit on send methods; above it, real 429s with retry_after like Telegram's. */
  rateLimitPerSec?: number;
  /** false keeps only counters (benchmarks). */
  recordCalls?: boolean;
  /** Artificial latency for send methods. */
  latencyMs?: number;
  /** Added to every call but getUpdates (not only sends): a slow network, where every await takes its time. */
  allLatencyMs?: number;
  /** Webhooks: wait before sending again an update whose POST failed (Telegram waits longer). */
  webhookRetryMs?: number;
  /** Webhooks: how long a POST may take before it counts as failed. */
  webhookTimeoutMs?: number;
}

export class ApiError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

export const SEND_METHODS = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'copyMessage',
  'forwardMessage',
  'sendLocation',
  'sendVenue',
  'sendMediaGroup',
]);
