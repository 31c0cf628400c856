// The shape of the generated deployment: when "now" is, how many of everything, and the deterministic randomness
// every part of the generator draws from. Shared by the generator and the benchmark that drives the bot on it.
import type Database from 'better-sqlite3';

/**
 * The moment the benchmark's clock starts from: Thursday 2026-03-05, 10:00 in Asia/Shanghai. The 5th is the relief
 * pickup day (the desk is open, 08:30–11:30) and a market day is running (09:00–12:00), so the day's busiest staff
 * screens and every catch-up job have real work. History runs five years back from here.
 */
export const ANCHOR = '2026-03-05T02:00:00.000Z';
export const ANCHOR_MS = Date.parse(ANCHOR);
export const START_MS = Date.parse('2021-03-05T00:00:00+08:00');
export const TZ_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai, no daylight saving
export const DAY_MS = 86_400_000;

/** Telegram user ids of the generated people (demo people keep their own negative ids). */
export const IDS = {
  resident: (i: number) => 1_000_001 + i,
  staff: (i: number) => 900_001 + i,
  deputy: (i: number) => 910_001 + i,
  admin: (i: number) => 920_001 + i,
} as const;

export const SIZE = {
  residents: 50_000,
  staff: 24,
  deputies: 12,
  admins: 2,
  partnersWithRole: 30,
  /** Extra relief recipients beyond the 169 of the demo roster, some of whom have left it since. */
  reliefExtra: 120,
  reliefLeft: 35,
  petitions: 24_000,
  pledges: 1_800,
  fundSubscribers: 3_000,
  faqQueries: 300_000,
  /** Broadcasts over the five years; the outbox keeps the rows of the last `outboxDays` (the retention window). */
  broadcasts: 300,
  outboxDays: 92,
  /** The broadcast to everyone running at ANCHOR: this many of its rows already sent. */
  liveSent: 15_000,
  volunteerTeamsExtra: 5,
  marketSubscriptions: 1_500,
} as const;

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)]!,
    /** Index drawn by weight. */
    weighted: (w: readonly number[]) => {
      const total = w.reduce((s, x) => s + x, 0);
      let u = next() * total;
      for (let i = 0; i < w.length; i++) {
        u -= w[i]!;
        if (u < 0) return i;
      }
      return w.length - 1;
    },
    /** A time in [from, to) with the bot's adoption ramp: later years busier than the first. */
    ramp: (from = START_MS, to = ANCHOR_MS) => {
      const f = next() < 0.3 ? next() : Math.sqrt(next());
      return from + Math.floor(f * (to - from));
    },
    digits: (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += String(Math.floor(next() * 10));
      return s;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

export const iso = (ms: number) => new Date(ms).toISOString();
/** 'YYYY-MM-DD' in Asia/Shanghai. */
export const localDate = (ms: number) => new Date(ms + TZ_OFFSET_MS).toISOString().slice(0, 10);
export const localMonth = (ms: number) => localDate(ms).slice(0, 7);
/** The UTC instant of a local date and 'HH:MM'. */
export const at = (date: string, hm: string) => Date.parse(`${date}T${hm}:00+08:00`);
/** Local midnight of the day holding `ms`. */
export const dayStart = (ms: number) => at(localDate(ms), '00:00');
export const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
};
/** Every month 'YYYY-MM' from `from` to `to`, both included. */
export function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

// ---- what the generator's sections share (see generate.ts) ----------------------------------------------------

export interface Person {
  id: number;
  created: number;
  communityId: number | null;
  compoundId: number | null;
  onboarded: boolean;
  reachable: boolean;
  optOut: boolean;
  name: string;
}

export interface Place {
  id: number;
  communityId: number;
  nameZh: string;
}

/** Everything a section of the generator needs: the database, randomness, who lives where, and the shared sinks. */
export interface Ctx {
  db: Database.Database;
  r: Rng;
  residents: Person[];
  /** Residents' creation times, ascending (residents are created in id order). */
  created: number[];
  byCommunity: Map<number, Person[]>;
  compounds: Place[];
  communities: number[];
  staff: number[];
  deputies: number[];
  admins: number[];
  /** staff + admins: who gets staff notices when no staff chat is configured. */
  staffChats: number[];
  audit(ms: number, actor: number | null, action: string, subject: string | null, details: object): void;
  /** An outbox row of the retention window (older ones were pruned by the nightly maintenance). */
  deliver(d: PersonalDelivery): void;
  /** A resident created before `ms`, onboarded (living somewhere), optionally in a community. */
  residentBefore(ms: number, communityId?: number | null): Person;
  inWindow(ms: number): boolean;
}

export interface PersonalDelivery {
  ms: number;
  key: string;
  chatId: number;
  userId: number | null;
  category: 'notice' | 'personal' | 'staff';
  content: object;
  state?: 'sent' | 'failed' | 'skipped' | 'queued';
  reason?: string | null;
}

/** Residents whose id has a flow left half-done (an abandoned conversation); the benchmark never acts as them. */
export const hasStaleFlow = (i: number) => i % 40 === 3;
