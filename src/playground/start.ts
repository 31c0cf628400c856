import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type App, createApp } from '../app';
import type { Config } from '../config';
import { ManualClock } from '../core/clock';
import { stopOnSignals } from '../core/shutdown';
import { createLogger, type Logger } from '../logger';
import { FakeBotApi } from './fake-api';
import { preparePersonas } from './personas';
import { startWebServer, type WebServer } from './web/server';

export const PLAYGROUND_DB = './data/playground.db';

export interface PlaygroundOptions {
  /** Defaults to ./data/playground.db — never DATABASE_PATH, which may be a real deployment's data. */
  databasePath?: string;
  /** Delete the playground database (and its simulated time) first. */
  fresh?: boolean;
  log?: Logger;
}

export interface Playground {
  url: string;
  api: FakeBotApi;
  app: App;
  clock: ManualClock;
  /** True when this start created the database and loaded the demo data. */
  seeded: boolean;
  stop(): Promise<void>;
}

/** The real bot (same createApp as production) against the embedded Bot API emulator, plus the web chat. */
export async function createPlayground(base: Config, opts: PlaygroundOptions = {}): Promise<Playground> {
  const dbPath = opts.databasePath ?? PLAYGROUND_DB;
  const clockFile = `${dbPath}.clock.json`;
  if (opts.fresh) for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, clockFile]) rmSync(f, { force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  const seeded = !existsSync(dbPath);
  const log = opts.log ?? createLogger(base.LOG_LEVEL);

  // Simulated time runs on from where the last session left it, so bookings made "next week" still make sense.
  const clock = new ManualClock();
  const savedOffset = readOffset(clockFile);
  if (savedOffset > 0) clock.advance(savedOffset);

  const api = await FakeBotApi.start({ host: '127.0.0.1', botUsername: 'linli_playground_bot' });
  let app: App | undefined;
  let web: WebServer | undefined;
  try {
    const config: Config = Object.freeze({
      ...base,
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: dbPath,
      // Nothing here may reach out: no proxy, no real admins, no staff group the page cannot show.
      TELEGRAM_PROXY: undefined,
      ADMIN_IDS: [],
      STAFF_CHAT_ID: undefined,
    });
    // The web server watches the bot's calls (command menus), so it is up before the bot publishes them.
    web = await startWebServer({
      api,
      host: base.PLAYGROUND_HOST,
      port: base.PLAYGROUND_PORT,
      timezone: config.TIMEZONE,
      now: () => clock.now(),
      consoleUrl: () => app?.consoleUrl(),
      async advance(ms) {
        if (!app) throw new Error('the bot is still starting');
        clock.advance(ms);
        writeFileSync(clockFile, JSON.stringify({ offsetMs: clock.now().getTime() - Date.now() }));
        await app.scheduler.runAll();
        app.worker.wake();
      },
    });
    const created = await createApp(config, { clock, log });
    app = created;
    if (seeded) {
      for (const f of created.features) {
        if (!f.demo) continue;
        // One area's demo data failing must not keep the others from being tried.
        await f.demo().then(
          (line) => log.info(line),
          (err: unknown) => log.warn({ err, area: f.name }, 'demo data not loaded'),
        );
      }
    }
    await preparePersonas(created);
    await created.start();
    const site = web;
    return {
      url: site.url,
      api,
      app: created,
      clock,
      seeded,
      async stop() {
        await site.close();
        await created.stop();
        await api.close();
      },
    };
  } catch (err) {
    await web?.close();
    await app?.stop().catch(() => {});
    await api.close();
    throw err;
  }
}

function readOffset(file: string): number {
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown }).offsetMs;
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  } catch {
    return 0;
  }
}

/** `npm start` without BOT_TOKEN: the playground, until Ctrl-C. `--fresh` or PLAYGROUND_FRESH=1 starts over. */
export async function startPlayground(config: Config): Promise<void> {
  const fresh = process.argv.includes('--fresh') || process.env.PLAYGROUND_FRESH === '1';
  const log = createLogger(config.LOG_LEVEL);
  const pg = await createPlayground(config, { fresh, log });
  const lines = [
    '',
    '  Linli playground — the real bot against a built-in Telegram emulator',
    '  (not Telegram; nothing leaves this computer).',
    `  Open ${pg.url} in a browser.`,
    `  Data: ${PLAYGROUND_DB}${pg.seeded ? ' (new, demo data loaded)' : ' (kept; `npm start -- --fresh` starts over)'}`,
    '  To run on Telegram, set BOT_TOKEN (see README).',
    '',
  ];
  console.log(lines.join('\n'));
  if (config.PLAYGROUND_PUBLIC)
    log.warn(
      { host: config.PLAYGROUND_HOST },
      'the playground is open to the network: anyone who can reach it acts as any persona',
    );

  stopOnSignals(() => pg.stop(), log, 'the playground');
}
