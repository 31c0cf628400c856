import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type App, createApp } from '../../src/app';
import { type Config, createConfig } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import type { Role } from '../../src/identity';
import { createLogger } from '../../src/logger';
import { FakeBotApi, type FakeBotApiOptions, type FakeUser } from '../../src/playground/fake-api';
import { freshPgUrl, testEngine } from './db';

export interface TestBot {
  api: FakeBotApi;
  app: App;
  clock: ManualClock;
  config: Config;
  db: App['platform']['db'];
  /** Every area's services, as the running bot uses them. */
  services: App['services'];
  platform: App['platform'];
  /** A Telegram user as the fake API sees them (nothing stored until they write). */
  user(id: number, opts?: { language_code?: string; first_name?: string; username?: string }): FakeUser;
  /** A resident who has already onboarded into a demo compound (default: the first). */
  resident(id: number, opts?: { language_code?: string; first_name?: string; compound?: number }): Promise<FakeUser>;
  /** A user holding a role, without clicking through an invitation. */
  withRole(id: number, role: Role, opts?: { language_code?: string; first_name?: string }): Promise<FakeUser>;
  /** Waits until the outbox has nothing due (queued or sending). */
  delivered(timeoutMs?: number): Promise<void>;
  /** Waits until the bot has finished handling an update. */
  settled(updateId: number, timeoutMs?: number): Promise<void>;
  /** Runs every scheduled job once at the clock's current time. */
  runJobs(): Promise<void>;
  /** Stops the app and starts a new one on the same database and fake API (a process restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  clock?: ManualClock;
  /** Load every area's demo data (`seed demo`). Places are always seeded, unless `empty`. */
  seedDemo?: boolean;
  /** Nothing seeded, not even places: a new deployment's empty database (the set-up walk-through's tests). */
  empty?: boolean;
  fakeApi?: FakeBotApiOptions;
  api?: FakeBotApi;
  /** Collect every log line (JSON) here, at level `info` and above, token scrubbed as in production. */
  logs?: string[];
}

const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Update ids the app has finished handling, and who is waiting for which. */
class Settlement {
  private done = new Set<number>();
  private waiters = new Map<number, (() => void)[]>();
  mark = (id: number) => {
    this.done.add(id);
    for (const w of this.waiters.get(id) ?? []) w();
    this.waiters.delete(id);
  };
  wait(id: number, timeoutMs: number): Promise<void> {
    if (this.done.has(id)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`update ${id} not handled within ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiters.get(id) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.waiters.set(id, list);
    });
  }
}

/** The real bot, built by the same createApp main.ts uses, polling a fake Bot API over loopback HTTP. */
export async function startBot(opts: StartOptions = {}): Promise<TestBot> {
  const api = opts.api ?? (await FakeBotApi.start(opts.fakeApi));
  const dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
  const config = createConfig({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: join(dir, 'linli.db'),
    ...(testEngine === 'postgres' ? { DATABASE_URL: await freshPgUrl() } : {}),
    LOG_LEVEL: 'silent',
    DELIVERY_RATE_PER_SEC: '500',
    // Tests click faster than any person; the flood guard has its own test.
    FLOOD_LIMIT: '10000',
    // The staff console listens beside the bot: on any free port, as tests run side by side.
    CONSOLE_PORT: '0',
    ...opts.env,
  });
  const clock = opts.clock ?? new ManualClock();
  const settlement = new Settlement();
  api.settle = (id, timeoutMs) => settlement.wait(id, timeoutMs);
  const logs = opts.logs;
  const log = logs ? createLogger('info', config.BOT_TOKEN, { write: (line: string) => void logs.push(line) }) : silent;
  const build = () => createApp(config, { clock, log, cron: false, onUpdateDone: settlement.mark });
  let app = await build();
  const places = app.features.find((f) => f.name === 'residents')!;
  if (!opts.empty) await places.demo!();
  if (opts.seedDemo) for (const f of app.features) if (f.demo) await f.demo();
  await app.start();

  const tb: TestBot = {
    api,
    get app() {
      return app;
    },
    clock,
    config,
    get db() {
      return app.platform.db;
    },
    get services() {
      return app.services;
    },
    get platform() {
      return app.platform;
    },
    user: (id, o = {}) =>
      api.user({
        id,
        first_name: o.first_name ?? `User${id}`,
        language_code: o.language_code ?? 'zh-hans',
        username: o.username,
      }),
    async resident(id, o = {}) {
      const u = tb.user(id, o);
      const profile = { id, first_name: o.first_name ?? `User${id}`, language_code: o.language_code ?? 'zh-hans' };
      await app.identity.touch(profile);
      const compounds = await app.services.residents.compounds();
      await app.services.residents.setHome(id, o.compound ?? compounds[0]!.id);
      return u;
    },
    async withRole(id, role, o = {}) {
      const u = await tb.resident(id, o);
      await app.identity.grant(null, id, role);
      return u;
    },
    async delivered(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      app.worker.wake();
      for (;;) {
        const c = await app.platform.outbox.counts();
        if (c.queued + c.sending === 0) return;
        if (Date.now() > until) throw new Error(`outbox not drained: ${JSON.stringify(c)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    settled: (id, timeoutMs = 15_000) => settlement.wait(id, timeoutMs),
    runJobs: () => app.scheduler.runAll(),
    async restart() {
      await app.stop();
      app = await build();
      await app.start();
    },
    async stop() {
      await app.stop();
      if (!opts.api) await api.close();
    },
  };
  return tb;
}
