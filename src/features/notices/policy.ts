import { addDays, DAY_MS, isDate, localDate, zonedToUtc } from '../../core/time';
import { BadTime, TimeInPast, TooFarAhead } from './errors';

/** The notices area's rules and limits. */
export const noticesPolicy = {
  /** A broadcast may be scheduled at most this far ahead. */
  maxScheduleDays: 60,
  /** Outbox rows are built and inserted this many at a time: 100,000 recipients never sit in memory as JSON at once. */
  enqueueChunk: 1000,
  /**
   * Recipients made into outbox rows per transaction: the confirmation makes the first batch (all of a small
   * audience), a job the rest, with everyone else answered in between. 2,000 rows took 30–280 ms a batch on a loaded
   * machine (bench scale --month), over the 50 ms stall bar; 500 keep each batch a quarter of that.
   */
  expandBatch: 500,
  /** How often a broadcast still being expanded gets its next batches (node-cron, with seconds). */
  expandCron: '*/2 * * * * *',
  /** Broadcasts per page of /broadcasts: five items of ~400 characters stay far below Telegram's 4096. */
  listPageSize: 5,
  /** How often running broadcasts' progress messages are brought up to date (node-cron, with seconds). */
  progressCron: '*/3 * * * * *',
} as const;

/** What the staff member is shown as an example of a time: tomorrow at nine. */
export const exampleTime = (now: Date, tz: string) => `${addDays(localDate(now, tz), 1)} 09:00`;

/** "2026-12-01 09:00" (also 2026/12/1 9:00, a full-width colon) in the deployment time zone → the instant. */
export function parseSendAt(input: string, tz: string, now: Date): Date {
  const example = exampleTime(now, tz);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*(\d{1,2})[:：点](\d{2})分?$/.exec(input.trim());
  if (!m) throw new BadTime(example);
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const hh = Number(m[4]);
  if (!isDate(date) || hh > 23 || Number(m[5]) > 59) throw new BadTime(example);
  const at = zonedToUtc(date, `${String(hh).padStart(2, '0')}:${m[5]}`, tz);
  if (at.getTime() <= now.getTime()) throw new TimeInPast(example);
  if (at.getTime() > now.getTime() + noticesPolicy.maxScheduleDays * DAY_MS)
    throw new TooFarAhead(noticesPolicy.maxScheduleDays, example);
  return at;
}
