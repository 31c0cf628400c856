import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { sign } from '@telegram-apps/init-data-node';
import type { ChatMessage, FakeBotApi, FakeUser, RecordedCall } from '../fake-api';
import { DEMO_LOCATION, PERSONAS, type Persona, personaById } from '../personas';
import { CommandMenus } from './menus';

export interface WebOptions {
  api: FakeBotApi;
  host: string;
  port: number;
  timezone: string;
  now(): Date;
  /** Moves simulated time forward by ms, then lets the scheduler and the outbox catch up. */
  advance(ms: number): Promise<void>;
  /** Where the staff console listens, once the app has started it. */
  consoleUrl?(): string | undefined;
}

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

const STATIC: Record<string, [file: string, type: string]> = {
  '/': ['page.html', 'text/html; charset=utf-8'],
  '/page.js': ['page.js', 'text/javascript; charset=utf-8'],
  '/page.css': ['page.css', 'text/css; charset=utf-8'],
  '/format.js': ['format.js', 'text/javascript; charset=utf-8'],
  '/util.js': ['util.js', 'text/javascript; charset=utf-8'],
};
const MAX_JSON = 64 * 1024;
const MAX_PHOTO = 10 * 1024 * 1024;
const HOUR = 3_600_000;

// The page renders resident text and bot HTML itself; this policy is the second fence if that ever slips.
const SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "img-src 'self' blob:",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The web chat: a static page, a small JSON API acting as the personas, Server-Sent Events of every chat change. */
export async function startWebServer(o: WebOptions): Promise<WebServer> {
  const users = new Map<number, FakeUser>(
    PERSONAS.map((p) => [
      p.id,
      o.api.user({ id: p.id, first_name: p.first_name, last_name: p.last_name, language_code: p.language_code }),
    ]),
  );
  const streams = new Set<ServerResponse>();
  const isPersona = (chatId: number) => personaById(chatId) !== undefined;
  const push = (event: string, data: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const s of streams) s.write(frame);
  };
  const menus = CommandMenus.watch(o.api, () => push('commands', commandsByPersona()));
  const commandsByPersona = () =>
    Object.fromEntries(PERSONAS.map((p) => [p.id, menus.forPrivateChat(p.id, p.language_code)]));

  // The emulator stamps messages with real time; the page shows the simulated time at which each one arrived.
  const simulated = new Map<string, number>();
  const withSimTime = (chatId: number, m: ChatMessage) => {
    const key = `${chatId}:${m.message_id}`;
    if (!simulated.has(key)) simulated.set(key, o.now().getTime() - (Date.now() - m.date * 1000));
    return { ...m, sim_ms: simulated.get(key) };
  };
  const onMessage = (chatId: number, m: ChatMessage) =>
    isPersona(chatId) && push('message', { chatId, message: withSimTime(chatId, m) });
  const onEdit = (chatId: number, m: ChatMessage) =>
    isPersona(chatId) && push('edit', { chatId, message: withSimTime(chatId, m) });
  const onDelete = (chatId: number, messageId: number) => isPersona(chatId) && push('delete', { chatId, messageId });
  const onCall = (call: RecordedCall) => {
    if (
      call.method === 'answerCallbackQuery' &&
      call.ok &&
      call.chatId !== null &&
      typeof call.payload.text === 'string' &&
      call.payload.text
    ) {
      push('toast', {
        chatId: call.chatId,
        text: call.payload.text,
        alert: call.payload.show_alert === true || call.payload.show_alert === 'true',
      });
    }
    // The playground runs for hours; the emulator's call log is for tests, so keep only its recent end.
    if (o.api.calls.length > 4000) o.api.calls.splice(0, 2000);
  };
  o.api
    .on('bot-message', onMessage)
    .on('user-message', onMessage)
    .on('bot-edit', onEdit)
    .on('bot-delete', onDelete)
    .on('call', onCall);

  const state = () => ({
    notice: 'Telegram emulator for trying Linli — not Telegram. Nothing leaves this computer.',
    bot: { username: o.api.botUsername },
    timezone: o.timezone,
    now: o.now().toISOString(),
    personas: PERSONAS.map(({ id, first_name, last_name, label, role, open }) => ({
      id,
      name: [first_name, last_name].filter(Boolean).join(' '),
      label,
      role,
      open,
    })),
    chats: Object.fromEntries(PERSONAS.map((p) => [p.id, o.api.messages(p.id).map((m) => withSimTime(p.id, m))])),
    commands: commandsByPersona(),
  });

  const act = async (p: Persona, body: Record<string, unknown>): Promise<void> => {
    const u = users.get(p.id)!;
    switch (body.action) {
      case 'text': {
        const text = typeof body.text === 'string' ? body.text.slice(0, 4096) : '';
        if (!text.trim()) throw new HttpError(400, 'empty message');
        await u.send(text);
        return;
      }
      case 'click': {
        if (typeof body.data !== 'string' || !Number.isInteger(body.messageId))
          throw new HttpError(400, 'click needs data and messageId');
        await u.click(body.data, { messageId: body.messageId as number });
        return;
      }
      case 'contact':
        await u.contact({ phone_number: p.phone, first_name: p.first_name, user_id: p.id });
        return;
      case 'location':
        await u.location(DEMO_LOCATION.latitude, DEMO_LOCATION.longitude);
        return;
      default:
        throw new HttpError(400, 'unknown action');
    }
  };

  const clock = async (body: Record<string, unknown>) => {
    const now = o.now().getTime();
    let ms: number;
    if (typeof body.hours === 'number' && body.hours > 0 && body.hours <= 24 * 366) ms = body.hours * HOUR;
    else if (typeof body.to === 'string' && !Number.isNaN(Date.parse(body.to))) ms = Date.parse(body.to) - now;
    else throw new HttpError(400, 'say { hours } or { to: ISO instant }');
    if (ms <= 0) throw new HttpError(400, 'simulated time only moves forward');
    await o.advance(ms);
    push('clock', { now: o.now().toISOString() });
    return { now: o.now().toISOString() };
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const page = STATIC[url.pathname];
    if (req.method === 'GET' && page) {
      const body = await readFile(new URL(page[0], import.meta.url));
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': page[1] }).end(body);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (req.method === 'GET' && url.pathname === '/api/state') return json(res, 200, state());
    const opening = /^\/console\/(\d{1,15})$/.exec(url.pathname);
    if (req.method === 'GET' && opening) return openConsole(res, Number(opening[1]));
    if (req.method === 'GET' && url.pathname === '/api/events') return openStream(req, res);
    const file = /^\/api\/file\/([\w-]{1,100})$/.exec(url.pathname);
    if (req.method === 'GET' && file) return sendFile(res, o.api, file[1]!, url.searchParams.get('name'));
    if (req.method !== 'POST') throw new HttpError(404, 'not found');
    sameOrigin(req);
    const actAs = /^\/api\/personas\/(\d{1,15})\/(act|photo)$/.exec(url.pathname);
    if (actAs) {
      const p = personaById(Number(actAs[1]));
      if (!p) throw new HttpError(404, 'no such persona');
      if (actAs[2] === 'photo') {
        if (req.headers['content-type'] !== 'application/octet-stream')
          throw new HttpError(415, 'send the image as application/octet-stream');
        const bytes = await readRaw(req, MAX_PHOTO);
        if (bytes.length === 0) throw new HttpError(400, 'empty photo');
        const caption = url.searchParams.get('caption')?.slice(0, 1024) || undefined;
        await users.get(p.id)!.photo({ bytes, caption });
      } else await act(p, await readJson(req));
      return json(res, 200, { ok: true });
    }
    if (url.pathname === '/api/clock') return json(res, 200, await clock(await readJson(req)));
    throw new HttpError(404, 'not found');
  };

  /**
   * A persona opens the staff console as Telegram opens a Mini App: with initData signed by the emulator's bot token
   * at simulated time, so the console's real validation and role checks run (a resident is refused there).
   */
  const openConsole = (res: ServerResponse, id: number) => {
    const p = personaById(id);
    const base = o.consoleUrl?.();
    if (!p || !base) throw new HttpError(404, 'no such persona, or the console is not running');
    const initData = sign({ user: { id: p.id, first_name: p.first_name } }, o.api.token, o.now());
    res.writeHead(302, { location: `${base}/app#tgWebAppData=${encodeURIComponent(initData)}` }).end();
  };

  const openStream = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
    res.on('error', () => streams.delete(res));
  };

  const sockets = new Set<Socket>();
  let boundPort = o.port;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://playground');
    // DNS rebinding: a foreign site's name that resolves to 127.0.0.1 would reach this page with its own Host.
    if (isLoopback(o.host) && !isLoopbackHost(req.headers.host, boundPort))
      return json(res, 421, { ok: false, error: 'this playground answers only on localhost / 127.0.0.1' });
    route(req, res, url).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (!res.headersSent) json(res, status, { ok: false, error: err instanceof Error ? err.message : String(err) });
      else res.end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const heartbeat = setInterval(() => {
    for (const s of streams) s.write(': keep-alive\n\n');
  }, 15_000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  boundPort = port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;

  return {
    url: `http://${host}:${port}`,
    async close() {
      clearInterval(heartbeat);
      o.api
        .off('bot-message', onMessage)
        .off('user-message', onMessage)
        .off('bot-edit', onEdit)
        .off('bot-delete', onDelete)
        .off('call', onCall);
      for (const s of streams) s.end();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}

export const isLoopback = (host: string) => /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);

function isLoopbackHost(header: string | undefined, port: number): boolean {
  const m = /^(\[::1\]|127\.\d+\.\d+\.\d+|localhost)(?::(\d+))?$/i.exec(header ?? '');
  return m !== null && (m[2] === undefined ? port === 80 : Number(m[2]) === port);
}

/** Another web site in the same browser must not act as a persona: cross-site requests carry a foreign Origin. */
function sameOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // 'null' and garbage origins are foreign by definition
  }
  if (host !== req.headers.host) throw new HttpError(403, 'cross-origin request refused');
}

async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'send JSON');
  try {
    const v: unknown = JSON.parse((await readRaw(req, MAX_JSON)).toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch (err) {
    if (err instanceof HttpError) throw err;
  }
  throw new HttpError(400, 'bad JSON');
}

const IMAGE_MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
];

function sendFile(res: ServerResponse, api: FakeBotApi, fileId: string, name: string | null): void {
  const f = api.chats.file(fileId);
  if (!f) throw new HttpError(404, 'no such file');
  const image = IMAGE_MAGIC.find(([magic]) => magic.every((b, i) => f.bytes[i] === b))?.[1];
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': image && name === null ? image : 'application/octet-stream',
  };
  if (name !== null)
    headers['content-disposition'] =
      `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(name.slice(0, 200))}`;
  res.writeHead(200, headers).end(f.bytes);
}
