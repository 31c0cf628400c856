import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { type App, createApp } from '../../src/app';
import { type Config, createConfig } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import { features } from '../../src/features';
import { deliveryCounts } from '../../src/features/delivery/service';
import type { Role } from '../../src/features/residents/roles';
import * as residents from '../../src/features/residents/service';
import { FakeBotApi, type FakeBotApiOptions, type FakeUser } from '../../src/playground/fake-api';

export interface TestBot {
  api: FakeBotApi;
  app: App;
  clock: ManualClock;
  config: Config;
  db: App['deps']['db'];
  /** A Telegram user as the fake API sees them (nothing stored until they write). */
  user(id: number, opts?: { language_code?: string; first_name?: string; username?: string }): FakeUser;
  /** A resident who has already onboarded into a demo compound (default: the first). */
  resident(id: number, opts?: { language_code?: string; first_name?: string; compound?: number }): Promise<FakeUser>;
  /** A user holding a role, without clicking through an invitation. */
  withRole(id: number, role: Role, opts?: { language_code?: string; first_name?: string }): Promise<FakeUser>;
  /** Waits until the outbox has nothing due (queued or sending). */
  delivered(timeoutMs?: number): Promise<void>;
  /** Runs every scheduled job once at the clock's current time. */
  runJobs(): Promise<void>;
  /** Stops the app and starts a new one on the same database and fake API (a process restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  clock?: ManualClock;
  /** Load every area's demo data (`seed demo`). Places are always seeded. */
  seedDemo?: boolean;
  fakeApi?: FakeBotApiOptions;
  api?: FakeBotApi;
}

const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** The real bot, built by the same createApp main.ts uses, polling a fake Bot API over loopback HTTP. */
export async function startBot(opts: StartOptions = {}): Promise<TestBot> {
  const api = opts.api ?? (await FakeBotApi.start(opts.fakeApi));
  const dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
  const config = createConfig({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: join(dir, 'linli.db'),
    LOG_LEVEL: 'silent',
    DELIVERY_RATE_PER_SEC: '500',
    ...opts.env,
  });
  const clock = opts.clock ?? new ManualClock();
  let app = await createApp(config, { clock, log: silent, cron: false });
  await residents.seedDemoPlaces(app.deps.db);
  if (opts.seedDemo) {
    const cliDeps = { db: app.deps.db, config, clock, log: silent, out: () => {} };
    for (const f of features) if (f.seedDemo) await f.seedDemo(cliDeps);
  }
  await app.start();

  const tb: TestBot = {
    api,
    get app() {
      return app;
    },
    clock,
    config,
    get db() {
      return app.deps.db;
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
      await residents.touchUser(
        app.deps.db,
        { id, first_name: o.first_name ?? `User${id}`, language_code: o.language_code ?? 'zh-hans' },
        clock.now(),
      );
      const compounds = await residents.listCompounds(app.deps.db);
      await residents.setHome(app.deps.db, id, o.compound ?? compounds[0]!.id);
      return u;
    },
    async withRole(id, role, o = {}) {
      const u = await tb.resident(id, o);
      await residents.grantRole(app.deps.db, null, id, role, clock.now());
      return u;
    },
    async delivered(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      app.worker.wake();
      for (;;) {
        const c = await deliveryCounts(app.deps.db);
        if (c.queued + c.sending === 0) return;
        if (Date.now() > until) throw new Error(`outbox not drained: ${JSON.stringify(c)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    runJobs: () => app.scheduler.runAll(),
    async restart() {
      await app.stop();
      app = await createApp(config, { clock, log: silent, cron: false });
      await app.start();
    },
    async stop() {
      await app.stop();
      if (!opts.api) await api.close();
    },
  };
  return tb;
}
