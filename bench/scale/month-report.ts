// Printing the month phase: the file's growth against the new data it holds (the done-when of issue 20), where the
// new data is, the traffic, each job's time and stall over the month, and confirming a broadcast to everyone.
import { type Row, table } from '../report';
import type { MonthResult } from './month';

const MB = 1048576;
const mb = (b: number) => `${(b / MB).toFixed(1)} MB`;
const round = (ms: number) => (ms >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10);

/** Prints the month and returns its summary for the JSON; `held` says whether the done-when holds. */
export function printMonth(m: MonthResult, stallBarMs: number) {
  const growth = m.fileAfter - m.fileBefore;
  const held = growth <= m.newDataBytes;
  table(`scale: a month of traffic and jobs (${m.days} days from ${m.from.slice(0, 16)}Z, ${m.seconds} s)`, [
    { fact: 'file before', value: `${mb(m.fileBefore)} (${m.fileBefore} bytes)` },
    { fact: 'file after', value: `${mb(m.fileAfter)} (${m.fileAfter} bytes)` },
    { fact: 'file growth', value: `${mb(growth)} (${growth} bytes)` },
    {
      fact: "new data held: the month's rows still in the file, their share of each table and its indexes",
      value: `${mb(m.newDataBytes)} (${m.newDataBytes} bytes)`,
    },
    {
      fact: 'new data held, their column values alone (a lower bound)',
      value: `${mb(m.newPayloadBytes)} (${m.newPayloadBytes} bytes)`,
    },
    { fact: 'growth ≤ new data', value: held ? 'yes' : 'NO' },
    { fact: 'growth ≤ even the lower bound', value: growth <= m.newPayloadBytes ? 'yes' : 'no' },
    {
      fact: 'free pages before → after',
      value: `${m.freePagesBefore} → ${m.freePagesAfter} (${m.pageSize} bytes each)`,
    },
    { fact: 'outbox rows delivered (sent)', value: m.delivered },
    ...(m.walBusy ? [{ fact: 'note', value: 'a WAL checkpoint was busy: the figures include a WAL file' }] : []),
  ]);
  table(
    "scale: month — where the new data is (each table with its indexes; new data = its bytes × new rows ÷ rows; payload = the new rows' values)",
    m.tables.filter((t) => t.new_rows_held > 0 || t.mb_after !== t.mb_before).slice(0, 15) as unknown as Row[],
  );
  table(
    'scale: month — traffic through the services',
    Object.entries(m.traffic).map(([kind, c]) => ({ kind, done: c.done, refused: c.refused })),
  );
  table(
    `scale: month — every job on its schedule and every action, over the month (bar: stall ≤ ${stallBarMs} ms)`,
    m.timings.map((t) => ({
      name: t.name,
      runs: t.runs,
      mean_ms: round(t.total_ms / t.runs),
      max_ms: round(t.max_ms),
      stall_max_ms: round(t.stall_max_ms),
      over: t.stall_max_ms > stallBarMs ? 'stall' : '',
    })),
  );
  if (m.everyone.length)
    table(
      'scale: month — confirming a broadcast to everyone (the confirm: one transaction, the first batch; then the expansion job)',
      m.everyone.map((e) => ({
        recipients: e.recipients,
        confirm_ms: round(e.confirmMs),
        confirm_stall_ms: round(e.confirmStallMs),
        expansion_job_runs: e.expandRuns,
        expansion_stall_max_ms: round(e.expandStallMs),
      })),
    );
  return { held, growthBytes: growth, ...m };
}
