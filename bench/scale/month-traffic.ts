// The month phase's traffic: what residents and staff do on an ordinary month, at the rates of the generated five
// years (a little busier), through the same services the bot's handlers call. Each event has its moment; the month
// loop runs those whose moment has come.
import type Database from 'better-sqlite3';
import type { App } from '../../src/app';
import { DomainError } from '../../src/core/errors';
import { localDate } from '../../src/core/time';
import { DAY_MS, IDS, rng, TZ_OFFSET_MS } from './world';

export type EventKind = 'petition' | 'booking' | 'fund entry' | 'check-in' | 'broadcast to everyone' | 'broadcast';
export interface TrafficEvent {
  at: number;
  kind: EventKind;
}

/** Per day, at the generated history's rates: 24,000 petitions, 34,500 fund entries in five years; ~300 bookings a market. */
const PER_DAY = { petition: 14, 'fund entry': 20, booking: 30 } as const;
/** Days (0 = the first) with a broadcast to everyone, and to one community. */
const EVERYONE_DAYS = [1, 16];
const COMMUNITY_DAYS = [5, 9, 13, 20, 24];

/** Moments of the month's events, sorted: each between opening hours of its own kind. */
export function schedule(startMs: number, days: number, seed = 20260305): TrafficEvent[] {
  const r = rng(seed);
  const out: TrafficEvent[] = [];
  // Local midnight of the first day (Asia/Shanghai has no daylight saving).
  const day0 = Math.floor((startMs + TZ_OFFSET_MS) / DAY_MS) * DAY_MS - TZ_OFFSET_MS;
  const at = (d: number, fromH: number, toH: number) =>
    day0 + d * DAY_MS + Math.floor((fromH + r.next() * (toH - fromH)) * 3_600_000);
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < PER_DAY.petition; i++) out.push({ at: at(d, 7, 23), kind: 'petition' });
    for (let i = 0; i < PER_DAY['fund entry']; i++) out.push({ at: at(d, 9, 18), kind: 'fund entry' });
    for (let i = 0; i < PER_DAY.booking; i++) out.push({ at: at(d, 7, 22), kind: 'booking' });
    if (EVERYONE_DAYS.includes(d)) out.push({ at: at(d, 10, 10.1), kind: 'broadcast to everyone' });
    if (COMMUNITY_DAYS.includes(d)) out.push({ at: at(d, 9, 17), kind: 'broadcast' });
  }
  // The first day is a relief pickup day (the 5th): the rest of the month's packages are collected at the desk.
  for (let i = 0; i < 60; i++) out.push({ at: at(0, 10, 11.5), kind: 'check-in' });
  return out.filter((e) => e.at >= startMs && e.at < startMs + days * DAY_MS).sort((a, b) => a.at - b.at);
}

export interface Traffic {
  run(e: TrafficEvent, now: Date): Promise<'done' | 'refused'>;
}

/** Who does what: generated residents, staff and places, read once from the database. */
export function traffic(app: App, db: Database.Database, tz: string): Traffic {
  const r = rng(7);
  const residents = (
    db
      .prepare(
        `select id from users where id >= ${IDS.resident(0)} and onboarded = 1 and reachable = 1 and compound_id is not null`,
      )
      .all() as { id: number }[]
  ).map((u) => u.id);
  const staff = IDS.staff(0);
  const communities = (db.prepare('select id from communities order by id').all() as { id: number }[]).map((c) => c.id);
  const recipients = (
    db.prepare('select id from relief_recipients where active = 1 order by id').all() as { id: number }[]
  ).map((x) => x.id);
  const s = app.services;
  let categories: string[] = [];
  let sent = 0;
  const draft = (text: string) => ({ key: `month-${++sent}`, text, entities: [], photo: null });

  async function book(now: Date) {
    const today = localDate(now, tz);
    const offers = db
      .prepare(
        'select o.id from market_offers o join market_days m on m.id = o.market_id where m.date > ? and m.published_at is not null',
      )
      .all(today) as { id: number }[];
    if (!offers.length) return 'refused' as const;
    await s.market.book(r.pick(residents), r.pick(offers).id, {});
    return 'done' as const;
  }

  const handlers: Record<EventKind, (now: Date) => Promise<'done' | 'refused'>> = {
    async petition() {
      if (!categories.length) categories = (await s.petitions.categories()).map((c) => c.code);
      const description = `${r.pick(['小区门口', '楼道', '菜市场旁', '公交站'])}的${r.pick(['路灯坏了', '积水很深', '井盖松动', '垃圾没人清'])}，已经好几天了。`;
      await s.petitions.file(r.pick(residents), {
        category: r.pick(categories),
        place: r.pick(['月塘小区3栋', '建设村口', '新华路口']),
        latitude: null,
        longitude: null,
        description,
        photos: [],
        showName: r.chance(0.3),
      });
      return 'done';
    },
    booking: book,
    async 'fund entry'(now) {
      await s.fund.record(
        staff,
        {
          direction: 'income',
          kind: r.pick(['consumption', 'monthly', 'shop', 'other'] as const),
          amountFen: r.int(5, 500) * 100,
          date: localDate(now, tz),
          donor: { kind: 'anonymous' },
          restrictedTo: null,
          note: '',
        },
        { source: 'bot' },
      );
      return 'done';
    },
    async 'check-in'() {
      await s.relief.checkIn(staff, r.pick(recipients), {}, 'code');
      return 'done';
    },
    async 'broadcast to everyone'() {
      await s.notices.createBroadcast({
        draft: draft('【停水通知】本周六 8:00–18:00 全街道停水，请提前储水。'),
        actorId: staff,
        audience: { kind: 'all' },
        sendAt: null,
        progressMessageId: null,
      });
      return 'done';
    },
    async broadcast() {
      await s.notices.createBroadcast({
        draft: draft('社区本周末在文化广场举办义诊，欢迎居民参加。'),
        actorId: staff,
        audience: { kind: 'community', id: r.pick(communities) },
        sendAt: null,
        progressMessageId: null,
      });
      return 'done';
    },
  };

  return {
    async run(e, now) {
      try {
        return await handlers[e.kind](now);
      } catch (err) {
        // Full, closed, already booked or collected: a person is told so and nothing changes — as in the bot.
        if (err instanceof DomainError) return 'refused';
        throw err;
      }
    },
  };
}
