import { displayName } from '../../../core/names';
import { localDate, localTime } from '../../../core/time';
import { runDone } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import { AlreadyPledged, InvalidPledge, PledgeConfirmed, PledgeNotFound } from '../errors';
import { monthOf, nextMonth } from '../ledger';
import { formatYuan, MAX_FEN } from '../money';
import { fundPolicy } from '../policy';
import * as store from '../store';
import type { Done, LedgerService } from './ledger';
import type { FundPartners } from './ports';

export interface PledgeInput {
  amountFen: number;
  dayOfMonth: number;
  showName: boolean;
  partnerId?: number | null;
}

/**
 * Monthly pledges (月月捐). There is no online payment: the fund reminds the donor on their day, they hand the money
 * over, and staff confirm receipt, which records the income and thanks the donor.
 */
export function createPledgesService(
  { db, clock, config, identity, outbox }: Pick<Platform, 'db' | 'clock' | 'config' | 'identity' | 'outbox'>,
  ledger: LedgerService,
  partners: FundPartners,
) {
  const tz = config.TIMEZONE;

  return {
    /** The user's active pledge, if any (one at a time). */
    activePledgeOf: async (userId: number) => (await store.activePledgesOf(db, userId))[0],

    /** The first reminder is this month if the day is still ahead, else next month. Ends the pledge flow. */
    async createPledge(userId: number, p: PledgeInput, done?: Done<{ id: number }>): Promise<number> {
      if (!Number.isInteger(p.amountFen) || p.amountFen <= 0 || p.amountFen > MAX_FEN) throw new InvalidPledge();
      const lastDay = fundPolicy.pledgeLastDay;
      if (!Number.isInteger(p.dayOfMonth) || p.dayOfMonth < 1 || p.dayOfMonth > lastDay) throw new InvalidPledge();
      const now = clock.now();
      const today = localDate(now, tz);
      const start = Number(today.slice(8, 10)) < p.dayOfMonth ? monthOf(today) : nextMonth(monthOf(today));
      return db.transaction().execute(async (trx) => {
        if ((await store.activePledgesOf(trx, userId)).length > 0) throw new AlreadyPledged();
        const id = await store.insertPledge(trx, {
          userId,
          partnerId: p.partnerId ?? null,
          amountFen: p.amountFen,
          dayOfMonth: p.dayOfMonth,
          showName: p.showName,
          startMonth: start,
          createdAt: now.toISOString(),
        });
        await runDone(trx, done, { id });
        return id;
      });
    },

    async cancelPledge(userId: number, pledgeId: number): Promise<void> {
      const p = await store.findPledge(db, pledgeId);
      // Someone else's pledge looks exactly like a missing one.
      if (!p || p.userId !== userId || p.status !== 'active') throw new PledgeNotFound();
      await store.cancelPledge(db, pledgeId, clock.now().toISOString());
    },

    /** Catch-up: queues this month's reminder for every pledge whose day has come and that was not reminded yet. */
    async remindDuePledges(now = clock.now()): Promise<number> {
      const today = localDate(now, tz);
      const day = Number(today.slice(8, 10)) - (localTime(now, tz) < fundPolicy.pledgeRemindTime ? 1 : 0);
      const month = monthOf(today);
      if (day < 1) return 0;
      // Most runs find nothing: one read through the active pledges' index, and no transaction at all.
      if ((await store.pledgesDue(db, month, day)).length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        const due = await store.pledgesDue(trx, month, day);
        for (const p of due) await store.insertPledgeMonth(trx, p.id, month, now.toISOString());
        await outbox.enqueue(
          trx,
          due.map((p) => ({
            dedupeKey: `fund:pledge-remind:${p.id}:${month}`,
            chatId: p.userId,
            userId: p.userId,
            category: 'personal' as const,
            content: {
              key: 'fund.pledge.reminder',
              params: { amount: formatYuan(p.amountFen), month },
              buttons: [[{ key: 'fund.pledge.cancelButton', data: CB.pledgeCancel(p.id) }]],
            },
          })),
          now,
        );
        return due.length;
      });
    },

    /**
     * Active pledges a page at a time, each with the donor's name as staff know them and where this month stands
     * (where the deployment is): 'ahead' (its day has not come), 'waiting' (reminded, not received), 'received'.
     */
    async pledgeBoard(page: number, size: number) {
      const month = monthOf(localDate(clock.now(), tz));
      const { pledges, total } = await store.activePledges(db, month, size, Math.max(0, page) * size);
      const names = await partners.partnerNames(pledges.flatMap((m) => (m.partnerId === null ? [] : [m.partnerId])));
      const users = new Map((await identity.users(pledges.map((m) => m.userId))).map((u) => [u.id, u]));
      const rows = pledges.map((p) => {
        const user = users.get(p.userId);
        const name = (p.partnerId !== null && names.get(p.partnerId)) || (user ? displayName(user) : String(p.userId));
        const state = p.entryId !== null ? 'received' : p.remindedAt !== null ? 'waiting' : 'ahead';
        return { ...p, name, state: state as 'ahead' | 'waiting' | 'received' };
      });
      return { month, pledges: rows, total, pages: Math.max(1, Math.ceil(total / size)) };
    },

    /** Pledged months reminded and not yet received, with the donor's name as staff know them. */
    async pendingMonths(limit: number = fundPolicy.pendingPledges) {
      const months = await store.unconfirmedMonths(db, limit);
      const names = await partners.partnerNames(months.flatMap((m) => (m.partnerId === null ? [] : [m.partnerId])));
      const users = new Map((await identity.users(months.map((m) => m.userId))).map((u) => [u.id, u]));
      return months.map((m) => {
        const user = users.get(m.userId);
        const name = (m.partnerId !== null && names.get(m.partnerId)) || (user ? displayName(user) : String(m.userId));
        return { ...m, name };
      });
    },

    /** Staff confirm that a month's pledged money arrived: records the income entry and thanks the donor, once. */
    async confirmMonth(actorId: number, pledgeId: number, month: string): Promise<number> {
      const now = clock.now();
      const pledge = await store.findPledge(db, pledgeId);
      if (!pledge) throw new PledgeNotFound();
      const donor =
        pledge.partnerId !== null
          ? { kind: 'partner' as const, partnerId: pledge.partnerId, public: pledge.showName }
          : { kind: 'resident' as const, name: null, userId: pledge.userId, public: pledge.showName };
      const entry = await ledger.check(
        actorId,
        {
          direction: 'income',
          kind: 'monthly',
          amountFen: pledge.amountFen,
          date: localDate(now, tz),
          donor,
          restrictedTo: null,
          note: `月月捐 ${month}`,
        },
        { source: 'pledge', pledgeId, ref: `pledge:${pledgeId}:${month}` },
        now,
      );
      return db.transaction().execute(async (trx) => {
        const pm = await store.findPledgeMonth(trx, pledgeId, month);
        if (!pm) throw new PledgeNotFound();
        // Confirmed already (a second tap, another staff member, or Telegram redelivering the press): nothing again.
        if (pm.entryId !== null) throw new PledgeConfirmed(pm.entryId);
        const entryId = await store.insertEntry(trx, entry);
        const at = now.toISOString();
        if (!(await store.confirmPledgeMonth(trx, { pledgeId, month, entryId, by: actorId, at })))
          throw new PledgeConfirmed((await store.findPledgeMonth(trx, pledgeId, month))?.entryId ?? entryId);
        await recordAudit(
          trx,
          {
            actorId,
            action: 'fund.pledge.confirm',
            subject: `pledge:${pledgeId}`,
            details: { month, entry: entryId, fen: pledge.amountFen },
          },
          now,
        );
        await outbox.enqueue(
          trx,
          [
            {
              dedupeKey: `fund:pledge-thanks:${pledgeId}:${month}`,
              chatId: pledge.userId,
              userId: pledge.userId,
              category: 'personal',
              content: { key: 'fund.pledge.thanks', params: { amount: formatYuan(pledge.amountFen), month } },
            },
          ],
          now,
        );
        return entryId;
      });
    },
  };
}
