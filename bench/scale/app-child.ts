// The measured process of `npm run bench -- scale`: the real app (createApp, as main.ts builds it) on the generated
// database, polling the parent's fake Bot API, with the node flags of `npm start`. The parent times every update from
// sending it to the reply arriving; this process reports what only it can see — event-loop stalls, its memory, the
// SQL each window ran — and runs the scheduled jobs on request.

import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { createApp } from '../../src/app';
import { stopChartThread } from '../../src/charts';
import { createConfig } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import type { JobSpec } from '../../src/core/jobs';
import { sqliteOf } from '../../src/db/client';
import { maintenanceJob } from '../../src/maintenance';
import { stuckDeliveriesJob } from '../../src/outbox/alerts';
import { anatomy } from '../anatomy';
import { simulateMonth } from './month';
import { gcProbe, installSqlProfiler, intlProbe, rssProbe, stallProbe } from './probe';
import type { FromChild, JobRun, ToChild } from './protocol';
import { ANCHOR_MS } from './world';

const send = (m: FromChild) => process.send!(m);
const sql = installSqlProfiler();
const stall = stallProbe();
const gc = gcProbe();
const memoIntl = process.env.BENCH_MEMO_INTL === '1';
const intl = intlProbe({ memoize: memoIntl });
/** GC entries and the stall timer are reported on the next turns of the loop: let them arrive. */
const turn = () => new Promise((r) => setTimeout(r, 1));
const env = process.env;
const config = createConfig({
  BOT_TOKEN: env.BOT_TOKEN,
  TELEGRAM_API_ROOT: env.TELEGRAM_API_ROOT,
  DATABASE_PATH: env.DATABASE_PATH,
  LOG_LEVEL: 'error',
  // The benchmark sends one update at a time but faster than a person; the guard still runs, it never trips.
  FLOOD_LIMIT: '100000',
  // The staff console listens beside the bot: on any free port, so a bot or a test on this machine never collides.
  CONSOLE_PORT: '0',
});
// The generated history ends at ANCHOR: the app's clock starts there and runs on in real time.
const clock = new ManualClock();
clock.advance(ANCHOR_MS - Date.now());
const log = pino({ level: env.BENCH_LOG ?? 'error' }, pino.destination(2));
const t0 = performance.now();
const app = await createApp(config, {
  clock,
  log,
  cron: false,
  onUpdateDone: (id) => send({ t: 'done', id }),
});
const openMs = performance.now() - t0;
await app.start();
const rss = rssProbe();
// Quiet by default: the delivery worker (and the broadcast it was sending at ANCHOR) waits, so every figure is the
// action's or the job's own. BENCH_BUSY=1 (--busy) leaves it sending throughout, as in production.
const busy = env.BENCH_BUSY === '1';
if (!busy) await app.worker.stop();

/** Exactly what the scheduler runs (its list is private: read it, or build the same list as app.ts does). */
function jobs(): JobSpec[] {
  const listed = (app.scheduler as unknown as { jobs?: JobSpec[] }).jobs;
  if (Array.isArray(listed)) return listed;
  return [
    ...app.features.flatMap((f) => f.jobs ?? []),
    stuckDeliveriesJob(app.platform),
    maintenanceJob({ dbh: app.dbh, outbox: app.platform.outbox, config, log }),
  ];
}

const maxId = (table: string) =>
  (sqliteOf(app.dbh).prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n;
const counters = () => ({
  deliveries: maxId('deliveries'),
  contents: maxId('delivery_contents'),
  audit: maxId('audit_log'),
});
/** Linux: how much of RSS is anonymous memory (heaps, malloc) and how much mapped files (code, ICU data). */
function rssKinds(): { rssAnon?: number; rssFile?: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rssAnon: kb('RssAnon'), rssFile: kb('RssFile') };
  } catch {
    return {};
  }
}
const settle = () => new Promise((r) => setTimeout(r, 15));

