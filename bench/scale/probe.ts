// What the measured process watches about itself: every SQL statement it runs (timed at better-sqlite3's Statement,
// so Kysely, the stores and raw pragmas are all seen), the longest event-loop stall (a timer-drift probe), and RSS.
import { PerformanceObserver } from 'node:perf_hooks';
import Database from 'better-sqlite3';

export interface StatementStat {
  sql: string;
  n: number;
  totalMs: number;
  maxMs: number;
  /** The arguments of the slowest run, to EXPLAIN it with the same values. */
  args: unknown[];
}

/** Wraps run/get/all of every better-sqlite3 statement in this process (the bench process only, never src/). */
export function installSqlProfiler() {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
  probe.close();
  type Acc = { n: number; totalMs: number; maxMs: number; args: unknown[] };
  let byStatement = new Map<object, Acc>();
  for (const m of ['run', 'get', 'all'] as const) {
    const original = proto[m] as (...a: unknown[]) => unknown;
    proto[m] = function (this: object, ...args: unknown[]) {
      const t = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const ms = performance.now() - t;
        const acc = byStatement.get(this);
        if (!acc) byStatement.set(this, { n: 1, totalMs: ms, maxMs: ms, args });
        else {
          acc.n++;
          acc.totalMs += ms;
          if (ms > acc.maxMs) {
            acc.maxMs = ms;
            acc.args = args;
          }
        }
      }
    };
  }
  return {
    reset() {
      byStatement = new Map();
    },
    /** Statements since the last reset, by SQL text, most total time first. */
    take(limit = 5): { sqlMs: number; statements: number; longestMs: number; top: StatementStat[] } {
      const bySql = new Map<string, StatementStat>();
      let sqlMs = 0;
      let statements = 0;
      let longestMs = 0;
      for (const [stmt, a] of byStatement) {
        const sql = (stmt as { source: string }).source;
        sqlMs += a.totalMs;
        statements += a.n;
        longestMs = Math.max(longestMs, a.maxMs);
        const s = bySql.get(sql);
        if (!s) bySql.set(sql, { sql, ...a });
        else {
          s.n += a.n;
          s.totalMs += a.totalMs;
          if (a.maxMs > s.maxMs) {
            s.maxMs = a.maxMs;
            s.args = a.args;
          }
        }
      }
      const all = [...bySql.values()];
      const top = all.sort((a, b) => b.totalMs - a.totalMs).slice(0, limit);
      // the single slowest run too, if it was not among the costliest in total (a commit's fsync, say)
      const longest = all.reduce<StatementStat | undefined>((m, x) => (!m || x.maxMs > m.maxMs ? x : m), undefined);
      if (longest && !top.includes(longest)) top.push(longest);
      return { sqlMs, statements, longestMs, top };
    },
  };
}

/**
 * The longest time the event loop did not turn, to within `intervalMs`: a timer that should fire every few ms,
 * and the gap it finds. A stall still going on when asked (the timer has not fired since) counts too.
 */
export function stallProbe(intervalMs = 5) {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - intervalMs);
    last = now;
  }, intervalMs);
  timer.unref();
  return {
    reset() {
      last = performance.now();
      max = 0;
    },
    maxMs: () => Math.max(0, max, performance.now() - last - intervalMs),
    stop: () => clearInterval(timer),
  };
}

/** Peak RSS, sampled every 100 ms from now on: overall, and since the last time `sinceLast` was asked. */
export function rssProbe() {
  let peak = process.memoryUsage.rss();
  let window = peak;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    window = Math.max(window, rss);
  }, 100);
  timer.unref();
  return {
    peak: () => Math.max(peak, process.memoryUsage.rss()),
    sinceLast: () => {
      const rss = process.memoryUsage.rss();
      const w = Math.max(window, rss);
      window = rss;
      return w;
    },
    stop: () => clearInterval(timer),
  };
}

/** Garbage-collection pauses, as V8 reports them (shortly after the fact). */
export function gcProbe() {
  let max = 0;
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      max = Math.max(max, e.duration);
      total += e.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    reset() {
      max = 0;
      total = 0;
    },
    take: () => ({ gcMaxMs: max, gcMs: total }),
    stop: () => observer.disconnect(),
  };
}

/**
 * Counts `Intl.DateTimeFormat` objects created. Each costs ~65 µs and native (ICU) memory that V8 does not account
 * for, so code that makes one per call shows up here long before a profiler points at it.
 */
export function intlProbe(opts: { memoize?: boolean } = {}) {
  let made = 0;
  let ms = 0;
  // What-if (BENCH_MEMO_INTL=1): one formatter per locale and options, as a fix in src/ would keep them.
  const memo = new Map<string, Intl.DateTimeFormat>();
  const cached = (args: unknown[], make: () => Intl.DateTimeFormat) => {
    if (!opts.memoize) return make();
    const key = JSON.stringify(args);
    const known = memo.get(key);
    if (known) return known;
    const f = make();
    memo.set(key, f);
    return f;
  };
  const timed = <T>(f: () => T): T => {
    const t = performance.now();
    try {
      return f();
    } finally {
      made++;
      ms += performance.now() - t;
    }
  };
  const counting = new Proxy(Intl.DateTimeFormat, {
    construct: (target, args, newTarget) => timed(() => cached(args, () => Reflect.construct(target, args, newTarget))),
    apply: (target, self, args) => timed(() => cached(args, () => Reflect.apply(target, self, args))),
  });
  Object.defineProperty(Intl, 'DateTimeFormat', { value: counting, writable: true, configurable: true });
  return {
    reset() {
      made = 0;
      ms = 0;
    },
    take: () => ({ formatters: made, formattersMs: ms }),
  };
}
