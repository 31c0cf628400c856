import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { BadBody, readBody } from './body';
import { ChatStore } from './chats';
import { callMethod, type MethodEnv } from './methods';
import {
  ApiError,
  type ChatMessage,
  type FakeBotApiOptions,
  type FaultRule,
  type RecordedCall,
  SEND_METHODS,
} from './types';
import { FakeUser, type UserInit } from './user';
import { WebhookPusher, webhookSettings } from './webhook';

/**
 * A Telegram Bot API emulator over real HTTP on loopback, for tests, benchmarks and the playground.
 * It is not Telegram: it implements what Linli uses, with Telegram's shapes, errors and long-poll semantics.
 */
export class FakeBotApi extends EventEmitter {
  readonly token: string;
  readonly botId: number;
  readonly botUsername: string;
  readonly calls: RecordedCall[] = [];
  readonly stats = { byMethod: {} as Record<string, number>, sent: 0, errors429: 0, errors: 0 };
  readonly chats: ChatStore;
  private server!: Server;
  private sockets = new Set<Socket>();
  private updates: { update_id: number }[] = [];
  private nextUpdateId = 1;
  private polls = new Set<() => void>();
  private faults: (FaultRule & { left: number })[] = [];
  private seq = 0;
  private waiters = new Set<(c: RecordedCall) => void>();
  private callbacks = new Map<string, number>();
  private bucket = { tokens: 0, at: 0 };
  private commands = new Map<string, unknown>();
  /** Each chat's menu button as the bot last set it (the playground shows the console's there). */
  readonly menuButtons = new Map<number, unknown>();
  private closed = false;
  /** Set by setWebhook: updates are POSTed to the bot instead of waiting for getUpdates. */
  webhook: WebhookPusher | undefined;
  apiRoot = '';
  /**
   * Resolves once the bot under test has finished handling an update (replies sent, changes committed). Tests set
   * it from the app's own signal, so FakeUser.reply() waits for exactly that, never for a quiet moment.
   */
  settle?: (updateId: number, timeoutMs: number) => Promise<void>;

  private constructor(private readonly opts: FakeBotApiOptions) {
    super();
    this.token = opts.token ?? '123456:TEST-TOKEN-linli-fake';
    this.botId = opts.botId ?? Number(this.token.split(':')[0]);
    this.botUsername = opts.botUsername ?? 'linli_test_bot';
    this.chats = new ChatStore(opts.recordCalls !== false);
    for (const e of ['bot-message', 'bot-edit', 'bot-delete', 'user-message'])
      this.chats.on(e, (...a: unknown[]) => this.emit(e, ...a));
  }

