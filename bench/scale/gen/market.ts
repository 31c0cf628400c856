// 野享市集: a market day on the 5th and the 20th of every month, rotating through the compounds; bookings, waitlists,
// walk-ins, outcomes and "did the fix hold?" answers. Today (ANCHOR) a market is running; two more are published.
import { DETAILS } from '../texts';
import {
  ANCHOR_MS,
  addMonths,
  at,
  type Ctx,
  DAY_MS,
  iso,
  localDate,
  localMonth,
  months,
  SIZE,
  START_MS,
} from '../world';
import { inserter } from './sql';

const HOUR = 3_600_000;
const MIN = 60_000;
const REPAIR_OUTCOMES = ['fixed', 'fixed', 'fixed', 'fixed', 'fixed', 'fixed', 'fixed', 'not_fixable', 'needs_parts'];

export function market(ctx: Ctx) {
  const { db, r } = ctx;
  const today = localDate(ANCHOR_MS);
  const services = db
    .prepare('select id, code, default_capacity as cap, needs_details as nd, is_repair as rep from market_services')
    .all() as { id: number; code: string; cap: number; nd: number; rep: number }[];
  const day = inserter(db, 'market_days');
  const offer = inserter(db, 'market_offers');
  const booking = inserter(db, 'market_bookings');
  const dates: string[] = [];
  for (const m of months(localMonth(START_MS), addMonths(localMonth(ANCHOR_MS), 1)))
    for (const d of ['05', '20']) if (`${m}-${d}` >= localDate(START_MS)) dates.push(`${m}-${d}`);

  db.transaction(() => {
    dates.forEach((date, rotation) => {
      const compound = ctx.compounds[rotation % ctx.compounds.length]!;
      const start = at(date, '09:00');
      const future = date > today;
      const draft = date === dates.at(-1);
      const createdAt = start - 16 * DAY_MS;
      const publishedAt = createdAt + DAY_MS;
      const cancelled = !future && date !== today && r.chance(0.02);
      const staffId = r.pick(ctx.staff);
      const mid = day({
        date,
        starts_at: '09:00',
        ends_at: '12:00',
        compound_id: compound.id,
        location: `${compound.nameZh}中心广场`,
        latitude: r.chance(0.7) ? 27.84 + r.next() / 50 : null,
        longitude: r.chance(0.7) ? 113.18 + r.next() / 50 : null,
        status: draft ? 'draft' : cancelled ? 'cancelled' : 'published',
        created_by: staffId,
        created_at: iso(createdAt),
        published_at: draft ? null : iso(publishedAt),
        cancelled_at: cancelled ? iso(start - 3 * DAY_MS) : null,
      });
      ctx.audit(createdAt, staffId, 'market.create', `market:${mid}`, { date, compoundId: compound.id });
      if (!draft) ctx.audit(publishedAt, staffId, 'market.publish', `market:${mid}`, {});

      for (const s of services.filter(() => r.chance(0.85))) {
        const fill = date === today ? 1 : future ? 0.3 : 0.6 + r.next() * 0.4;
        const ticketed = draft || cancelled ? 0 : Math.round(s.cap * fill);
        const oid = offer({ market_id: mid, service_id: s.id, capacity: s.cap, tickets_issued: ticketed });
        const users = new Set<number>();
        // In the first months few residents used the bot: a place nobody new can take goes to a walk-in.
        const someone = () => {
          for (let tries = 0; tries < 30; tries++) {
            const p = ctx.residentBefore(publishedAt);
            if (!users.has(p.id)) {
              users.add(p.id);
              return p.id;
            }
          }
          return null;
        };
        for (let t = 1; t <= ticketed; t++) {
          const uid = someone();
          const bookedAt = publishedAt + r.int(0, Math.max(1, start - publishedAt - 13 * HOUR));
          const details = s.nd ? r.pick(DETAILS[s.code] ?? ['要修的东西']) : null;
          let status: string;
          if (future) status = 'booked';
          else if (date === today) status = t <= ticketed * 0.35 ? 'served' : r.chance(0.05) ? 'cancelled' : 'booked';
          else status = r.chance(0.12) ? 'cancelled' : r.chance(0.09) ? 'no_show' : 'served';
          const servedAt =
            status === 'served' ? start + Math.round(((t - 1) / Math.max(1, ticketed)) * 3 * HOUR) : null;
          const outcome = status !== 'served' ? null : s.rep ? r.pick([...REPAIR_OUTCOMES, 'served']) : 'served';
          // "Did the fix hold?" is asked two weeks after a repair that worked, once.
          const holdAskedAt =
            outcome === 'fixed' && servedAt !== null && servedAt + 14 * DAY_MS < ANCHOR_MS
              ? servedAt + 14 * DAY_MS + r.int(0, 20) * MIN
              : null;
          const answered = holdAskedAt !== null && r.chance(0.6);
          const bid = booking({
            offer_id: oid,
            market_id: mid,
            user_id: uid,
            status,
            ticket_no: t,
            details,
            photo_file_id: details && r.chance(0.2) ? `AgACAgUAAxk${r.digits(12)}` : null,
            walk_in: uid === null ? 1 : 0,
            outcome,
            outcome_note: outcome === 'needs_parts' || outcome === 'not_fixable' ? '需要换零件，下次带来' : null,
            created_at: iso(bookedAt),
            updated_at: iso(servedAt ?? bookedAt),
            served_at: servedAt === null ? null : iso(servedAt),
            hold_asked_at: holdAskedAt === null ? null : iso(holdAskedAt),
            hold_answer: answered ? (r.chance(0.85) ? 'yes' : 'no') : null,
            hold_answered_at: answered ? iso(holdAskedAt! + r.int(1, 72) * HOUR) : null,
          });
          if (servedAt !== null) ctx.audit(servedAt, staffId, 'market.outcome', `booking:${bid}`, { outcome });
          if (uid === null) continue;
          // The reminders (evening before, morning of) and the hold check, as the catch-up jobs queued them.
          const content = { key: 'market.remind.morning', params: { ticket: t } };
          const personal = { chatId: uid, userId: uid, category: 'personal' as const };
          if (status !== 'cancelled' || date === today) {
            ctx.deliver({ ms: at(date, '18:00') - DAY_MS, key: `market:remind-eve:${bid}`, content, ...personal });
            ctx.deliver({ ms: at(date, '08:00'), key: `market:remind-morn:${bid}`, content, ...personal });
          }
          if (holdAskedAt !== null)
            ctx.deliver({
              ms: holdAskedAt,
              key: `market:hold:${bid}`,
              content: { key: 'market.notify.holdCheck', params: { details: details ?? '-' } },
              ...personal,
            });
        }
        if (future || draft || cancelled) continue;
        // The waitlist that never got a place (still waiting today), and walk-ins without Telegram.
        for (let w = Math.round(s.cap * r.next() * 0.12); w > 0; w--) {
          const uid = someone();
          if (uid === null) break;
          const ms = publishedAt + r.int(0, 10) * DAY_MS;
          booking({
            offer_id: oid,
            market_id: mid,
            user_id: uid,
            status: date === today ? 'waiting' : 'cancelled',
            created_at: iso(ms),
            updated_at: iso(ms),
          });
        }
        if (date === today) continue;
        for (let w = Math.round(s.cap * r.next() * 0.1); w > 0; w--) {
          const ms = start + r.int(0, 170) * MIN;
          const bid = booking({
            offer_id: oid,
            market_id: mid,
            user_id: null,
            status: 'served',
            walk_in: 1,
            outcome: 'served',
            created_at: iso(ms),
            updated_at: iso(ms),
            served_at: iso(ms),
          });
          ctx.audit(ms, staffId, 'market.walkin', `booking:${bid}`, {});
        }
      }
    });

    const subscribe = inserter(db, 'market_subscriptions');
    const seen = new Set<number>();
    while (seen.size < SIZE.marketSubscriptions) {
      const p = ctx.residents[r.int(0, ctx.residents.length - 1)]!;
      if (!p.onboarded || seen.has(p.id)) continue;
      seen.add(p.id);
      subscribe({
        user_id: p.id,
        compound_id: r.chance(0.7) ? p.compoundId : null,
        created_at: iso(p.created + r.int(1, 300) * HOUR),
      });
    }
  })();
}
