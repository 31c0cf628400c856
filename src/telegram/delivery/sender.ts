import { type Agent, Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { Config } from '../../config';

/** What one send came to: Telegram's own answer, or a network failure, as a value rather than an exception. */
export type SendResult =
  | { ok: true; messageId: number }
  | { ok: false; code: number; description: string; retryAfter?: number }
  | { ok: false; code: 0; description: string; network: true };

/** The outbox worker's one port to Telegram. */
export interface Sender {
  /** `onWritten` is called when the request has been handed to the network (for exact pacing). */
  send(
    method: 'sendMessage' | 'sendPhoto' | 'editMessageText' | 'editMessageCaption',
    payload: Record<string, unknown>,
    onWritten?: () => void,
  ): Promise<SendResult>;
}

const TIMEOUT_MS = 30_000;

/**
 * Plain keep-alive HTTP to the Bot API for the outbox's hot path. grammY's client (node-fetch) tops out near
 * 3,000 calls/s on this hardware, plain node:http near 7,000 — a 100,000-recipient broadcast should be paced
 * by Telegram's limits, not by our client. Replies to users still go through grammY.
 */
export class HttpSender implements Sender {
  private readonly agent: Agent;
  private readonly base: URL;
  private readonly request: typeof httpRequest;

  constructor(
    config: Pick<Config, 'TELEGRAM_API_ROOT' | 'TELEGRAM_PROXY'>,
    private readonly token: string,
  ) {
    this.base = new URL(config.TELEGRAM_API_ROOT);
    const https = this.base.protocol === 'https:';
    this.request = https ? (httpsRequest as unknown as typeof httpRequest) : httpRequest;
    this.agent = config.TELEGRAM_PROXY
      ? (new HttpsProxyAgent(config.TELEGRAM_PROXY, { keepAlive: true }) as unknown as Agent)
      : https
        ? new HttpsAgent({ keepAlive: true, maxSockets: 128 })
        : new HttpAgent({ keepAlive: true, maxSockets: 128 });
  }

  send(method: string, payload: Record<string, unknown>, onWritten?: () => void): Promise<SendResult> {
    const body = JSON.stringify(payload);
    const path = `${this.base.pathname.replace(/\/$/, '')}/bot${this.token}/${method}`;
    return new Promise<SendResult>((resolve) => {
      const fail = (e: Error) =>
        resolve({ ok: false, code: 0, description: e.message.split(this.token).join('<token>'), network: true });
      const req = this.request(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          path,
          method: 'POST',
          agent: this.agent,
          timeout: TIMEOUT_MS,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', fail);
          res.on('end', () => {
            try {
              const r = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                ok: boolean;
                result?: { message_id: number };
                error_code?: number;
                description?: string;
                parameters?: { retry_after?: number };
              };
              if (r.ok) resolve({ ok: true, messageId: r.result?.message_id ?? 0 });
              else
                resolve({
                  ok: false,
                  code: r.error_code ?? res.statusCode ?? 0,
                  description: r.description ?? 'unknown error',
                  retryAfter: r.parameters?.retry_after,
                });
            } catch {
              resolve({
                ok: false,
                code: res.statusCode ?? 502,
                description: `unreadable answer (HTTP ${res.statusCode})`,
              });
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', fail);
      req.end(body, onWritten);
    });
  }
}
