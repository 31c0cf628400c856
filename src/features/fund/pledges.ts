import { DomainError } from '../../core/errors';
import { localDate, localTime } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { enqueue } from '../delivery/service';
import { CB } from './callbacks';
import { formatYuan, MAX_FEN } from './money';
import { entryRow, monthOf, nextMonth } from './service';
import * as store from './store';

export class PledgeNotFound extends DomainError {
  constructor() {
    super('fund.pledgeNotFound');
  }
}
export class AlreadyPledged extends DomainError {
  constructor() {
    super('fund.alreadyPledged');
  }
}
export class PledgeConfirmed extends DomainError {
  constructor() {
    super('fund.pledgeConfirmed');
  }
}
export class InvalidPledge extends DomainError {
  constructor() {
    super('fund.invalidPledge');
  }
}

/** Reminders go out from this time on the pledged day (a catch-up job sends any it missed later). */
export const PLEDGE_REMIND_TIME = '09:00';
export const PLEDGE_AMOUNTS_FEN = [1000, 2000, 5000, 10000] as const;
export const PLEDGE_DAYS = [1, 5, 10, 15, 20, 25] as const;

export interface PledgeInput {
  amountFen: number;
  dayOfMonth: number;
  showName: boolean;
  partnerId?: number | null;
}

/**
 * A resident or partner promises an amount each month. There is no online payment: the fund reminds them, they hand
 * the money over, and staff confirm receipt. The first reminder is this month if the day is still ahead, else next month.
 */
export async function createPledge(db: Db, userId: number, p: PledgeInput, now: Date, tz: string): Promise<number> {
  if (!Number.isInteger(p.amountFen) || p.amountFen <= 0 || p.amountFen > MAX_FEN) throw new InvalidPledge();
  if (!Number.isInteger(p.dayOfMonth) || p.dayOfMonth < 1 || p.dayOfMonth > 28) throw new InvalidPledge();
  const today = localDate(now, tz);
  const start = Number(today.slice(8, 10)) < p.dayOfMonth ? monthOf(today) : nextMonth(monthOf(today));
  return db.transaction().execute(async (trx) => {
    if ((await store.activePledgesOf(trx, userId)).length > 0) throw new AlreadyPledged();
    const id = await store.insertPledge(trx, {
      user_id: userId,
      partner_id: p.partnerId ?? null,
      amount_fen: p.amountFen,
      day_of_month: p.dayOfMonth,
      show_name: p.showName ? 1 : 0,
      start_month: start,
      created_at: now.toISOString(),
      cancelled_at: null,
    });
    return id;
  });
}

export async function cancelPledge(db: Db, userId: number, pledgeId: number, now: Date): Promise<void> {
  const p = await store.findPledge(db, pledgeId);
  // Someone else's pledge looks exactly like a missing one.
  if (!p || p.user_id !== userId || p.status !== 'active') throw new PledgeNotFound();
  await store.cancelPledge(db, pledgeId, now.toISOString());
}

export const activePledgesOf = (db: DbOrTx, userId: number) => store.activePledgesOf(db, userId);
export const unconfirmedMonths = (db: DbOrTx, limit = 20) => store.unconfirmedMonths(db, limit);

/** Catch-up: queues this month's reminder for every pledge whose day has come and that was not reminded yet. */
export async function remindDuePledges(db: Db, now: Date, tz: string): Promise<number> {
  const today = localDate(now, tz);
  const day = Number(today.slice(8, 10)) - (localTime(now, tz) < PLEDGE_REMIND_TIME ? 1 : 0);
  const month = monthOf(today);
  if (day < 1) return 0;
  return db.transaction().execute(async (trx) => {
    const due = await store.pledgesDue(trx, month, day);
    for (const p of due) {
      await store.insertPledgeMonth(trx, p.id, month, now.toISOString());
      await enqueue(
        trx,
        [
          {
            dedupeKey: `fund:pledge-remind:${p.id}:${month}`,
            chatId: p.user_id,
            userId: p.user_id,
            category: 'personal',
            content: {
              key: 'fund.pledge.reminder',
              params: { amount: formatYuan(p.amount_fen), month },
              buttons: [[{ key: 'fund.pledge.cancelButton', data: CB.pledgeCancel(p.id) }]],
            },
          },
        ],
        now,
      );
    }
    return due.length;
  });
}

/** Staff confirm that a month's pledged money arrived: records the income entry and thanks the donor, once. */
export async function confirmPledgeMonth(
  db: Db,
  actorId: number,
  pledgeId: number,
  month: string,
  now: Date,
  tz: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const pledge = await store.findPledge(trx, pledgeId);
    const pm = await store.findPledgeMonth(trx, pledgeId, month);
    if (!pledge || !pm) throw new PledgeNotFound();
    if (pm.entry_id !== null) throw new PledgeConfirmed();
    const donor =
      pledge.partner_id !== null
        ? { kind: 'partner' as const, partnerId: pledge.partner_id, public: pledge.show_name === 1 }
        : { kind: 'resident' as const, name: null, userId: pledge.user_id, public: pledge.show_name === 1 };
    const row = await entryRow(
      trx,
      actorId,
      {
        direction: 'income',
        kind: 'monthly',
        amountFen: pledge.amount_fen,
        date: localDate(now, tz),
        donor,
        restrictedTo: null,
        note: `月月捐 ${month}`,
      },
      { source: 'pledge', pledgeId, ref: `pledge:${pledgeId}:${month}` },
      now,
      tz,
    );
    const entryId = await store.insertEntry(trx, row);
    if (!(await store.confirmPledgeMonth(trx, pledgeId, month, entryId, actorId, now.toISOString())))
      throw new PledgeConfirmed();
    await recordAudit(
      trx,
      {
        actorId,
        action: 'fund.pledge.confirm',
        subject: `pledge:${pledgeId}`,
        details: { month, entry: entryId, fen: pledge.amount_fen },
      },
      now,
    );
    await enqueue(
      trx,
      [
        {
          dedupeKey: `fund:pledge-thanks:${pledgeId}:${month}`,
          chatId: pledge.user_id,
          userId: pledge.user_id,
          category: 'personal',
          content: { key: 'fund.pledge.thanks', params: { amount: formatYuan(pledge.amount_fen), month } },
        },
      ],
      now,
    );
    return entryId;
  });
}
