// Update handling: the full Linli bot against a bare grammY bot, same fake Bot API, same run, path by path.
// Quality bar (DESIGN.md): on every common path the full bot handles at least half the updates per second of the
// bare one. Each path's bare twin makes the same Bot API calls per update as Linli does on that path (measured, not
// assumed), so the ratio is Linli's own work: middlewares, SQLite with synchronous=FULL, flows, rendering.

import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { pino } from 'pino';
import { type App, createApp } from '../src/app';
import { createConfig } from '../src/config';
import { sqliteOf } from '../src/db/client';
import { FakeBotApi } from '../src/playground/fake-api';
import { report, table } from './report';

const USERS = 1000;
/** Updates per path and bot: 2 per resident for a command; one each for a flow step (it moves the flow on). */
const PER_PATH = 2 * USERS;
const FIRST_ID = 10_000;

interface Path {
  name: string;
  text: string;
  /** Puts each sender where this text is the next step (a flow half done), before the run. */
  prepare?: (app: App, ids: number[]) => Promise<void>;
}

/** How many replies per update Linli sent on the path: the bare twin sends as many. */
interface Shape {
  sends: number;
}

const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/**
 * Sends `text` from every user (`repeat` times each), all at once; resolves with updates per second once `finished`
 * says every one was handled, and the replies each took.
 */
async function drive(
  api: FakeBotApi,
  label: string,
  users: number[],
  text: string,
  repeat: number,
  finished: (total: number) => boolean,
) {
  const before = api.stats.sent;
  const total = users.length * repeat;
  // Telegram marks a leading /command with a bot_command entity; without it grammY sees plain text.
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }]
    : undefined;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < repeat; r++)
    for (const id of users)
      api.addUpdate({
        message: {
          message_id: r + 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id, type: 'private', first_name: 'x' },
          from: { id, is_bot: false, first_name: `U${id}`, language_code: 'zh-hans' },
          text,
          entities,
        },
      });
  while (!finished(total)) {
    await new Promise((r) => setTimeout(r, 2));
    if (performance.now() - t0 > 120_000) throw new Error(`${label}: not done after 120 s`);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    perSec: total / ((performance.now() - t0) / 1000),
    calls: (api.stats.sent - before) / total,
    // CPU time per update (the fake API's share included): what other processes on a shared machine leave alone.
    cpuUs: (cpu.user + cpu.system) / total,
  };
}

