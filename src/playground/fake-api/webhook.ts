import { ApiError } from './types';

export interface QueuedUpdate {
  update_id: number;
}

/** What setWebhook was given, as Telegram keeps it. */
export interface WebhookSettings {
  url: string;
  secret?: string;
  maxConnections: number;
}

/** Parses setWebhook's fields as Telegram would, refusing what it refuses. */
export function webhookSettings(f: Record<string, unknown>): WebhookSettings | null {
  const url = typeof f.url === 'string' ? f.url : '';
  if (url === '') return null; // an empty url removes the webhook
  if (!/^https?:\/\//.test(url)) throw new ApiError(400, 'Bad Request: bad webhook: An HTTPS URL must be provided');
  const secret = f.secret_token === undefined ? undefined : String(f.secret_token);
  if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret))
    throw new ApiError(400, 'Bad Request: secret token contains unallowed characters');
  const max = f.max_connections === undefined ? 40 : Number(f.max_connections);
  if (!Number.isInteger(max) || max < 1 || max > 100)
    throw new ApiError(400, 'Bad Request: bad webhook: max_connections must be between 1 and 100');
  return { url, secret, maxConnections: max };
}

/**
 * Telegram's side of a webhook: POSTs each queued update with the secret header, at most `maxConnections` at once,
 * and keeps an update until a POST of it is answered 2xx; one that failed or timed out is sent again after a while.
 */
export class WebhookPusher {
  readonly stats = { posts: 0, failures: 0 };
  private readonly inFlight = new Set<number>();
  private readonly cooling = new Set<number>();
  private closed = false;

  constructor(
    readonly settings: WebhookSettings,
    private readonly queue: () => readonly QueuedUpdate[],
    private readonly delivered: (updateId: number) => void,
    private readonly timing: { retryMs: number; timeoutMs: number },
  ) {}

  get pending(): number {
    return this.queue().length;
  }

  wake(): void {
    for (const u of this.queue()) {
      if (this.closed || this.inFlight.size >= this.settings.maxConnections) return;
      if (!this.inFlight.has(u.update_id) && !this.cooling.has(u.update_id)) void this.post(u);
    }
  }

  close(): void {
    this.closed = true;
  }

  private async post(u: QueuedUpdate): Promise<void> {
    this.inFlight.add(u.update_id);
    this.stats.posts++;
    let ok = false;
    try {
      const res = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.settings.secret ? { 'X-Telegram-Bot-Api-Secret-Token': this.settings.secret } : {}),
        },
        body: JSON.stringify(u),
        signal: AbortSignal.timeout(this.timing.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      ok = res.ok;
    } catch {
      ok = false;
    }
    this.inFlight.delete(u.update_id);
    if (ok) this.delivered(u.update_id);
    else {
      this.stats.failures++;
      this.cooling.add(u.update_id);
      setTimeout(() => {
        this.cooling.delete(u.update_id);
        this.wake();
      }, this.timing.retryMs).unref();
    }
    this.wake();
  }
}
