import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Bot, webhookCallback } from 'grammy';
import { portError } from '../core/port-in-use';
import type { Logger } from '../logger';
import type { BotContext } from './context';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookServerOptions {
  bot: Bot<BotContext>;
  /** The path Telegram POSTs to (the path of WEBHOOK_URL). */
  path: string;
  secret: string;
  host: string;
  port: number;
  log: Logger;
  /** For the load balancer: alive (200) or not (503), with the reason in the body. */
  health: () => { ok: boolean };
  /** Ready to take traffic: started and the database answering. */
  ready: () => Promise<boolean>;
}

export interface WebhookServer {
  readonly port: number;
  close(): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Updates arrive as POSTs from Telegram (BOT_MODE=webhook), next to /healthz and /readyz for a load balancer. A
 * request without Telegram's secret header is refused with 401 and logged once per source address, never handled.
 * The response is sent when the update has been handled (its changes committed); an update that takes longer than
 * Telegram waits is answered 500, and its retry is recognised as the same update (handled_updates).
 */
export async function startWebhookServer(o: WebhookServerOptions): Promise<WebhookServer> {
  const handle = webhookCallback(o.bot, 'http', { onTimeout: 'throw', timeoutMilliseconds: 25_000 });
  const refusedFrom = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return send(res, o.health().ok ? 200 : 503, 'ok');
    if (req.method === 'GET' && path === '/readyz') {
      void o.ready().then(
        (ok) => send(res, ok ? 200 : 503, ok ? 'ready' : 'not ready'),
        () => send(res, 503, 'not ready'),
      );
      return;
    }
    if (req.method !== 'POST' || path !== o.path) return send(res, 404, 'not found');
    if (!sameSecret(req.headers[SECRET_HEADER], o.secret)) {
      const from = req.socket.remoteAddress ?? '?';
      if (!refusedFrom.has(from)) {
        refusedFrom.add(from);
        o.log.warn({ from }, 'a webhook request without the right secret was refused (401); further ones not logged');
      }
      req.resume();
      return send(res, 401, 'unauthorized');
    }
    const handling = handle(req, res)
      .catch((err: unknown) => {
        o.log.warn({ err }, 'an update was not handled in time or failed; Telegram will retry it');
        if (!res.headersSent) send(res, 500, 'retry');
      })
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(portError(err, 'WEBHOOK_PORT', o.host, o.port)));
    server.listen(o.port, o.host, () => resolve());
  });
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : o.port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Handlers in flight finish; then nothing is left to answer. A POST Telegram gave up on (timed out) can leave its
      // connection half open for ever, and server.close() would wait for it: those go once every handler is done.
      await Promise.all(inFlight);
      server.closeAllConnections();
      await closed;
    },
  };
}
