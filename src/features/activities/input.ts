import { parseDate as parseDay } from '../../core/dates';
import { addDays } from '../../core/time';
import {
  BadAges,
  BadCapacity,
  BadChildAge,
  BadChildName,
  BadDate,
  BadDuration,
  BadHours,
  BadPeople,
  BadSessions,
  BadText,
} from './errors';
import { activitiesPolicy } from './policy';

// Pure parsers for what staff and residents type; each throws a named input error whose text says what is expected.

const { limits } = activitiesPolicy;

/** Visible text only: zero-width and bidi-control characters do not make a title. */
export const cleanText = (s: string) => s.replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '').trim();
const length = (s: string) => [...s].length;
const digits = (s: string) => s.normalize('NFKC').trim();

/**
 * Text in both languages, as staff type it: Chinese first; English on a line starting "EN:" (or, for a one-line
 * field, simply the second line). No English: English readers see the Chinese, marked as such.
 */
export interface TwoLanguages {
  zh: string;
  en: string | null;
}

export function parseBilingual(s: string, max: number, multiline = false): TwoLanguages {
  const lines = cleanText(s).split(/\r?\n/);
  const marker = lines.findIndex((l) => /^\s*(en|english)\s*[:：]/i.test(l));
  let zhLines: string[];
  let enLines: string[];
  if (marker >= 0) {
    zhLines = lines.slice(0, marker);
    enLines = [lines[marker]!.replace(/^\s*(en|english)\s*[:：]\s*/i, ''), ...lines.slice(marker + 1)];
  } else if (multiline) {
    [zhLines, enLines] = [lines, []];
  } else {
    const filled = lines.filter((l) => cleanText(l));
    [zhLines, enLines] = [filled.slice(0, 1), filled.slice(1)];
  }
  const join = (ls: string[]) => cleanText(ls.join(multiline ? '\n' : ' '));
  const zh = join(zhLines);
  const en = join(enLines);
  if (!zh || length(zh) > max || length(en) > max) throw new BadText(max);
  return { zh, en: en || null };
}

/** Today's date plus `days`, for hints like "e.g. 2026-12-06". */
export const exampleDate = (today: string, days = 7) => addDays(today, days);

/** The day of an activity as staff type it (2026-12-05, 12月5日, 下周六, 明天 …), read as the coming one. */
export function parseDate(s: string, today: string): string {
  const d = parseDay(cleanText(s), today, 'future');
  if (!d) throw new BadDate(exampleDate(today));
  return d;
}

const hhmm = (s: string) => {
  const m = /^(\d{1,2})(?:[:：.](\d{2})|(半))?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[3] ? 30 : Number(m[2] ?? '0');
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
};

/** '09:30-11:00', '9:30～11', '9点半到11点' → ['09:30', '11:00'], the start before the end. */
export function parseHours(s: string): [string, string] {
  const t = digits(cleanText(s))
    .replace(/[点時时]/g, '')
    .replace(/分/g, '')
    .replace(/\s*(?:-|－|—|–|~|～|到|至|to)\s*/gi, '-');
  const parts = t.split('-');
  if (parts.length !== 2) throw new BadHours();
  const a = hhmm(parts[0]!.trim());
  const b = hhmm(parts[1]!.trim());
  if (!a || !b || a >= b) throw new BadHours();
  return [a, b];
}

const NO_LIMIT = /^(不限|不限制|无|没有|无限|0|none|no limit|unlimited|-)$/i;

/** '30', '30人' → 30; '不限' / 'none' → null (as many as come). */
export function parseCapacity(s: string): number | null {
  const t = digits(cleanText(s)).replace(/\s*(人|位|名|people)$/i, '');
  if (NO_LIMIT.test(t)) return null;
  if (!/^\d{1,4}$/.test(t)) throw new BadCapacity(limits.capacity);
  const n = Number(t);
  if (n < 1 || n > limits.capacity) throw new BadCapacity(limits.capacity);
  return n;
}

/** '6-12', '6到12岁' → the children's ages a class is for. */
export function parseAges(s: string): { min: number; max: number } {
  const { min, max } = limits.childAge;
  const m = /^(\d{1,2})\s*(?:-|－|—|~|～|到|至|to)\s*(\d{1,2})\s*(?:岁|周岁|years?)?$/i.exec(digits(cleanText(s)));
  const a = Number(m?.[1] ?? -1);
  const b = Number(m?.[2] ?? -1);
  if (!m || a < min || b > max || a > b) throw new BadAges(min, max);
  return { min: a, max: b };
}

/** How many weekly sessions a series has: 2 to 52. */
export function parseSessions(s: string): number {
  const t = digits(cleanText(s)).replace(/\s*(次|周|个星期|weeks?|times?)$/i, '');
  const n = /^\d{1,2}$/.test(t) ? Number(t) : 0;
  if (n < 2 || n > limits.sessions) throw new BadSessions(limits.sessions);
  return n;
}

/** A child's name as the guardian types it: visible text, not a number, not too long. */
export function parseChildName(s: string): string {
  const t = cleanText(s).replace(/\s+/g, ' ');
  if (!t || /^\d+$/.test(t) || length(t) > limits.childName) throw new BadChildName(limits.childName);
  return t;
}

/** '8', '8岁' → 8; a child is 0 to 17. Whether the class takes that age is the service's question. */
export function parseChildAge(s: string): number {
  const { min, max } = limits.childAge;
  const t = digits(cleanText(s)).replace(/\s*(岁|周岁|years? old|years?|y)$/i, '');
  const n = /^\d{1,2}$/.test(t) ? Number(t) : -1;
  if (n < min || n > max) throw new BadChildAge(min, max);
  return n;
}

/** How many took part in a drill: '120', '120人'. */
export function parsePeople(s: string): number {
  const t = digits(cleanText(s)).replace(/\s*(人|位|名|people)$/i, '');
  const n = /^\d{1,6}$/.test(t) ? Number(t) : 0;
  if (n < 1 || n > limits.drillPeople) throw new BadPeople();
  return n;
}

/** How long the drill took: '4分30秒', '4:30', '270秒', '4.5分钟', '4 min 30 s' → seconds. */
export function parseDuration(s: string): number {
  const t = digits(cleanText(s)).toLowerCase().replace(/\s+/g, '');
  let seconds = -1;
  const m = /^(\d{1,3}):(\d{2})$/.exec(t);
  if (m && Number(m[2]) < 60) seconds = Number(m[1]) * 60 + Number(m[2]);
  const units =
    /^(?:(\d{1,3}(?:\.\d)?)(?:分钟|分|min|mins|minutes?|m))?(?:(\d{1,4})(?:秒钟|秒|s|sec|secs|seconds?))?$/.exec(t);
  if (seconds < 0 && units && (units[1] || units[2]))
    seconds = Math.round(Number(units[1] ?? 0) * 60) + Number(units[2] ?? 0);
  if (seconds < 1 || seconds > limits.drillSeconds) throw new BadDuration();
  return seconds;
}

/** A venue's street address as Telegram sends it: visible text, cut to length; none when empty. */
export const placeAddress = (s: string) => cleanText(s).slice(0, limits.address) || null;

/** Free text of a comment or a walk-in's name, trimmed; empty or too long is refused. */
export function parseShortText(s: string, max: number): string {
  const t = cleanText(s);
  if (!t || length(t) > max) throw new BadText(max);
  return t;
}
