// What holds the bot's memory (issue 14 item 9): RSS split into V8's heap, memory outside it (Buffers, native
// allocations: SQLite's page cache, better-sqlite3, resvg), mapped files (code, ICU data) and threads, phase by phase —
// node and tsx alone, the code loaded, the app built on `--residents` residents (default 50,000; users rows only, not
// the scale bench's five years of history), after a warm-up of updates, and after a full garbage collection; each
// phase also by holder (bench/anatomy.ts: the node binary, malloc arenas, V8 heaps). Then what tsx costs: the same
// code loaded through tsx, built (npm run build) and bundled, each in a fresh process (bench/memory/loader.ts).
//
//   npm run bench -- memory [--residents=N] [--updates=N]
// Run it with npm start's flags to compare with production: node --max-semi-space-size=8 --import tsx bench/run.ts memory
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { anatomy } from './anatomy';
import { loaderRows } from './memory/loader';
import { type Row, report, table } from './report';

const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;

/** Linux only: anonymous memory (heaps, malloc arenas) against mapped files, and how many threads the process has. */
function procStatus(): { anon: number | null; files: number | null; threads: number | null } {
  try {
    const s = readFileSync('/proc/self/status', 'utf8');
    const n = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? Number.NaN);
    return { anon: n('RssAnon') * 1024, files: n('RssFile') * 1024, threads: n('Threads') };
  } catch {
    return { anon: null, files: null, threads: null };
  }
}

function snapshot(phase: string): Row {
  const m = process.memoryUsage();
  const p = procStatus();
  return {
    phase,
    rss_mb: mb(m.rss),
    heap_used_mb: mb(m.heapUsed),
    heap_total_mb: mb(m.heapTotal),
    external_mb: mb(m.external),
    array_buffers_mb: mb(m.arrayBuffers),
    anon_mb: p.anon === null ? null : mb(p.anon),
    files_mb: p.files === null ? null : mb(p.files),
    threads: p.threads,
  };
}

/** The same phase by holder. */
const holders = (phase: string): Row => ({ phase, ...anatomy() });

/** A full collection, so "after GC" is what is really held, not garbage not yet collected. */
function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export async function main(args: string[]): Promise<void> {
  const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const residents = Number(value('residents') ?? 50_000);
  const updates = Number(value('updates') ?? 4000);
  const rows: Row[] = [snapshot('node + tsx, nothing loaded')];
  const held: Row[] = [holders('node + tsx, nothing loaded')];
  const load = [loadavg()[0]!];

  const [{ createApp }, { createConfig }, { sqliteOf }, { FakeBotApi }, { pino }] = await Promise.all([
    import('../src/app'),
    import('../src/config'),
    import('../src/db/client'),
    import('../src/playground/fake-api'),
    import('pino'),
  ]);
  rows.push(snapshot('the code loaded (grammY, Kysely, i18next, every area)'));
  held.push(holders(rows.at(-1)!.phase as string));

  const api = await FakeBotApi.start({ recordCalls: false });
  const dir = mkdtempSync(join(tmpdir(), 'linli-memory-'));
  const config = createConfig({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: join(dir, 'm.db'),
    LOG_LEVEL: 'silent',
  });
  let handled = 0;
  const app = await createApp(config, { log: pino({ level: 'silent' }), cron: false, onUpdateDone: () => handled++ });
  for (const f of app.features) if (f.demo) await f.demo();
  const sqlite = sqliteOf(app.dbh);
  const place = sqlite.prepare('select id, community_id from compounds limit 1').get() as {
    id: number;
    community_id: number;
  };
  const add = sqlite.prepare(
    `insert into users (id, first_name, tg_language, community_id, compound_id, onboarded, created_at, seen_at)
     values (?, ?, 'zh-hans', ?, ?, 1, ?, ?)`,
  );
  const FIRST = 1_000_000;
  sqlite.transaction(() => {
    const at = new Date().toISOString();
    for (let i = 0; i < residents; i++) add.run(FIRST + i, `R${i}`, place.community_id, place.id, at, at);
  })();
  await app.start();
  rows.push(snapshot(`the app started on ${residents.toLocaleString('en')} residents`));
  held.push(holders(rows.at(-1)!.phase as string));

  const texts = ['/help', '/me', '请问磨刀在哪里', '/start'];
  const t0 = performance.now();
  for (let i = 0; i < updates; i++) {
    const id = FIRST + (i % residents);
    api.addUpdate({
      message: {
        message_id: i + 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id, type: 'private', first_name: 'x' },
        from: { id, is_bot: false, first_name: `R${id - FIRST}`, language_code: 'zh-hans' },
        text: texts[i % texts.length],
        entities: texts[i % texts.length]!.startsWith('/')
          ? [{ type: 'bot_command', offset: 0, length: 3 }]
          : undefined,
      },
    });
  }
  while (handled < updates) {
    await new Promise((r) => setTimeout(r, 5));
    if (performance.now() - t0 > 300_000) throw new Error('memory: the warm-up did not finish in 5 minutes');
  }
  // How fast the burst went: a heap flag that saves memory must not cost the bot its throughput unnoticed.
  const updatesPerS = Math.round(updates / ((performance.now() - t0) / 1000));
  rows.push({ ...snapshot(`after ${updates} updates from as many residents`), updates_per_s: updatesPerS });
  held.push(holders(rows.at(-1)!.phase as string));
  fullGc();
  rows.push(snapshot('after a full garbage collection'));
  held.push(holders(rows.at(-1)!.phase as string));

  // What SQLite may hold per connection: the page cache is bounded by cache_size; mmap maps the file on top of RSS.
  const pragma = (p: string) => Number(sqlite.pragma(p, { simple: true }));
  const pageSize = pragma('page_size');
  const cacheSize = pragma('cache_size');
  const cacheBytes = cacheSize < 0 ? -cacheSize * 1024 : cacheSize * pageSize;
  const sqliteFacts = {
    page_size: pageSize,
    cache_size: cacheSize,
    page_cache_limit_mb_per_connection: mb(cacheBytes),
    mmap_size: pragma('mmap_size'),
    connections: 'the bot (main thread) and, once a heavy read runs, one read-only connection on its worker thread',
  };

  await app.stop();
  await api.close();
  table('memory: what holds it (MB; other_anon = V8 heaps of every isolate, stacks, large buffers)', held);
  const loaders = await loaderRows();
  table('memory: the code loaded through tsx, built and bundled (fresh processes, medians of 5 each)', loaders);
  load.push(loadavg()[0]!);
  console.log(`load average (1 min) before and after: ${load.map((l) => l.toFixed(2)).join(' → ')}`);
  report('memory', rows, {
    residents,
    updates,
    execArgv: process.execArgv,
    sqlite: sqliteFacts,
    holders: held,
    loaders,
    loadavg: load,
  });
}
