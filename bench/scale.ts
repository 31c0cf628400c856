// Linli at scale: 50,000 residents and five years of history (bench/scale/generate.ts, cached under bench/.cache),
// the real app on it (a child process with npm start's node flags, polling this process's fake Bot API), and:
//   - every scheduled job run ten times: run time, longest event-loop stall, rows it queued, the costliest statement;
//   - every common resident, staff and deputy action: p50/p99 from update sent to reply received, the longest stall,
//     the SQL behind it; RSS after warm-up and at peak;
//   - for whatever is over the bars (100 ms p99, 50 ms stall), the query plan of the statement that cost the most;
//   - with --month[=days]: a month (30 days) of traffic and every job on its schedule on a moved clock, the nightly
//     maintenance included, and the file's growth against the new data it holds (bench/scale/month.ts).
//
//   npm run bench -- scale [--rebuild] [--budget=<s per action>] [--runs=<job runs>] [--only=<regex>] [--no-jobs]
//                          [--no-actions] [--busy] [--keep] [--month[=days]]
import { fork, spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FakeBotApi } from '../src/playground/fake-api';
import { childOf } from './built';
import { type Row, report, table } from './report';
import { fixtures, scenarios } from './scale/actions';
import { ChildLink, Driver, type StepSample } from './scale/driver';
import { type BuildFacts, cacheKey } from './scale/generate';
import { printMonth } from './scale/month-report';
import type { StatementStat } from './scale/probe';
import type { FromChild, JobRun } from './scale/protocol';

const BARS = { p99Ms: 100, stallMs: 50, jobStallMs: 50 };

function options(args: string[]) {
  const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return {
    rebuild: args.includes('--rebuild'),
    budgetMs: Number(value('budget') ?? 4) * 1000,
    runs: Number(value('runs') ?? 10),
    only: value('only'),
    jobs: !args.includes('--no-jobs'),
    actions: !args.includes('--no-actions'),
    keep: args.includes('--keep'),
    busy: args.includes('--busy'),
    // the app from the sources through tsx (as npm run dev runs it) instead of built (as npm start runs it)
    tsx: args.includes('--tsx'),
    month: args.includes('--month') ? 30 : value('month') ? Number(value('month')) : 0,
  };
}