async function runJobs(runs: number, only?: string): Promise<JobRun[]> {
  const out: JobRun[] = [];
  for (const job of jobs()) {
    if (only && !new RegExp(only).test(job.name)) continue;
    for (let i = 1; i <= runs; i++) {
      const before = counters();
      await settle();
      const rssBefore = process.memoryUsage.rss();
      sql.reset();
      stall.reset();
      gc.reset();
      intl.reset();
      const t = performance.now();
      let error: string | null = null;
      try {
        await job.run(clock.now());
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const ms = performance.now() - t;
      await turn();
      const stallMs = stall.maxMs();
      const s = sql.take(3);
      const after = counters();
      out.push({
        name: job.name,
        cron: job.cron,
        run: i,
        ms,
        stallMs,
        sqlMs: s.sqlMs,
        statements: s.statements,
        longestSqlMs: s.longestMs,
        ...gc.take(),
        ...intl.take(),
        top: s.top,
        rssBefore,
        rssAfter: process.memoryUsage.rss(),
        deliveries: after.deliveries - before.deliveries,
        contents: after.contents - before.contents,
        audit: after.audit - before.audit,
        error,
      });
    }
  }
  return out;
}

process.on('message', async (m: ToChild) => {
  switch (m.t) {
    case 'begin':
      sql.reset();
      stall.reset();
      gc.reset();
      intl.reset();
      return send({ t: 'begun' });
    case 'end': {
      await turn();
      const s = sql.take(3);
      return send({
        t: 'ended',
        stallMs: stall.maxMs(),
        sqlMs: s.sqlMs,
        statements: s.statements,
        longestSqlMs: s.longestMs,
        ...gc.take(),
        ...intl.take(),
        top: s.top,
      });
    }
    case 'jobs':
      return send({ t: 'jobs', runs: await runJobs(m.runs, m.only) });
    case 'memory': {
      await settle();
      // Diagnostic runs only (CHILD_NODE_FLAGS=--expose-gc): what is left once everything collectable is collected.
      const forced = typeof globalThis.gc === 'function';
      if (forced) globalThis.gc!();
      const mem = process.memoryUsage();
      return send({
        t: 'memory',
        rss: mem.rss,
        heapTotal: mem.heapTotal,
        heapUsed: mem.heapUsed,
        external: mem.external,
        peakRss: rss.peak(),
        peakSinceLast: rss.sinceLast(),
        forcedGc: forced,
        ...rssKinds(),
        anatomy: anatomy(),
      });
    }
    case 'end-threads': {
      // Each starts again on its next use; the spreadsheet thread has no stop of its own (the bench uses none).
      await stopChartThread();
      await app.dbh.reads.close();
      await settle();
      return send({ t: 'threads-ended' });
    }
    case 'rss':
      return send({ t: 'rss', rss: process.memoryUsage.rss(), peak: rss.peak() });
    case 'explain': {
      const plans = m.items.map(({ sql: text, args }) => {
        try {
          const rows = sqliteOf(app.dbh)
            .prepare(`explain query plan ${text}`)
            .all(...args) as {
            id: number;
            parent: number;
            detail: string;
          }[];
          const depth = new Map<number, number>();
          return rows.map((r) => {
            const d = r.parent === 0 ? 0 : (depth.get(r.parent) ?? 0) + 1;
            depth.set(r.id, d);
            return `${'  '.repeat(d)}${r.detail}`;
          });
        } catch (err) {
          return [`(no plan: ${err instanceof Error ? err.message : String(err)})`];
        }
      });
      return send({ t: 'plans', plans });
    }
    case 'month': {
      const result = await simulateMonth({
        app,
        clock,
        jobs: jobs(),
        stall,
        path: config.DATABASE_PATH,
        days: m.days,
        timezone: config.TIMEZONE,
        ratePerSec: config.DELIVERY_RATE_PER_SEC,
      });
      return send({ t: 'month', result });
    }
    case 'stop': {
      await app.stop();
      send({ t: 'stopped', peakRss: rss.peak(), maxRss: process.resourceUsage().maxRSS * 1024 });
      rss.stop();
      stall.stop();
      gc.stop();
      setTimeout(() => process.exit(0), 50);
      return;
    }
  }
});
send({
  t: 'ready',
  openMs,
  busy,
  memoIntl,
  rss: process.memoryUsage.rss(),
  jobs: jobs().map((j) => ({ name: j.name, cron: j.cron })),
});
