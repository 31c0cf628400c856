import { addDays, isDate } from '../../core/time';
import {
  BadCapacity,
  BadDate,
  BadHours,
  BadLocation,
  DetailsEmpty,
  DetailsTooLong,
  LocationTooLong,
  UnknownService,
} from './errors';
import { limits } from './policy';

// Pure parsers for what staff and residents type; each throws a named input error whose text says what is expected.

/** Visible text only: zero-width and bidi-control characters do not make a description. */
export function cleanText(s: string): string {
  return s.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '').trim();
}

const length = (s: string) => [...s].length;

/** A resident's description of the item and the problem. */
export function parseDetails(s: string, max: number = limits.details): string {
  const t = cleanText(s);
  if (!t) throw new DetailsEmpty();
  if (length(t) > max) throw new DetailsTooLong(max);
  return t;
}

/** Where exactly the market is (a square, a hall): visible text, not too long. */
export function parseLocation(s: string, max: number = limits.location): string {
  const t = cleanText(s);
  if (!t) throw new BadLocation(max);
  if (length(t) > max) throw new LocationTooLong(max);
  return t;
}

/** Today's date plus `days`, for hints like "e.g. 2026-12-06". */
export const exampleDate = (today: string, days = 7) => addDays(today, days);

// core isDate throws a RangeError for a month like 13; here a bad date is just a bad date.
const validDate = (d: string) => {
  try {
    return isDate(d);
  } catch {
    return false;
  }
};

/** '2026-12-06', '2026/12/6', '12-06' or '12月6日' (the next such date from `today` on). */
export function parseDate(s: string, today: string): string {
  const t = cleanText(s)
    .replace(/[年/.]/g, '-')
    .replace(/月/g, '-')
    .replace(/[日号]/g, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (validDate(d)) return d;
    throw new BadDate(exampleDate(today));
  }
  m = /^(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const md = `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
    const year = Number(today.slice(0, 4));
    for (const y of [year, year + 1]) {
      const d = `${y}-${md}`;
      if (validDate(d) && d >= today) return d;
    }
  }
  throw new BadDate(exampleDate(today));
}

const hhmm = (s: string) => {
  const m = /^(\d{1,2})(?:[:：](\d{2}))?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
};

/** '09:00-12:00', '9:00－12:00', '9-12' or '9点到12点' → ['09:00', '12:00'], start before end. */
export function parseHours(s: string): [string, string] {
  const t = cleanText(s)
    .replace(/点/g, '')
    .replace(/\s*(?:-|－|—|~|～|到|至|to)\s*/g, '-');
  const parts = t.split('-');
  if (parts.length !== 2) throw new BadHours();
  const a = hhmm(parts[0]!.trim());
  const b = hhmm(parts[1]!.trim());
  if (!a || !b || a >= b) throw new BadHours();
  return [a, b];
}

/** Lines like '磨刀 20' or '理发：15' → capacity per service, matched by either name or ticket prefix. */
export function parseCapacities(
  s: string,
  services: readonly { id: number; nameZh: string; nameEn: string; ticketPrefix: string }[],
): Map<number, number> {
  const out = new Map<number, number>();
  const lines = cleanText(s)
    .split(/[\n,，;；]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) throw new BadCapacity(limits.capacity);
  for (const line of lines) {
    const m = /^(.+?)\s*[:：=]?\s*(\d{1,4})$/.exec(line);
    if (!m) throw new BadCapacity(limits.capacity);
    const name = m[1]!.trim().toLowerCase();
    const n = Number(m[2]);
    if (n < 1 || n > limits.capacity) throw new BadCapacity(limits.capacity);
    const svc = services.find((x) => [x.nameZh, x.nameEn, x.ticketPrefix].some((v) => v.toLowerCase() === name));
    if (!svc) throw new UnknownService(m[1]!.trim());
    out.set(svc.id, n);
  }
  return out;
}