function generate(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'scale', 'generate.ts'), file],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the generator exited with ${code}`))));
  });
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
const round = (ms: number) => (ms >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10);
/** Nearest rank: of fewer than 100 samples, p99 is their maximum. */
function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;
}
const oneLine = (sql: string, max = 160) => {
  const s = sql.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** A statement for the JSON: its text cut short (a 500-row insert is 30 KB), without its arguments. */
const brief = (s: StatementStat | undefined) =>
  s && { sql: oneLine(s.sql, 500), n: s.n, totalMs: s.totalMs, maxMs: s.maxMs };

/** The statements of many samples together, by SQL: most total time first. */
function merge(lists: StatementStat[][]): StatementStat[] {
  const by = new Map<string, StatementStat>();
  for (const list of lists)
    for (const s of list) {
      const m = by.get(s.sql);
      if (!m) by.set(s.sql, { ...s });
      else {
        m.n += s.n;
        m.totalMs += s.totalMs;
        if (s.maxMs > m.maxMs) {
          m.maxMs = s.maxMs;
          m.args = s.args;
        }
      }
    }
  return [...by.values()].sort((a, b) => b.totalMs - a.totalMs);
}

/** Intl.DateTimeFormat objects made, and the ms making them took: '660 (43 ms)'. */
const intl = (n: number, ms: number) => (n ? `${n} (${Math.round(ms)} ms)` : '0');
/** The statement with the slowest single run of all. */
const slowest = (lists: StatementStat[][]) =>
  merge(lists).reduce<StatementStat | undefined>((m, x) => (!m || x.maxMs > m.maxMs ? x : m), undefined);
/** Where a sample's time went, as far as the probes see it. */
const spent = (sqlMs: number, statements: number, intlMs: number, formatters: number) =>
  `${round(sqlMs)} ms in ${statements} SQL statements` +
  (formatters ? `, ${round(intlMs)} ms creating ${formatters} Intl.DateTimeFormat` : '');
const p50 = (xs: number[]) =>
  pct(
    [...xs].sort((a, b) => a - b),
    50,
  );
const most = (xs: number[]) => Math.max(0, ...xs);

function actionRow(name: string, samples: StepSample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const p99 = pct(ms, 99);
  const stall = most(samples.map((s) => s.stallMs));
  return {
    row: {
      action: name,
      n: samples.length,
      p50_ms: round(pct(ms, 50)),
      p99_ms: round(p99),
      max_ms: round(ms.at(-1)!),
      first_reply_p50: round(p50(samples.map((s) => s.firstMs))),
      stall_max_ms: round(stall),
      longest_sql_ms: round(most(samples.map((s) => s.longestSqlMs))),
      gc_max_ms: round(most(samples.map((s) => s.gcMaxMs))),
      sql_p50_ms: round(p50(samples.map((s) => s.sqlMs))),
      stmts_p50: p50(samples.map((s) => s.statements)),
      intl_p50: intl(p50(samples.map((s) => s.formatters)), p50(samples.map((s) => s.formattersMs))),
      over: [p99 > BARS.p99Ms ? 'p99' : '', stall > BARS.stallMs ? 'stall' : ''].filter(Boolean).join('+'),
    } satisfies Row,
    top: merge(samples.map((s) => s.top))[0],
    longest: slowest(samples.map((s) => s.top)),
    where:
      `p50 ${round(pct(ms, 50))} ms, p99 ${round(p99)} ms, longest stall ${round(stall)} ms; a median sample spends ` +
      spent(
        p50(samples.map((s) => s.sqlMs)),
        p50(samples.map((s) => s.statements)),
        p50(samples.map((s) => s.formattersMs)),
        p50(samples.map((s) => s.formatters)),
      ),
    worst: Math.max(p99, stall),
    over: p99 > BARS.p99Ms || stall > BARS.stallMs,
  };
}

function jobRows(runs: JobRun[]) {
  const names = [...new Set(runs.map((r) => r.name))];
  return names.map((name) => {
    const all = runs.filter((r) => r.name === name);
    const first = all[0]!;
    const rest = all.slice(1);
    const later = rest.map((r) => r.ms).sort((a, b) => a - b);
    const stall = most(all.map((r) => r.stallMs));
    /** run 1 / the later runs (their median, or their sum for rows added). */
    const pair = (f: (r: JobRun) => number, sum = false) =>
      `${f(first)}/${rest.length ? (sum ? rest.reduce((n, r) => n + f(r), 0) : p50(rest.map(f))) : '-'}`;
    const errors = [...new Set(all.flatMap((r) => (r.error ? [r.error] : [])))];
    return {
      row: {
        job: name,
        runs: all.length,
        run1_ms: round(first.ms),
        later_p50_ms: rest.length ? round(pct(later, 50)) : null,
        later_max_ms: rest.length ? round(later.at(-1)!) : null,
        stall_max_ms: round(stall),
        longest_sql_ms: round(most(all.map((r) => r.longestSqlMs))),
        gc_max_ms: round(most(all.map((r) => r.gcMaxMs))),
        stmts: pair((r) => r.statements),
        intl: `${intl(first.formatters, first.formattersMs)}/${rest.length ? intl(p50(rest.map((r) => r.formatters)), p50(rest.map((r) => r.formattersMs))) : '-'}`,
        rows_queued: pair((r) => r.deliveries, true),
        contents: pair((r) => r.contents, true),
        rss_growth_mb: mb(all.at(-1)!.rssAfter - first.rssBefore),
        over: stall > BARS.jobStallMs ? 'stall' : '',
        error: errors.join('; ').slice(0, 80),
      } satisfies Row,
      top: merge(all.map((r) => r.top))[0],
      longest: slowest(all.map((r) => r.top)),
      where:
        `run 1 ${round(first.ms)} ms (${spent(first.sqlMs, first.statements, first.formattersMs, first.formatters)}), ` +
        (rest.length
          ? `later runs p50 ${round(pct(later, 50))} ms (${spent(p50(rest.map((r) => r.sqlMs)), p50(rest.map((r) => r.statements)), p50(rest.map((r) => r.formattersMs)), p50(rest.map((r) => r.formatters)))}), `
          : '') +
        `longest stall ${round(stall)} ms`,
      worst: Math.max(stall, first.ms, ...later),
      over: stall > BARS.jobStallMs,
    };
  });
}

export async function main(args: string[]): Promise<void> {
  const opt = options(args);
  const t0 = performance.now();
  const phase: Record<string, number> = {};
  const mark = (name: string, since: number) => (phase[name] = Math.round((performance.now() - since) / 100) / 10);

  // ---- the database: built once per generator version and set of migrations, then copied for each run
  const cacheDir = join(import.meta.dirname, '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const cached = join(cacheDir, `${cacheKey()}.db`);
  if (opt.rebuild || !existsSync(cached)) {
    console.error(`scale: generating ${cached} …`);
    const t = performance.now();
    await generate(cached);
    mark('build_s', t);
  }
  const facts = JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as BuildFacts;
  const dir = mkdtempSync(join(tmpdir(), 'linli-scale-'));
  const work = join(dir, 'scale.db');
  let t = performance.now();
  copyFileSync(cached, work);
  // Written back before anything is timed: the kernel flushing 300 MB of the copy would slow every fsync meanwhile.
  const fd = openSync(work, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  mark('copy_s', t);
  const fx = fixtures(work);

  // ---- fake Telegram here; the app in its own process, started as npm start starts it
  const api = await FakeBotApi.start({ recordCalls: true });
  // built before the clock starts: the start time is the process's, as a service manager's restart sees it
  const form = childOf('scale/app-child', opt.tsx ? 'tsx' : 'built');
  t = performance.now();
  const child = fork(form.file, [], {
    execArgv: form.execArgv,
    env: {
      ...process.env,
      BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: work,
      BENCH_BUSY: opt.busy ? '1' : '0',
    },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const link = new ChildLink(child);
  const ready = await link.next('ready');
  mark('app_start_s', t);
  // the process started → its code loaded → the app built on the database and polling: what a restart costs
  const startMs = Math.round(performance.now() - t);
  const load = [loadavg()[0]!];

  const failures: Row[] = [];
  /** RSS growth over each action's samples (before the first, after the last). */
  const growth: { action: string; rss_growth_mb: number; new_peak_mb: number | null }[] = [];
  let jobRuns: JobRun[] = [];
  const d = new Driver(api, link);
  type Memory = Extract<FromChild, { t: 'memory' }>;
  const memory: { phase: string; m: Memory }[] = [];
  const measure = async (phase: string) => {
    const m = await link.request({ t: 'memory' }, 'memory');
    memory.push({ phase, m });
    return m;
  };
  let stopped: { peakRss: number; maxRss: number } | undefined;
  const plans = new Map<string, string[]>();
  try {
    await measure('opening the database and starting (before any update)');
    // ---- every scheduled job, ten times, on the untouched database
    if (opt.jobs) {
      t = performance.now();
      console.error(`scale: running ${ready.jobs.length} jobs ${opt.runs} times each …`);
      jobRuns = (await link.request({ t: 'jobs', runs: opt.runs, only: opt.only }, 'jobs')).runs;
      mark('jobs_s', t);
      await measure(`the jobs, ${opt.runs} runs each`);
    }

    // ---- the actions: a warm-up round of each, then samples within the time budget
    if (opt.actions) {
      t = performance.now();
      const list = scenarios(api, fx).filter((s) => !opt.only || new RegExp(opt.only).test(s.name));
      const broken = new Set<string>();
      console.error(`scale: warming up ${list.length} actions …`);
      for (const s of list)
        for (let i = 0; i < (s.warmup ?? 2) && !broken.has(s.name); i++)
          await s.run(d, i).catch((err: Error) => {
            broken.add(s.name);
            failures.push({ action: s.name, when: 'warm-up', error: err.message.slice(0, 200) });
          });
      await measure('warm-up (every action once or twice)');
      d.measuring = true;
      console.error('scale: measuring …');
      for (const s of list) {
        if (broken.has(s.name)) continue;
        const before = await link.request({ t: 'rss' }, 'rss');
        const start = performance.now();
        const min = s.min ?? 5;
        const max = s.max ?? 150;
        for (let i = 0; i < max && (i < min || performance.now() - start < (s.budgetMs ?? opt.budgetMs)); i++) {
          try {
            await s.run(d, i);
          } catch (err) {
            failures.push({ action: s.name, when: `sample ${i + 1}`, error: (err as Error).message.slice(0, 200) });
            break;
          }
        }
        const after = await link.request({ t: 'rss' }, 'rss');
        growth.push({
          action: s.name,
          rss_growth_mb: mb(after.rss - before.rss),
          new_peak_mb: after.peak > before.peak ? mb(after.peak) : null,
        });
      }
      await measure('measuring every action');
      mark('actions_s', t);
      // What the on-demand threads (chart drawing, heavy reads) held, by the memory they give back when they end.
      await link.request({ t: 'end-threads' }, 'threads-ended');
      await measure('the chart and read threads ended');
    }

    // ---- last, as it moves the clock and adds a month of rows: a month of traffic and jobs
    let month: Extract<FromChild, { t: 'month' }>['result'] | undefined;
    if (opt.month) {
      t = performance.now();
      console.error(`scale: a month of traffic and jobs, ${opt.month} days on a moved clock …`);
      month = (await link.request({ t: 'month', days: opt.month }, 'month')).result;
      mark('month_s', t);
      await measure(`a month of traffic and jobs (${opt.month} days)`);
    }

    // ---- query plans of the statement that cost the most, for everything over a bar
    const actions = [...d.samples].map(([name, samples]) => ({ name, ...actionRow(name, samples) }));
    const jobs = jobRows(jobRuns);
    const offenders = [
      ...actions
        .filter((a) => a.over)
        .map((a) => ({ kind: 'action', name: a.name, worst: a.worst, top: a.top, longest: a.longest, where: a.where })),
      ...jobs
        .filter((j) => j.over)
        .map((j) => ({ kind: 'job', name: j.row.job, worst: j.worst, top: j.top, longest: j.longest, where: j.where })),
    ].sort((a, b) => b.worst - a.worst);
    const explain = offenders.flatMap((o) =>
      [o.top, o.longest].flatMap((s) =>
        s && !/^(begin|commit|rollback)/i.test(s.sql) ? [{ sql: s.sql, args: s.args }] : [],
      ),
    );
    if (explain.length) {
      const got = await link.request({ t: 'explain', items: explain }, 'plans');
      for (const [i, e] of explain.entries()) plans.set(e.sql, got.plans[i] ?? []);
    }

    stopped = await link.request({ t: 'stop' }, 'stopped');

    // ---- the report
    const elapsed = Math.round((performance.now() - t0) / 1000);
    const biggest = Object.entries(facts.rows)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
    table('scale: the database', [
      { fact: 'file', value: `${mb(facts.bytes)} MB (${facts.key}, built in ${facts.seconds} s)` },
      { fact: 'history', value: `five years to ${facts.anchor} (the app's clock starts there)` },
      ...biggest.map(([k, v]) => ({ fact: k, value: v })),
    ]);
    const mode = [
      opt.tsx ? 'the app from the sources through tsx (--tsx)' : 'the app built (npm run build), run by node alone',
      ready.busy ? 'busy: the delivery worker sends throughout' : 'quiet: the delivery worker is paused',
      ...(ready.memoIntl ? ['WHAT-IF: Intl.DateTimeFormat memoized in the app process (BENCH_MEMO_INTL=1)'] : []),
    ];
    load.push(loadavg()[0]!);
    console.log(`\nscale: ${mode.join('; ')}`);
    console.log(
      `scale: the app process ready ${startMs} ms after it was started (createApp ${Math.round(ready.openMs)} ms of it); ` +
        `load average (1 min) at start and end: ${load.map((l) => l.toFixed(2)).join(' → ')}`,
    );
    if (jobs.length)
      table(
        `scale: every scheduled job, ${opt.runs} runs each (bar: stall ≤ ${BARS.jobStallMs} ms; a/b = run 1/later runs)`,
        jobs.map((j) => j.row),
      );
    const memoryRows: Row[] = memory.map(({ phase, m }) => ({
      phase,
      rss_after_mb: mb(m.rss),
      rss_peak_mb: mb(m.peakSinceLast),
      anon_mb: m.rssAnon === undefined ? null : mb(m.rssAnon),
      files_mb: m.rssFile === undefined ? null : mb(m.rssFile),
      heap_used_mb: mb(m.heapUsed),
      heap_total_mb: mb(m.heapTotal),
      external_mb: mb(m.external),
    }));
    if (stopped)
      memoryRows.push({ phase: 'whole life of the process (kernel maxRSS)', rss_peak_mb: mb(stopped.maxRss) });
    const forced = memory.some((x) => x.m.forcedGc) ? ', each after a forced full GC' : '';
    const paused = ready.busy ? '' : ', delivery worker paused';
    table(`scale: memory of the app process (bar: RSS < 200 MB${paused}${forced})`, memoryRows);
    table(
      'scale: what holds that memory (MB; other_anon = V8 heaps of every isolate, stacks, large buffers)',
      memory.map(({ phase, m }) => ({ phase, rss_mb: mb(m.rss), ...m.anatomy })),
    );
    const grew = growth
      .filter((g) => g.rss_growth_mb >= 5 || g.new_peak_mb !== null)
      .sort((a, b) => b.rss_growth_mb - a.rss_growth_mb);
    if (grew.length)
      table('scale: actions after which the app process held 5 MB more, or during which RSS reached a new peak', grew);
    if (failures.length) table('scale: actions that could not be measured', failures);
    const monthSummary = month && printMonth(month, BARS.jobStallMs);
    if (offenders.length) {
      console.log(`\n== scale: over a bar, worst first — the statement that cost the most, and its plan ==`);
      const show = (what: string, st: StatementStat) => {
        console.log(`  ${what}, ${round(st.totalMs)} ms over ${st.n} runs (slowest ${round(st.maxMs)} ms):`);
        console.log(`    ${oneLine(st.sql, 400)}`);
        for (const line of plans.get(st.sql) ?? []) console.log(`      ${line}`);
      };
      for (const o of offenders) {
        console.log(`\n${o.kind} ${o.name}: ${o.where}`);
        if (o.top) show('costliest statement in total', o.top);
        if (o.longest && o.longest.sql !== o.top?.sql) show('slowest single statement', o.longest);
      }
    }
    report(
      'scale',
      actions.map((a) => a.row),
      {
        bars: BARS,
        elapsedSeconds: elapsed,
        phases: phase,
        database: { ...facts, file: relative(process.cwd(), cached), workCopyBytes: statSync(work).size },
        app: {
          form: opt.tsx ? 'tsx' : 'built',
          startMs,
          openMs: Math.round(ready.openMs),
          nodeFlags: form.execArgv,
        },
        loadavg: load,
        mode,
        memory: { phases: memory, peakRss: stopped?.peakRss, maxRss: stopped?.maxRss },
        jobs: jobs.map((j) => ({ ...j.row, where: j.where, top: brief(j.top), slowest: brief(j.longest) })),
        jobRuns: jobRuns.map(({ top: _, ...r }) => r),
        actionsDetail: actions.map((a) => ({ ...a.row, where: a.where, top: brief(a.top), slowest: brief(a.longest) })),
        offenders: offenders.map((o) => ({
          kind: o.kind,
          name: o.name,
          worstMs: o.worst,
          sql: o.top && oneLine(o.top.sql, 2000),
          totalMs: o.top?.totalMs,
          plan: o.top ? plans.get(o.top.sql) : undefined,
          slowestSql: o.longest && oneLine(o.longest.sql, 2000),
          slowestMs: o.longest?.maxMs,
          slowestPlan: o.longest ? plans.get(o.longest.sql) : undefined,
          where: o.where,
        })),
        rssGrowthByAction: growth,
        failures,
        month: monthSummary,
      },
    );
    console.log(`scale: ${elapsed} s in all (${JSON.stringify(phase)})`);
  } finally {
    if (!stopped && !link.exited) child.kill('SIGKILL');
    await api.close();
    if (!opt.keep) rmSync(dir, { recursive: true, force: true });
    else console.error(`scale: kept ${work}`);
  }
}
