// The month phase of `npm run bench -- scale --month` (runs in the app's process): the clock moves a minute at a
// time through 30 days; every scheduled job runs when its cron expression matches that minute (those with seconds
// once a minute), the traffic of the moment goes through the services, and what is due in the outbox is delivered
// — claimed and recorded as sent by the calls the delivery worker makes, at its configured rate, without Telegram.
// Before and after: the file's bytes, and the bytes of the month's rows it holds (month-storage.ts).
import { createTask } from 'node-cron';
import type { App } from '../../src/app';
import type { ManualClock } from '../../src/core/clock';
import type { JobSpec } from '../../src/core/jobs';
import { sqliteOf } from '../../src/db/client';
import { fileBytes, freePages, marks, newData, type TableGrowth, tableBytes } from './month-storage';
import { schedule, traffic } from './month-traffic';
import type { stallProbe } from './probe';
import { DAY_MS } from './world';

const MINUTE = 60_000;

export interface MonthTiming {
  name: string;
  runs: number;
  total_ms: number;
  max_ms: number;
  stall_max_ms: number;
}

export interface MonthResult {
  days: number;
  from: string;
  to: string;
  seconds: number;
  fileBefore: number;
  fileAfter: number;
  newDataBytes: number;
  /** The month's rows' column values alone: a lower bound of the new data. */
  newPayloadBytes: number;
  freePagesBefore: number;
  freePagesAfter: number;
  pageSize: number;
  walBusy: boolean;
  tables: TableGrowth[];
  traffic: Record<string, { done: number; refused: number }>;
  delivered: number;
  timings: MonthTiming[];
  /** The broadcasts to everyone: the confirm (one transaction) and the batches the expansion job made after it. */
  everyone: {
    recipients: number;
    confirmMs: number;
    confirmStallMs: number;
    expandRuns: number;
    expandStallMs: number;
  }[];
}

export async function simulateMonth(deps: {
  app: App;
  clock: ManualClock;
  jobs: JobSpec[];
  stall: ReturnType<typeof stallProbe>;
  path: string;
  days: number;
  timezone: string;
  ratePerSec: number;
}): Promise<MonthResult> {
  const { app, clock, jobs, stall, path, days } = deps;
  const db = sqliteOf(app.dbh);
  const t0 = performance.now();
  // On a whole minute: cron expressions match at second 0.
  const start = Math.ceil(clock.now().getTime() / MINUTE) * MINUTE;
  const before = fileBytes(db, path);
  const freeBefore = freePages(db);
  const mark = marks(db);
  const bytesBefore = tableBytes(db);

  const timings = new Map<string, MonthTiming>();
  /** Runs `fn`, timing it and the longest the event loop did not turn meanwhile. */
  async function timed<T>(name: string, fn: () => Promise<T>): Promise<{ value: T; ms: number; stallMs: number }> {
    stall.reset();
    const t = performance.now();
    const value = await fn();
    const ms = performance.now() - t;
    const stallMs = stall.maxMs();
    const x = timings.get(name) ?? { name, runs: 0, total_ms: 0, max_ms: 0, stall_max_ms: 0 };
    x.runs++;
    x.total_ms += ms;
    x.max_ms = Math.max(x.max_ms, ms);
    x.stall_max_ms = Math.max(x.stall_max_ms, stallMs);
    timings.set(name, x);
    return { value, ms, stallMs };
  }

  const tasks = jobs.map((job) => ({
    job,
    // Not started: only its matcher is used, in the deployment's time zone as the scheduler would.
    task: createTask(job.cron, () => {}, { timezone: deps.timezone, name: `month:${job.name}` }),
  }));
  const events = schedule(start, days);
  const people = traffic(app, db, deps.timezone);
  const counts: MonthResult['traffic'] = {};
  const everyone: MonthResult['everyone'] = [];
  let expanding: MonthResult['everyone'][number] | undefined;
  let delivered = 0;
  let next = 0;
  const perMinute = deps.ratePerSec * 60;

  for (let at = start; at < start + days * DAY_MS; at += MINUTE) {
    clock.set(new Date(at));
    const now = clock.now();
    for (; next < events.length && events[next]!.at <= at; next++) {
      const e = events[next]!;
      const r = await timed(e.kind, () => people.run(e, now));
      counts[e.kind] ??= { done: 0, refused: 0 };
      counts[e.kind]![r.value]++;
      if (e.kind === 'broadcast to everyone' && r.value === 'done') {
        const b = db.prepare('select recipients from notice_broadcasts order by id desc limit 1').get() as {
          recipients: number;
        };
        expanding = {
          recipients: b.recipients,
          confirmMs: r.ms,
          confirmStallMs: r.stallMs,
          expandRuns: 0,
          expandStallMs: 0,
        };
        everyone.push(expanding);
      }
    }
    // Seconds are 0: a job every two seconds runs once a minute here, catching up as it would after a busy minute.
    for (const { job, task } of tasks) {
      if (!task.match(now)) continue;
      const r = await timed(job.name, () => job.run(now));
      if (job.name === 'notices.expand' && expanding) {
        expanding.expandRuns++;
        expanding.expandStallMs = Math.max(expanding.expandStallMs, r.stallMs);
        const left = db.prepare('select count(*) as n from notice_broadcasts where expanded_at is null').get() as {
          n: number;
        };
        if (left.n === 0) expanding = undefined;
      }
    }
    // The delivery worker's minute: what is due, up to its rate, sent.
    const claimed = await app.platform.outbox.claimDue(now, perMinute);
    if (claimed.length) {
      await app.platform.outbox.recordOutcomes(
        claimed.map((d, i) => ({ kind: 'sent' as const, id: d.id, messageId: 1_000_000 + delivered + i })),
        now,
      );
      delivered += claimed.length;
    }
    await new Promise((r) => setImmediate(r));
  }
  for (const { task } of tasks) await task.destroy();

  const { rows, newBytes, newPayload } = newData(db, mark, bytesBefore);
  const after = fileBytes(db, path);
  return {
    days,
    from: new Date(start).toISOString(),
    to: clock.now().toISOString(),
    seconds: Math.round((performance.now() - t0) / 1000),
    fileBefore: before.bytes,
    fileAfter: after.bytes,
    newDataBytes: Math.round(newBytes),
    newPayloadBytes: newPayload,
    freePagesBefore: freeBefore,
    freePagesAfter: freePages(db),
    pageSize: db.pragma('page_size', { simple: true }) as number,
    walBusy: before.walBusy || after.walBusy,
    tables: rows,
    traffic: counts,
    delivered,
    timings: [...timings.values()].sort((a, b) => b.stall_max_ms - a.stall_max_ms),
    everyone,
  };
}
