import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import { DomainError, NotAllowed } from '../core/errors';
import type { Logger } from '../logger';
import { domainErrorKey } from '../telegram/errors';
import { formToken, Refused, whoIsAsking } from './auth/viewer';
import type { ConsoleApp, ConsoleDeps, ConsoleEnv } from './context';
import { consolePolicy } from './policy';
import { page } from './views/layout';

const require = createRequire(import.meta.url);
const own = (file: string) => new URL(`./static/${file}`, import.meta.url);

/** Files the pages load, read once: the console's own script and style, and ECharts from node_modules. */
function staticFiles(): Map<string, { body: Buffer; type: string }> {
  const js = 'text/javascript; charset=utf-8';
  return new Map([
    ['console.js', { body: readFileSync(own('console.js')), type: js }],
    ['console.css', { body: readFileSync(own('console.css')), type: 'text/css; charset=utf-8' }],
    ['echarts.min.js', { body: readFileSync(require.resolve('echarts/dist/echarts.common.min.js')), type: js }],
  ]);
}

// Telegram Web shows a Mini App in a frame of its own pages; nothing else may frame the console.
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export type Routes = (app: ConsoleApp, deps: ConsoleDeps) => void;

/** The console's web app: who is asking first, then the pages (each checks its roles), errors as pages. */
export function consoleApp(deps: ConsoleDeps, routes: Routes[], log: Logger): ConsoleApp {
  const { identity } = deps.platform;
  const app = new Hono<ConsoleEnv>();
  const files = staticFiles();

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
    if (!c.req.path.startsWith('/static/')) c.header('cache-control', 'no-store');
  });
  app.get('/static/:file', (c) => {
    const f = files.get(c.req.param('file'));
    if (!f) return c.notFound();
    return c.body(new Uint8Array(f.body), 200, { 'content-type': f.type, 'cache-control': 'public, max-age=86400' });
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.use(
    '*',
    bodyLimit({
      // An upload is a spreadsheet of at most the workbench's size, plus the form around it.
      maxSize: consolePolicy.maxUploadBytes + 64 * 1024,
      onError: (c) => c.text('413 — the file is too large', 413),
    }),
  );
  app.use('*', whoIsAsking(deps));
  app.use('*', formToken(identity));
  for (const r of routes) r(app, deps);

  app.notFound((c) => page(c, c.get('t')('console.errors.notFound'), html``, { status: 404 }));
  app.onError(async (err, c) => {
    const t = c.get('t') ?? ((k: string) => k);
    if (err instanceof Refused) return refusalPage(c, err);
    if (err instanceof NotAllowed) {
      const v = c.get('viewer');
      if (v) await identity.denied(v.user.id, `console:${c.req.method} ${c.req.path}`);
      return refusalPage(c, new Refused(403, 'role'));
    }
    if (err instanceof DomainError) {
      const key = domainErrorKey(err.code);
      const text = deps.platform.i18n.exists(key) ? t(key, err.params) : t('console.errors.rejected');
      // The area's own words come with Telegram formatting in a few places: the page shows the words only.
      const plain = text.replace(/<[^>]+>/g, '');
      return page(c, t('console.errors.title'), html`<p class="notice error">${plain}</p>${back(c)}`, { status: 400 });
    }
    log.error({ err, path: c.req.path }, 'console request failed');
    return page(c, t('console.errors.title'), html`<p class="notice error">${t('console.errors.unexpected')}</p>`, {
      status: 500,
    });
  });
  return app;
}

const back = (c: Parameters<typeof page>[0]) => html`<p><a href="/" class="back">${c.get('t')('console.back')}</a></p>`;

function refusalPage(c: Parameters<typeof page>[0], err: Refused) {
  const t = c.get('t');
  const text = t(`console.refused.${err.reason.replace(/\..*$/, '')}`);
  return page(c, t(`console.refused.title${err.status}`), html`<p class="notice error">${text}</p>`, {
    status: err.status,
  });
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port); resolves with the address, or rejects if the port cannot be had. */
export async function listen(app: ConsoleApp, host: string, port: number): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    async close() {
      // Keep-alive connections of idle browsers would hold close() for minutes.
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
