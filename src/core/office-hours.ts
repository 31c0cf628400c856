import { WEEKDAY_CODES, weekdayOf } from './calendar';
import { addDays, localDate, zonedToUtc } from './time';

/** Office hours as config.OFFICE_HOURS says them, e.g. 'Mon-Fri 08:30-17:30', read in config.TIMEZONE. */
export interface OfficeHours {
  /** Weekdays open, 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  open: string;
  close: string;
  tz: string;
}

/** config.OFFICE_HOURS is already validated by config.ts; a range may wrap the week ('Sat-Mon'). */
export function parseOfficeHours(spec: string, tz: string): OfficeHours {
  const m = /^(\w{3})-(\w{3}) (\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(spec);
  const from = WEEKDAY_CODES.indexOf(m?.[1] ?? '');
  const to = WEEKDAY_CODES.indexOf(m?.[2] ?? '');
  if (!m || from < 0 || to < 0) throw new Error(`OFFICE_HOURS "${spec}" must look like "Mon-Fri 08:30-17:30"`);
  const days = new Set<number>();
  for (let d = from; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === to) break;
  }
  return { days, open: m[3]!, close: m[4]!, tz };
}

/** The office's open window on a calendar date, or undefined on a closed day. */
function windowOn(date: string, oh: OfficeHours): [number, number] | undefined {
  if (!oh.days.has(weekdayOf(date))) return undefined;
  return [zonedToUtc(date, oh.open, oh.tz).getTime(), zonedToUtc(date, oh.close, oh.tz).getTime()];
}

export function isOfficeOpen(now: Date, oh: OfficeHours): boolean {
  const w = windowOn(localDate(now, oh.tz), oh);
  return w !== undefined && w[0] <= now.getTime() && now.getTime() < w[1];
}

/** When staff are next at work: `now` itself during office hours. */
export function nextOpening(now: Date, oh: OfficeHours): Date {
  const today = localDate(now, oh.tz);
  for (let i = 0; i < 8; i++) {
    const w = windowOn(addDays(today, i), oh);
    if (w && now.getTime() < w[1]) return new Date(Math.max(now.getTime(), w[0]));
  }
  return now; // no open day at all: nothing better to promise
}

/** Milliseconds of office time between two instants: a question asked on Friday evening is not "old" on Monday at 9. */
export function workingMsBetween(from: Date, to: Date, oh: OfficeHours): number {
  if (to <= from) return 0;
  let total = 0;
  const last = localDate(to, oh.tz);
  for (let date = localDate(from, oh.tz); date <= last; date = addDays(date, 1)) {
    const w = windowOn(date, oh);
    if (!w) continue;
    const start = Math.max(w[0], from.getTime());
    const end = Math.min(w[1], to.getTime());
    if (end > start) total += end - start;
  }
  return total;
}
