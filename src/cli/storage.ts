// `cli stats` and `cli vacuum`: how big the database is, what grew, and giving deleted rows' space back.
import { addDays, localDate } from '../core/time';
import type { DbHandle } from '../db/client';
import { growthSince, takeSnapshot, vacuum } from '../db/maintenance';

/** Growth is reported against the oldest daily snapshot of this window (the nightly maintenance takes one a day). */
const GROWTH_WINDOW_DAYS = 30;
const SHOWN = 15;

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const signed = (bytes: number) => (bytes < 0 ? `−${mb(-bytes)}` : `+${mb(bytes)}`);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Today's size of every table and its growth since the oldest snapshot of the last 30 days, as lines to print. */
export async function storageReport(h: DbHandle, now: Date, timezone: string): Promise<string[]> {
  const today = localDate(now, timezone);
  const sizes = await takeSnapshot(h, today);
  const { since, growth } = await growthSince(h.db, sizes, addDays(today, -GROWTH_WINDOW_DAYS));
  const total = sizes.reduce((n, s) => n + s.bytes, 0);
  const lines = [`database: ${mb(total)} in ${sizes.length} tables and indexes`];
  const earlier = since !== null && since < today;
  if (!earlier) {
    lines.push('no earlier measurement in the last 30 days: growth shows once the nightly maintenance has run');
    lines.push('the largest tables:');
    for (const s of sizes.slice(0, SHOWN)) lines.push(`  ${s.name.padEnd(40)} ${mb(s.bytes).padStart(10)}`);
    return lines;
  }
  const days = daysBetween(since, today);
  lines.push(`each table's size now, and how much it grew since ${since} (${days} days ago), most growth first:`);
  for (const g of growth.slice(0, SHOWN))
    lines.push(`  ${g.name.padEnd(40)} ${mb(g.bytes).padStart(10)}  ${signed(g.growth ?? 0).padStart(10)}`);
  const top = growth[0];
  const grown = growth.reduce((n, g) => n + (g.growth ?? 0), 0);
  lines.push(`in all the database grew ${signed(grown)} in ${days} days`);
  if (top && (top.growth ?? 0) > 0) lines.push(`largest growth: ${top.name}, ${signed(top.growth ?? 0)}`);
  return lines;
}

const busy = (err: unknown) => (err as { code?: string } | null)?.code === 'SQLITE_BUSY';

/**
 * Rewrites the file without the space of deleted rows. It needs the database to itself for a moment: if the bot is
 * in the middle of writing for longer than the busy timeout, nothing is changed and the operator is told to retry.
 */
export async function vacuumReport(h: DbHandle): Promise<{ ok: boolean; line: string }> {
  try {
    const { before, after } = await vacuum(h);
    return { ok: true, line: `vacuumed: ${mb(before)} → ${mb(after)} (${mb(before - after)} given back to the disk)` };
  } catch (err) {
    if (!busy(err)) throw err;
    return {
      ok: false,
      line:
        'the database is busy: another process (the bot?) kept writing to it. Nothing was changed; ' +
        'run vacuum again at a quiet hour.',
    };
  }
}
