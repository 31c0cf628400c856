import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config';
import { clientOptions } from '../../src/telegram/bot';
import { keepAliveFetch } from '../../src/telegram/keep-alive-fetch';

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;
let server: Server | undefined;

/** A Bot API stand-in on loopback answering each call with `handle`; the Api grammY builds on it with our fetch. */
async function apiWith(handle: Handler, timeoutSeconds = 10) {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return new Api('1:t', {
    apiRoot: `http://127.0.0.1:${port}`,
    fetch: keepAliveFetch(),
    baseFetchConfig: { agent: new Agent({ keepAlive: true }) },
    timeoutSeconds,
  });
}

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};
const message = { message_id: 7, date: 0, chat: { id: 5, type: 'private', first_name: 'x' }, text: '你好' };

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

describe("grammY's calls over plain keep-alive HTTP", () => {
  it('sends the method and its JSON, and gives back what Telegram answered, Chinese text included', async () => {
    const seen: { url?: string; body?: unknown } = {};
    const api = await apiWith((req, body, res) => {
      Object.assign(seen, { url: req.url, body: JSON.parse(body.toString('utf8')) });
      json(res, 200, { ok: true, result: message });
    });
    const sent = await api.sendMessage(5, '你好', {
      reply_markup: { inline_keyboard: [[{ text: '跳过', callback_data: 'x' }]] },
    });
    expect(sent.text).toBe('你好');
    expect(seen.url).toBe('/bot1:t/sendMessage');
    expect(seen.body).toMatchObject({
      chat_id: 5,
      text: '你好',
      reply_markup: { inline_keyboard: [[{ text: '跳过' }]] },
    });
  });

  it("turns Telegram's refusal into a GrammyError with its code, as before", async () => {
    const api = await apiWith((_req, _body, res) =>
      json(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' }),
    );
    const err = await api.sendMessage(5, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(400);
  });

  it('turns a connection dropped half-way through the answer, or an answer that is not JSON, into an HttpError', async () => {
    let call = 0;
    const api = await apiWith((_req, _body, res) => {
      call++;
      if (call === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"ok":tr');
        setTimeout(() => res.socket?.destroy(), 20);
      } else res.end('<html>502 Bad Gateway</html>');
    });
    await expect(api.sendMessage(5, 'x')).rejects.toBeInstanceOf(HttpError);
    await expect(api.sendMessage(5, 'x')).rejects.toBeInstanceOf(HttpError);
  });

  it('gives up on a call Telegram never answers once its time is up', async () => {
    const api = await apiWith(() => {}, 1);
    const started = Date.now();
    await expect(api.sendMessage(5, 'x')).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('uploads a file as multipart, every byte of it', async () => {
    const bytes = Buffer.alloc(200_000, 7);
    let received: Buffer = Buffer.alloc(0);
    const api = await apiWith((req, body, res) => {
      expect(req.headers['content-type']).toMatch(/^multipart\/form-data/);
      received = body;
      json(res, 200, {
        ok: true,
        result: { ...message, text: undefined, document: { file_id: 'f', file_unique_id: 'u' } },
      });
    });
    await api.sendDocument(5, new InputFile(bytes, 'roster.xlsx'));
    expect(received.includes(bytes)).toBe(true);
  });

  it('stops a long poll the moment its signal aborts, and the next call still gets its answer', async () => {
    let call = 0;
    let arrived = () => {};
    // grammY's own timeout is far away: only the abort can end these polls before the test's time is up.
    const api = await apiWith((_req, _body, res) => {
      call++;
      // The first poll hangs like getUpdates with nothing new; the second is half-answered when it is aborted.
      if (call === 2) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"ok":tr');
      } else if (call >= 3) return json(res, 200, { ok: true, result: message });
      arrived();
    }, 300);
    for (let i = 0; i < 2; i++) {
      const stop = new AbortController();
      const reached = new Promise<void>((r) => {
        arrived = r;
      });
      // grammY's types name the abort-controller package's signal; the native one is what bot.stop() hands down.
      const poll = api.getUpdates({ timeout: 30 }, stop.signal as unknown as Parameters<Api['getUpdates']>[1]);
      await reached;
      stop.abort();
      await expect(poll).rejects.toBeInstanceOf(HttpError);
    }
    await expect(api.sendMessage(5, '你好')).resolves.toMatchObject({ text: '你好' });
  });

  it('goes through the configured proxy, as node-fetch did', async () => {
    const tunnelled: string[] = [];
    const tunnels: Socket[] = [];
    const proxy = createServer();
    proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      tunnelled.push(req.url ?? '');
      tunnels.push(client);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      await apiWith((_req, _body, res) => json(res, 200, { ok: true, result: message }));
      const { port } = server!.address() as AddressInfo;
      const config = {
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
        TELEGRAM_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      };
      const api = new Api('1:t', clientOptions(config as Config));
      await expect(api.sendMessage(5, '你好')).resolves.toMatchObject({ text: '你好' });
      expect(tunnelled).toEqual([`127.0.0.1:${port}`]);
    } finally {
      for (const t of tunnels) t.destroy();
      await new Promise((r) => proxy.close(r));
    }
  });

  it('lets go of the file an upload was reading when the upload runs out of time', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'linli-upload-')), 'roster.xlsx');
    writeFileSync(path, Buffer.alloc(8 * 1024 * 1024, 7));
    const file = createReadStream(path);
    const closed = new Promise<void>((r) => file.on('close', r));
    // Telegram stops reading part-way: the upload waits on the socket until grammY's time limit aborts it.
    const api = await apiWith(() => {}, 1);
    server!.removeAllListeners('request');
    server!.on('request', (req: IncomingMessage) => req.pause());
    await expect(api.sendDocument(5, new InputFile(file, 'roster.xlsx'))).rejects.toBeInstanceOf(HttpError);
    await closed;
    rmSync(dirname(path), { recursive: true });
  });
});