export async function main(): Promise<void> {
  // The machine may be shared: the ratio is measured in the same run, the load says how far to trust the figures.
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
  // The bare bot: replies as many times per update as Linli did on the path being compared.
  const bareApi = await FakeBotApi.start({ recordCalls: false });
  const shape: Shape = { sends: 1 };
  const bare = new Bot(bareApi.token, { client: { apiRoot: bareApi.apiRoot } });
  /** The bare bot is done with a run when all its replies are in. */
  const bareDone = (from: number) => (total: number) => bareApi.stats.sent - from >= total * shape.sends;
  bare.on('message:text', async (ctx) => {
    for (let i = 0; i < shape.sends; i++) await ctx.reply('ok');
  });
  await bare.init();
  const bareRunner = run(bare);

  // The full bot: every middleware, SQLite with synchronous=FULL, the demo deployment loaded.
  const api = await FakeBotApi.start({ recordCalls: false });
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const config = createConfig({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: join(dir, 'b.db'),
    LOG_LEVEL: 'silent',
    // Any free port: the console is not measured, and another process on the machine may hold the default.
    CONSOLE_PORT: '0',
  });
  let handled = 0;
  const app = await createApp(config, { log: pino({ level: 'silent' }), cron: false, onUpdateDone: () => handled++ });
  /** Linli is done with a run when it says every update was handled (every reply sent, every change committed). */
  const linliDone = (from: number) => (total: number) => handled - from >= total;
  for (const f of app.features) if (f.demo) await f.demo();
  // Residents who live somewhere (as after onboarding) and wrote a moment ago, as in a conversation.
  const compounds = sqliteOf(app.dbh).prepare('select id, community_id from compounds').all() as {
    id: number;
    community_id: number;
  }[];
  const everyone = ids(FIRST_ID, 6 * USERS);
  const addUser = sqliteOf(app.dbh).prepare(
    `insert into users (id, first_name, tg_language, community_id, compound_id, onboarded, created_at, seen_at)
     values (?, ?, 'zh-hans', ?, ?, 1, ?, ?)`,
  );
  sqliteOf(app.dbh).transaction(() => {
    const now = new Date().toISOString();
    for (const [i, id] of everyone.entries()) {
      const c = compounds[i % compounds.length]!;
      addUser.run(id, `U${id}`, c.community_id, c.id, now, now);
    }
  })();
  await app.start();

  const offer = sqliteOf(app.dbh)
    .prepare(
      `select o.id from market_offers o join market_services s on s.id = o.service_id
       where s.needs_details = 1 order by o.id limit 1`,
    )
    .get() as { id: number } | undefined;
  const setFlow = sqliteOf(app.dbh).prepare(
    `insert into flows (user_id, name, step, data, updated_at) values (?, ?, ?, ?, ?)
     on conflict (user_id) do update set name = excluded.name, step = excluded.step, data = excluded.data`,
  );
  const inFlow = (name: string, step: string, data: object) => async (_: App, users: number[]) => {
    const at = new Date().toISOString();
    sqliteOf(app.dbh).transaction(() => {
      for (const id of users) setFlow.run(id, name, step, JSON.stringify(data), at);
    })();
  };
  const paths: Path[] = [
    { name: '/help', text: '/help' },
    { name: '/me (profile)', text: '/me' },
    { name: 'free-text question → FAQ', text: '请问磨刀在哪里' },
    {
      name: 'booking step (typing what to repair)',
      text: '电饭煲不加热了，插上电没反应',
      prepare: inFlow('market.book', 'details', { offerId: offer?.id ?? 1, mode: 'book' }),
    },
    {
      name: 'petition filing step (the description)',
      text: '路灯坏了半个月了，晚上黑漆漆的，老人不敢出门。',
      prepare: inFlow('petitions.new', 'describe', {
        category: 'facilities',
        place: '3栋门口',
        latitude: null,
        longitude: null,
      }),
    },
  ];

  // UPDATES_PATHS=me,faq runs only the paths whose name holds one of those words, in any case ('faq' is the path
  // named "… → FAQ"): profiling one path at a time.
  const only = process.env.UPDATES_PATHS?.toLowerCase().split(',').filter(Boolean);
  const chosen = only ? paths.filter((p) => only.some((w) => p.name.toLowerCase().includes(w))) : paths;

  // Warm-up of both (JIT, connection pools, SQLite's page cache).
  await drive(bareApi, 'bare warm-up', ids(FIRST_ID, USERS), 'hi', 2, bareDone(bareApi.stats.sent));
  await drive(api, 'Linli warm-up', ids(FIRST_ID, USERS), '/help', 2, linliDone(handled));

  // Each path twice, alternating Linli and bare, best of each: the ratio is less at the mercy of a noisy second.
  const rows = [];
  let next = FIRST_ID + USERS;
  for (const p of chosen) {
    const best = { linli: 0, bare: 0, calls: 0, linliCpu: Infinity, bareCpu: Infinity };
    for (let round = 0; round < 2; round++) {
      let senders = ids(FIRST_ID, USERS);
      let repeat = 2;
      if (p.prepare) {
        // a flow step moves the flow on: a resident of their own for every update
        senders = ids(next, PER_PATH);
        next += PER_PATH;
        if (next > FIRST_ID + everyone.length) next = FIRST_ID + USERS;
        await p.prepare(app, senders);
        repeat = 1;
      }
      const l = await drive(api, `Linli ${p.name}`, senders, p.text, repeat, linliDone(handled));
      best.calls = Math.max(1, Math.round(l.calls));
      shape.sends = best.calls;
      const b = await drive(bareApi, `bare ${p.name}`, senders, p.text, repeat, bareDone(bareApi.stats.sent));
      best.linli = Math.max(best.linli, l.perSec);
      best.bare = Math.max(best.bare, b.perSec);
      best.linliCpu = Math.min(best.linliCpu, l.cpuUs);
      best.bareCpu = Math.min(best.bareCpu, b.cpuUs);
    }
    const ratio = best.linli / best.bare;
    rows.push({
      path: p.name,
      updates: PER_PATH,
      replies_per_update: best.calls,
      linli_per_sec: Math.round(best.linli),
      bare_per_sec: Math.round(best.bare),
      vs_bare: Number(ratio.toFixed(2)),
      linli_cpu_us: Math.round(best.linliCpu),
      bare_cpu_us: Math.round(best.bareCpu),
      cpu_vs_bare: Number((best.bareCpu / best.linliCpu).toFixed(2)),
      pass: ratio >= 0.5,
    });
  }

  await bareRunner.stop();
  await bareApi.close();
  await app.stop();
  await api.close();
  // A subset is for profiling: printed, never written over the full run's results.
  if (only) return table('updates (chosen paths)', rows);
  report('updates', rows, {
    goal: 'full ≥ 0.5 × bare grammY on every path (the bare twin sends as many replies per update)',
    pass: rows.every((r) => r.pass),
    load_average_1_5_15_min: { before: loadBefore, after: loadavg().map((l) => Number(l.toFixed(2))) },
  });
}