  static async start(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const api = new FakeBotApi(opts);
    api.server = createServer((req, res) => void api.handle(req, res));
    api.server.keepAliveTimeout = 60_000;
    api.server.on('connection', (s) => {
      api.sockets.add(s);
      s.on('close', () => api.sockets.delete(s));
    });
    await new Promise<void>((r) => api.server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', r));
    const addr = api.server.address();
    api.apiRoot = `http://${opts.host ?? '127.0.0.1'}:${typeof addr === 'object' && addr ? addr.port : 0}`;
    return api;
  }

  get port(): number {
    return Number(new URL(this.apiRoot).port);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.webhook?.close();
    for (const p of this.polls) p();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // ---- acting as users -------------------------------------------------------------------------
  user(init: UserInit): FakeUser {
    return new FakeUser(this, init);
  }

  /** Queues an update (assigning update_id) and wakes the bot's long poll. */
  addUpdate(update: object): number {
    const u = { ...update, update_id: this.nextUpdateId++ };
    const cq = (update as { callback_query?: { id: string; message?: { chat: { id: number } }; from: { id: number } } })
      .callback_query;
    if (cq) this.callbacks.set(cq.id, cq.message?.chat.id ?? cq.from.id);
    this.updates.push(u);
    for (const p of this.polls) p();
    this.webhook?.wake();
    return u.update_id;
  }

  // ---- observing the bot -----------------------------------------------------------------------
  lastSeq(): number {
    return this.seq;
  }

  callsTo(chatId: number, opts: { after?: number } = {}): RecordedCall[] {
    return this.calls.filter((c) => c.chatId === chatId && c.seq > (opts.after ?? 0));
  }

  messages(chatId: number): ChatMessage[] {
    return this.chats.messages(chatId);
  }

  waitForCall(
    pred: (c: RecordedCall) => boolean,
    opts: { timeoutMs?: number; after?: number } = {},
  ): Promise<RecordedCall> {
    const found = this.calls.find((c) => c.seq > (opts.after ?? 0) && pred(c));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const last = this.calls.slice(-5).map((c) => `${c.method}(${JSON.stringify(c.payload).slice(0, 120)})`);
        reject(
          new Error(`no matching Bot API call within ${opts.timeoutMs ?? 5000} ms; last calls:\n${last.join('\n')}`),
        );
      }, opts.timeoutMs ?? 5000);
      const check = (c: RecordedCall) => {
        if (c.seq > (opts.after ?? 0) && pred(c)) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(c);
        }
      };
      this.waiters.add(check);
    });
  }

  // ---- faults --------------------------------------------------------------------------------------
  fail(rule: FaultRule): void {
    this.faults.push({ ...rule, left: rule.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private takeFault(method: string, chatId: number | null): FaultRule | undefined {
    this.faults = this.faults.filter((f) => f.until === undefined || f.until > Date.now());
    const i = this.faults.findIndex(
      (f) =>
        (f.left > 0 || f.until !== undefined) &&
        // polling fails only when a rule names it: a fault meant for sends must not cut the bot off its updates
        (f.method === undefined
          ? method !== 'getUpdates'
          : typeof f.method === 'string'
            ? f.method === method
            : f.method.test(method)) &&
        (f.chatId === undefined || f.chatId === chatId),
    );
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    if (f.until === undefined && --f.left === 0) this.faults.splice(i, 1);
    return f;
  }

  /**
   * Telegram documents its limit as an average ("about 30 messages per second"), not a window to the millisecond.
   * A token bucket holding a tenth of a second's sends models that: a sender over the rate is refused within a
   * second, while scheduling jitter in either process is not mistaken for speeding.
   */
  private rateLimited(): boolean {
    const limit = this.opts.rateLimitPerSec;
    if (!limit) return false;
    const now = Date.now();
    const burst = Math.max(1, limit / 10);
    if (this.bucket.at === 0) this.bucket = { tokens: burst, at: now };
    this.bucket.tokens = Math.min(burst, this.bucket.tokens + ((now - this.bucket.at) * limit) / 1000);
    this.bucket.at = now;
    if (this.bucket.tokens < 1) return true;
    this.bucket.tokens -= 1;
    return false;
  }

  // ---- HTTP ----------------------------------------------------------------------------------------
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) {
      const f = file[1] === this.token ? this.chats.fileByPath(decodeURIComponent(file[2]!)) : undefined;
      res.writeHead(f ? 200 : 404, { 'content-type': 'application/octet-stream' }).end(f?.bytes ?? 'Not Found');
      return;
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    const reply = (status: number, body: unknown) => {
      if (!res.writableEnded) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (!m) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== this.token) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    let fields: Record<string, unknown>;
    let files: Awaited<ReturnType<typeof readBody>>['files'];
    try {
      ({ fields, files } = await readBody(req, url));
    } catch (e) {
      return reply(400, {
        ok: false,
        error_code: 400,
        description: `Bad Request: ${e instanceof BadBody ? e.message : 'unreadable body'}`,
      });
    }
    const chatId = this.chatOfCall(method, fields);
    const call: RecordedCall = { seq: ++this.seq, method, payload: fields, chatId, at: Date.now(), ok: false };
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
    let fault = this.takeFault(method, chatId);
    if (fault?.error.kind === 'drop') {
      req.socket.destroy();
      return this.record(call);
    }
    if (fault?.error.kind === 'garbage') {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
      return this.record(call);
    }
    if (fault?.error.kind === 'slow') {
      await new Promise((r) => setTimeout(r, (fault!.error as { delayMs: number }).delayMs));
      fault = undefined;
    }
    try {
      if (fault) throw this.faultError(fault);
      if (SEND_METHODS.has(method) && this.rateLimited())
        throw new ApiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
      if (this.opts.latencyMs && SEND_METHODS.has(method)) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
      if (this.opts.allLatencyMs && method !== 'getUpdates')
        await new Promise((r) => setTimeout(r, this.opts.allLatencyMs));
      const env: MethodEnv = {
        chats: this.chats,
        bot: { id: this.botId, is_bot: true, first_name: 'Linli', username: this.botUsername },
        getUpdates: (f) => this.getUpdates(f),
        callbackChat: (id) => this.callbacks.get(id),
        commands: this.commands,
        menuButtons: this.menuButtons,
        webhook: { set: (f) => this.setWebhook(f), info: () => this.webhookInfo() },
      };
      const result = await callMethod(env, method, fields, files);
      call.ok = true;
      call.result = result;
      if (SEND_METHODS.has(method)) this.stats.sent++;
      reply(200, { ok: true, result });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(500, `Internal Server Error: ${(e as Error).message}`);
      call.error = {
        error_code: err.error_code,
        description: err.description,
        ...(err.parameters ? { parameters: err.parameters } : {}),
      };
      if (err.error_code === 429) this.stats.errors429++;
      this.stats.errors++;
      reply(Math.min(err.error_code, 500), { ok: false, ...call.error });
    }
    if (method !== 'getUpdates') this.record(call);
  }

  private faultError(f: FaultRule): ApiError {
    switch (f.error.kind) {
      case '429':
        return new ApiError(429, `Too Many Requests: retry after ${f.error.retryAfter}`, {
          retry_after: f.error.retryAfter,
        });
      case '403':
        return new ApiError(403, 'Forbidden: bot was blocked by the user');
      case '400-chat-not-found':
        return new ApiError(400, 'Bad Request: chat not found');
      case '409':
        return new ApiError(
          409,
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        );
      case '5xx':
        return new ApiError(
          f.error.status,
          f.error.status === 502 ? 'Bad Gateway' : f.error.status === 503 ? 'Service Unavailable' : 'Gateway Timeout',
        );
      default:
        return new ApiError(500, 'Internal Server Error');
    }
  }

  private chatOfCall(method: string, f: Record<string, unknown>): number | null {
    if (method === 'answerCallbackQuery' && typeof f.callback_query_id === 'string')
      return this.callbacks.get(f.callback_query_id) ?? null;
    const c = f.chat_id;
    return typeof c === 'number' ? c : typeof c === 'string' && /^-?\d+$/.test(c) ? Number(c) : null;
  }

  private record(call: RecordedCall): void {
    if (this.opts.recordCalls !== false) this.calls.push(call);
    this.emit('call', call);
    for (const w of [...this.waiters]) w(call);
  }

  private setWebhook(f: Record<string, unknown>): void {
    const settings = webhookSettings(f);
    this.webhook?.close();
    this.webhook = settings
      ? new WebhookPusher(
          settings,
          () => this.updates,
          (id) => {
            this.updates = this.updates.filter((u) => u.update_id !== id);
          },
          { retryMs: this.opts.webhookRetryMs ?? 1000, timeoutMs: this.opts.webhookTimeoutMs ?? 30_000 },
        )
      : undefined;
    for (const p of this.polls) p();
    this.webhook?.wake();
  }

  private webhookInfo(): Record<string, unknown> {
    const w = this.webhook;
    return w
      ? { url: w.settings.url, pending_update_count: w.pending, max_connections: w.settings.maxConnections }
      : { url: '', pending_update_count: this.updates.length };
  }

  private async getUpdates(f: Record<string, unknown>): Promise<unknown[]> {
    if (this.webhook)
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    const offset = Number(f.offset ?? 0);
    // Asking with an offset confirms everything before it: those updates are gone for good.
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    const limit = Math.min(100, Math.max(1, Number(f.limit ?? 100)));
    const take = () => this.updates.slice(0, limit);
    const timeout = Math.min(50, Math.max(0, Number(f.timeout ?? 0)));
    if (this.updates.length || timeout === 0 || this.closed) return take();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.polls.delete(done);
        resolve();
      };
      const t = setTimeout(done, timeout * 1000);
      this.polls.add(done);
    });
    return take();
  }
}
