// Broadcast delivery: sustained rate against a rate-limited fake Bot API, raw worker speed, and kill-and-resume.
// npm run bench -- broadcast [--n=100000] [--kill-n=20000]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { deliveryCounts, insertMessages as enqueue, type OutMessage } from '../src/outbox/service';
import { FakeBotApi } from '../src/playground/fake-api';
import { type Row, report } from './report';

const arg = (name: string, dflt: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);

async function prepare(n: number): Promise<{ path: string; enqueueMs: number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'linli-bcast-')), 'b.db');
  const h = openDatabase(path);
  await migrateToLatest(h.db);
  const now = new Date();
  const at = now.toISOString();
  await h.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i += 500) {
      const rows = Array.from({ length: Math.min(500, n - i) }, (_, k) => ({
        id: 1_000_000 + i + k,
        first_name: `R${i + k}`,
        tg_language: (i + k) % 3 ? 'zh-hans' : 'en',
        created_at: at,
        seen_at: at,
      }));
      await trx.insertInto('users').values(rows).execute();
    }
  });
  const t0 = performance.now();
  await h.db.transaction().execute(async (trx) => {
    const msgs: OutMessage[] = Array.from({ length: n }, (_, i) => ({
      dedupeKey: `bench:1:${1_000_000 + i}`,
      chatId: 1_000_000 + i,
      userId: 1_000_000 + i,
      category: 'notice',
      broadcastId: 1,
      content: { key: 'common.help', params: { commands: '/start — 开始' } },
    }));
    await enqueue(trx, msgs, now);
  });
  const enqueueMs = performance.now() - t0;
  await h.close();
  return { path, enqueueMs };
}

interface ChildResult {
  elapsedMs: number;
  maxRssMb: number;
  stats: Record<string, number>;
}

/**
 * The worker runs with the same Node flags as `npm start` (a smaller young generation keeps RSS under 200 MB
 * at no cost in speed, measured), unless CHILD_NODE_FLAGS says otherwise.
 */
const START_FLAGS = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).scripts.start as string
)
  .split(' ')
  .filter((a) => a.startsWith('--max-'));
const childFlags = () =>
  process.env.CHILD_NODE_FLAGS !== undefined ? process.env.CHILD_NODE_FLAGS.split(' ').filter(Boolean) : START_FLAGS;

function startWorker(
  api: FakeBotApi,
  path: string,
  rate: number,
): { child: ChildProcess; done: Promise<ChildResult | null> } {
  const child = spawn(
    process.execPath,
    [...childFlags(), '--import', 'tsx', join(import.meta.dirname, 'delivery-child.ts')],
    {
      env: {
        ...process.env,
        BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.apiRoot,
        DATABASE_PATH: path,
        DELIVERY_RATE_PER_SEC: String(rate),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const done = new Promise<ChildResult | null>((resolve) =>
    child.on('exit', (code) =>
      resolve(code === 0 ? (JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult) : null),
    ),
  );
  return { child, done };
}

/** Times of successful sends seen by the fake API, for the achieved rate. */
function watch(api: FakeBotApi) {
  const w = { first: 0, last: 0, ok: 0 };
  const perSec = new Map<number, [number, number]>();
  if (process.env.BENCH_TRACE)
    setInterval(() => {
      const k = Math.floor(Date.now() / 1000) - 1;
      const v = perSec.get(k);
      if (v) console.error('sec', k % 1000, 'ok', v[0], '429', v[1]);
    }, 1000).unref();
  api.on('call', (c: { method: string; ok: boolean; at: number; error?: { error_code: number } }) => {
    if (process.env.BENCH_TRACE) {
      const k = Math.floor(c.at / 1000);
      const v = perSec.get(k) ?? [0, 0];
      if (c.ok) v[0]++;
      else if (c.error?.error_code === 429) v[1]++;
      perSec.set(k, v);
    }
    if (c.method !== 'sendMessage' || !c.ok) return;
    w.ok++;
    w.first ||= c.at;
    w.last = c.at;
  });
  return w;
}

const duplicates = (api: FakeBotApi) =>
  [...api.chats.sendsPerChat.values()].reduce((s, v) => s + Math.max(0, v - 1), 0);

async function sustained(n: number, limit: number): Promise<Row> {
  const { path, enqueueMs } = await prepare(n);
  const api = await FakeBotApi.start({ rateLimitPerSec: limit, recordCalls: false });
  const w = watch(api);
  const r = await startWorker(api, path, limit).done;
  const achieved = (w.ok - 1) / ((w.last - w.first) / 1000);
  const row = {
    scenario: `rate-limited ${limit}/s`,
    recipients: n,
    delivered: api.chats.sendsPerChat.size,
    duplicates: duplicates(api),
    achieved_per_s: Math.round(achieved),
    ratio: Number((achieved / limit).toFixed(3)),
    http_429: api.stats.errors429,
    peak_rss_mb: Math.round(r?.maxRssMb ?? -1),
    enqueue_ms: Math.round(enqueueMs),
  };
  await api.close();
  return row;
}

async function unthrottled(n: number): Promise<Row> {
  const { path } = await prepare(n);
  const api = await FakeBotApi.start({ recordCalls: false });
  const w = watch(api);
  const r = await startWorker(api, path, 100_000).done;
  const row = {
    scenario: 'unthrottled',
    recipients: n,
    delivered: api.chats.sendsPerChat.size,
    duplicates: duplicates(api),
    achieved_per_s: Math.round((w.ok - 1) / ((w.last - w.first) / 1000)),
    peak_rss_mb: Math.round(r?.maxRssMb ?? -1),
  };
  await api.close();
  return row;
}

async function killAndResume(n: number, limit: number): Promise<Row> {
  const { path } = await prepare(n);
  const api = await FakeBotApi.start({ rateLimitPerSec: limit, recordCalls: false });
  const w = watch(api);
  const first = startWorker(api, path, limit);
  while (w.ok < n / 2) await new Promise((r) => setTimeout(r, 5));
  first.child.kill('SIGKILL');
  await first.done;
  const sentAtKill = w.ok;
  const h = openDatabase(path);
  const atKill = await deliveryCounts(h.db);
  await h.close();
  await startWorker(api, path, limit).done;
  const h2 = openDatabase(path);
  const end = await deliveryCounts(h2.db);
  await h2.close();
  const row = {
    scenario: `SIGKILL at ~50%, restart (${limit}/s)`,
    recipients: n,
    delivered: api.chats.sendsPerChat.size,
    duplicates: duplicates(api),
    sent_before_kill: sentAtKill,
    in_flight_at_kill: atKill.sending,
    not_final: end.queued + end.sending,
  };
  await api.close();
  return row;
}

export async function main(): Promise<void> {
  const n = arg('n', 100_000);
  const rows: Row[] = [];
  rows.push(await sustained(n, arg('limit', 1000)));
  console.log(rows.at(-1));
  rows.push(await unthrottled(arg('fast-n', 50_000)));
  console.log(rows.at(-1));
  rows.push(await killAndResume(arg('kill-n', 20_000), 1000));
  report('broadcast', rows, {
    goals: {
      ratio: '>= 0.95',
      duplicates_rate_limited: 0,
      peak_rss_mb: '< 200',
      unthrottled_per_s: '>= 5000',
      kill: 'delivered = recipients, duplicates <= in_flight_at_kill, not_final = 0',
    },
  });
}
