// Telegram's limits shared by several instances on PostgreSQL (issue 19): one send schedule and each chat's next
// allowed send, claimed in the same transaction as the outbox rows. Write transactions on PostgreSQL run one at a
// time (src/db/postgres.ts), so two instances can never hand out the same slot.
import { sql } from 'kysely';
import { liveMembers } from '../../db/locks';
import type { Db, DbOrTx } from '../../db/schema';
import { withRecipients } from './sending';
import type { ClaimedRow } from './types';

/** No slot in a second's last 50 ms: a request sent then could reach Telegram in the next second. */
const GUARD_MS = 50;
/**
 * A row not sent within this of its slot gives the slot up (a stalled event loop, a 429 pause) and is claimed again;
 * each chat's gap below adds it, so a late send still leaves the chat its full second. 100 ms starved a busy
 * instance (rows given back again and again on two loaded cores); the whole second would leave every private chat
 * two seconds between messages. 300 ms is the middle: rarely missed, and 1.3 s between one chat's messages.
 */
export const LATE_MS = 300;
/** Slots are handed out at most this far ahead: a dead instance wastes at most this much of the rate. */
const HORIZON_MS = 1000;
/** One message a second to a private chat, one every three seconds to a group (20 a minute), counted from slots. */
const chatGapMs = (chatId: number) => (chatId >= 0 ? 1000 : 3000) + LATE_MS;

export interface SharedBudget {
  ratePerSec: number;
  /** The wall clock (Date.now()): slots are real send times, whatever the clock the rows are due by says. */
  wallMs: number;
  /** The instance claiming; null for a process that is the database's only sender. */
  instance: number | null;
}

/**
 * Slots sit at fixed places in each second — at most `perSec` of them, spread over the second less the guard — so
 * that no second, however the slots are shared out between instances, holds more than the rate.
 */
function slotAtOrAfter(t: number, perSec: number): number {
  const step = (1000 - GUARD_MS) / perSec;
  for (;;) {
    const second = Math.floor(t / 1000) * 1000;
    const k = Math.ceil((t - second) / step - 1e-9);
    if (k < perSec) return second + k * step;
    t = second + 1000;
  }
}

/** The slots from the schedule's next free one (or now) up to the horizon, at most `count`. */
export function planSlots(next: number, wallMs: number, ratePerSec: number, count: number): number[] {
  const perSec = Math.max(1, Math.floor(ratePerSec));
  const out: number[] = [];
  for (let t = Math.max(next, wallMs); out.length < count; ) {
    const at = slotAtOrAfter(t, perSec);
    if (at > wallMs + HORIZON_MS) break;
    out.push(at);
    t = afterSlot(at, ratePerSec);
  }
  return out;
}

/** Where the schedule continues after slot `at`: half a step on, so that the next slot is the following one. */
const afterSlot = (at: number, ratePerSec: number) => at + (1000 - GUARD_MS) / Math.max(1, Math.floor(ratePerSec)) / 2;

/** Whether a row given `sendAt` may still go at `now`: not too late, and still inside its slot's second. */
export function slotStillValid(sendAt: number, now: number): boolean {
  return now - sendAt <= LATE_MS && now < Math.floor(sendAt / 1000) * 1000 + 1000 - GUARD_MS / 2;
}

/**
 * Claims due rows with a send slot each, at most one per chat that may be written to, and records the slots used.
 * Rows of a chat written to within its gap stay queued until the gap has passed.
 */
export async function claimDueShared(db: Db, now: string, limit: number, b: SharedBudget): Promise<ClaimedRow[]> {
  const claimed = await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('delivery_chats').where('next_at', '<=', b.wallMs).execute();
    const { next_slot } = await trx
      .selectFrom('delivery_budget')
      .select('next_slot')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const slots = planSlots(next_slot, b.wallMs, b.ratePerSec, limit);
    if (slots.length === 0) return [];
    const candidates = await sql<{ id: number; chat_id: number }>`
      select d.id, d.chat_id from deliveries d
      where d.state = 'queued' and d.next_attempt_at <= ${now}
        and not exists (select 1 from delivery_chats c where c.chat_id = d.chat_id)
      order by d.next_attempt_at, d.id limit ${slots.length} for update of d skip locked`.execute(trx);
    const chats = new Set<number>();
    const chosen = new Map<number, { chatId: number; at: number }>();
    for (const c of candidates.rows) {
      if (chats.has(c.chat_id)) continue;
      chats.add(c.chat_id);
      chosen.set(c.id, { chatId: c.chat_id, at: slots[chosen.size]! });
    }
    if (chosen.size === 0) return [];
    const rows = await trx
      .updateTable('deliveries')
      .set((eb) => ({ state: 'sending', attempts: eb('attempts', '+', 1), updated_at: now, claimed_by: b.instance }))
      .where('id', 'in', [...chosen.keys()])
      .returning(['id', 'chat_id', 'user_id', 'content', 'content_id', 'attempts', 'broadcast_id', 'created_at'])
      .execute();
    await trx
      .insertInto('delivery_chats')
      .values([...chosen.values()].map((c) => ({ chat_id: c.chatId, next_at: c.at + chatGapMs(c.chatId) })))
      .onConflict((oc) => oc.column('chat_id').doUpdateSet((eb) => ({ next_at: eb.ref('excluded.next_at') })))
      .execute();
    await trx
      .updateTable('delivery_budget')
      .set({ next_slot: afterSlot(slots[chosen.size - 1]!, b.ratePerSec) })
      .where('id', '=', 1)
      .execute();
    return rows.map((r) => ({ ...r, send_at: chosen.get(r.id)!.at }));
  });
  return withRecipients(db, claimed);
}

/** Telegram said 429 to one instance: every instance waits, by moving the shared schedule past the pause. */
export async function holdShared(db: DbOrTx, untilMs: number): Promise<void> {
  await db
    .updateTable('delivery_budget')
    .set((eb) => ({ next_slot: sql<number>`greatest(${eb.ref('next_slot')}, ${untilMs})` }))
    .where('id', '=', 1)
    .execute();
}

/**
 * A row left `sending` with no instance named was claimed before migration 0031 (or copied from a SQLite
 * deployment): no live instance can vouch for it, so it goes back once it is this old — far longer than any instance
 * holds a claim (a batch of 500 at Telegram's 30 a second is sent in 17 s), so an old instance still running through
 * an upgrade keeps the rows it is sending.
 */
export const UNOWNED_STUCK_MS = 5 * 60_000;

/**
 * Rows left `sending` by an instance that died go back to the queue: each live instance holds advisory lock
 * (3, its id) for as long as its session lives (src/db/locks.ts), so a claim whose lock is gone is an orphan; and
 * rows claimed by no named instance, once stuck (UNOWNED_STUCK_MS).
 * At-least-once: a row the dead instance had already sent is sent again.
 */
export async function requeueOrphans(db: DbOrTx, now: string): Promise<number> {
  const stuckBefore = new Date(Date.parse(now) - UNOWNED_STUCK_MS).toISOString();
  const r = await sql`update deliveries set state = 'queued', next_attempt_at = ${now}, updated_at = ${now},
      claimed_by = null
    where state = 'sending' and ((claimed_by is not null and claimed_by not in (${liveMembers}))
      or (claimed_by is null and updated_at < ${stuckBefore}))`.execute(db);
  return Number(r.numAffectedRows ?? 0n);
}
