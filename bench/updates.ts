// Update handling: the full Linli bot against a bare grammY bot, same fake Bot API, same run.
// Quality bar (DESIGN.md): the full bot handles at least half the updates per second of the bare one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { pino } from 'pino';
import { createApp } from '../src/app';
import { createConfig } from '../src/config';
import { FakeBotApi } from '../src/playground/fake-api';
import { report } from './report';

const USERS = 1000;
// Two messages per user per round: more would trip the per-user flood guard, which real residents never do.
const PER_USER = 2;

async function drive(api: FakeBotApi, label: string, text: string): Promise<number> {
  const users = Array.from({ length: USERS }, (_, i) =>
    api.user({ id: 10_000 + i, first_name: `U${i}`, language_code: 'zh-hans' }),
  );
  const before = api.stats.sent;
  const total = USERS * PER_USER;
  const t0 = performance.now();
  // Telegram marks a leading /command with a bot_command entity; without it grammY sees plain text.
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }]
    : undefined;
  for (let r = 0; r < PER_USER; r++)
    for (const u of users)
      api.addUpdate({
        message: {
          message_id: r + 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: u.id, type: 'private', first_name: 'x' },
          from: u.from,
          text,
          entities,
        },
      });
  while (api.stats.sent - before < total) {
    await new Promise((r) => setTimeout(r, 5));
    if (performance.now() - t0 > 120_000)
      throw new Error(`${label}: only ${api.stats.sent - before} of ${total} replies after 120 s`);
  }
  return total / ((performance.now() - t0) / 1000);
}

export async function main(): Promise<void> {
  const rows = [];
  // Bare grammY: one handler that replies.
  {
    const api = await FakeBotApi.start({ recordCalls: false });
    const bot = new Bot(api.token, { client: { apiRoot: api.apiRoot } });
    bot.on('message:text', (ctx) => ctx.reply('ok'));
    await bot.init();
    const handle = run(bot);
    await drive(api, 'warm-up', 'hi');
    const rate = await drive(api, 'bare', 'hi');
    await handle.stop();
    await api.close();
    rows.push({ bot: 'bare grammY (reply)', updates: USERS * PER_USER, per_sec: Math.round(rate) });
  }
  // Full Linli: every middleware, SQLite with synchronous=FULL, the FAQ or fallback answering free text.
  {
    const api = await FakeBotApi.start({ recordCalls: false });
    const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
    const config = createConfig({
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dir, 'b.db'),
      LOG_LEVEL: 'silent',
    });
    const app = await createApp(config, { log: pino({ level: 'silent' }), cron: false });
    await app.features.find((f) => f.name === 'residents')!.demo!();
    await app.start();
    await drive(api, 'warm-up', '/help');
    const help = await drive(api, 'full /help', '/help');
    const me = await drive(api, 'full /me', '/me');
    const question = await drive(api, 'full question', '请问磨刀在哪里');
    await app.stop();
    await api.close();
    rows.push({ bot: 'Linli full (/help)', updates: USERS * PER_USER, per_sec: Math.round(help) });
    rows.push({ bot: 'Linli full (/me, 3 queries)', updates: USERS * PER_USER, per_sec: Math.round(me) });
    rows.push({
      bot: 'Linli full (free-text question → FAQ)',
      updates: USERS * PER_USER,
      per_sec: Math.round(question),
    });
  }
  const bare = rows[0]!.per_sec;
  for (const r of rows) Object.assign(r, { vs_bare: Number((r.per_sec / bare).toFixed(2)) });
  report('updates', rows, { goal: 'full ≥ 0.5 × bare', pass: rows.slice(1).every((r) => r.per_sec / bare >= 0.5) });
}
