import { parseDate as parseDay } from '../../core/dates';
import { addDays } from '../../core/time';
import {
  BadAddress,
  BadCapacity,
  BadDate,
  BadHours,
  BadLocation,
  BadNumber,
  BadServiceName,
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

/**
 * The place as staff send it: its name on the first line and, if they like, its English name on the second (else
 * English readers see the place's own name, marked as such).
 */
export function parsePlace(s: string): { location: string; locationEn: string | null } {
  const [zh = '', ...rest] = s.split(/\r?\n/).filter((l) => cleanText(l));
  const en = rest.join(' ');
  return { location: parseLocation(zh), locationEn: en ? parseLocation(en) : null };
}

/** Today's date plus `days`, for hints like "e.g. 2026-12-06". */
export const exampleDate = (today: string, days = 7) => addDays(today, days);

/**
 * The day a market is to be held, as staff type it (2026-12-05, 12月5日, 1月9号, 12/5, 下周六, 明天 …): the one date
 * parser (core/dates.ts), reading a day without a year as the coming one. Not a day: BadDate with an example.
 */
export function parseDate(s: string, today: string): string {
  const d = parseDay(cleanText(s), today, 'future');
  if (!d) throw new BadDate(exampleDate(today));
  return d;
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
  services: readonly { id: number; nameZh: string; nameEn: string; ticketPrefix: string; ticketPrefixEn?: string }[],
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
    const names = (x: (typeof services)[number]) => [x.nameZh, x.nameEn, x.ticketPrefix, x.ticketPrefixEn ?? ''];
    const svc = services.find((x) => names(x).some((v) => v.toLowerCase() === name));
    if (!svc) throw new UnknownService(m[1]!.trim());
    out.set(svc.id, n);
  }
  return out;
}

/**
 * A service's name as staff send it: Chinese on the first line, English on the second (both are shown to residents,
 * so both are needed), each visible text and short enough for a button.
 */
export function parseServiceNames(s: string, max: number = limits.serviceName): { nameZh: string; nameEn: string } {
  const [zh = '', en = '', ...rest] = s.split(/\r?\n/).map(cleanText).filter(Boolean);
  if (!zh || !en || rest.length > 0 || [zh, en].some((n) => length(n) > max)) throw new BadServiceName(max);
  return { nameZh: zh, nameEn: en };
}

/** A whole number from 1 to `max` (places, minutes), digits only, full-width digits too. */
export function parseCount(s: string, max: number, example: number): number {
  const t = cleanText(s)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s*(个|人|分钟|分|名|位|min|minutes?)$/i, '');
  if (!/^\d{1,4}$/.test(t)) throw new BadNumber(max, example);
  const n = Number(t);
  if (n < 1 || n > max) throw new BadNumber(max, example);
  return n;
}

/** A venue's address: visible text, not too long. */
export function parseAddress(s: string, max: number = limits.address): string {
  const t = cleanText(s);
  if (!t || length(t) > max) throw new BadAddress(max);
  return t;
}

/** The ticket prefix made from a name: 磨刀 → 磨刀-07; Knife sharpening → Knife-07. */
export const prefixOf = {
  zh: (name: string) => [...name].slice(0, 6).join(''),
  en: (name: string) => [...(name.split(/\s+/)[0] ?? name)].slice(0, 12).join(''),
};
