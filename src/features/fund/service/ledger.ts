import { localDate } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import { runDone } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import { balancesAt, type FundBooks, type FundSummary, summaryOf } from '../books';
import { AlreadyReversed, EntryNotFound, InsufficientFunds, InvalidEntry, ReversalOfReversal } from '../errors';
import { availableFor, type EntryInput, type EntryMeta, entryOf } from '../ledger';
import { fundPolicy } from '../policy';
import * as store from '../store';
import type { FundPartners } from './ports';

/**
 * Work the caller adds to the transaction that completes its flow, told what was made: the handler ends the flow
 * there with the result (`ctx.flowEnd({ id })`), so a confirmation arriving again can say "already recorded as #N".
 * A plain TxHook fits too.
 */
export type Done<T> = (trx: DbOrTx, made: T) => Promise<void>;

/** The ledger: recording and reversing entries, and the totals everyone sees. */
export function createLedgerService(
  { db, clock, config, identity }: Pick<Platform, 'db' | 'clock' | 'config' | 'identity'>,
  partners: FundPartners,
) {
  const tz = config.TIMEZONE;

  /** A partner donor must be in the directory; asked before the transaction (the directory is another area's). */
  async function checkDonor(e: EntryInput): Promise<void> {
    if (e.direction === 'income' && e.donor.kind === 'partner' && !(await partners.partner(e.donor.partnerId)))
      throw new InvalidEntry('partner');
  }

  /** Checks an entry as the ledger would store it; throws InvalidEntry naming the field that is wrong. */
  async function check(actorId: number | null, e: EntryInput, meta: EntryMeta, now = clock.now()) {
    const entry = entryOf(actorId, e, meta, now, tz);
    await checkDonor(e);
    return entry;
  }

  /** The books by month, the first day and the founding donations: one read that every figure is computed from. */
  async function books(trx: DbOrTx = db): Promise<FundBooks> {
    const rows = await store.monthRows(trx);
    const since = await store.firstEntryDate(trx);
    return { rows, since, founding: since === null ? null : await store.founding(trx, since) };
  }

  return {
    check,
    books,
    /** Balance and totals for this month, this year and since the start, by calendar date in the deployment's zone. */
    summary: async (): Promise<FundSummary> => summaryOf(await books(), localDate(clock.now(), tz)),
    /** Partners staff can name as a donor, by name. */
    donorPartners: async () => (await partners.partners()).slice(0, fundPolicy.donorPartners),
    partner: (id: number) => partners.partner(id),

    /** Records one entry (and its audit line). Expenses may not spend money the fund does not have. */
    async record(actorId: number | null, e: EntryInput, meta: EntryMeta, done?: Done<{ id: number }>): Promise<number> {
      const now = clock.now();
      const entry = await check(actorId, e, meta, now);
      return db.transaction().execute(async (trx) => {
        if (e.direction === 'expense') {
          const available = availableFor(balancesAt(await store.monthRows(trx)), e.purpose);
          if (e.amountFen > available) throw new InsufficientFunds(available);
        }
        const id = await store.insertEntry(trx, entry);
        const details = { direction: entry.direction, kind: entry.kind, purpose: entry.purpose, fen: entry.amountFen };
        await recordAudit(
          trx,
          { actorId, action: 'fund.record', subject: `fund_entry:${id}`, details: { ...details, source: meta.source } },
          now,
        );
        await runDone(trx, done, { id });
        return id;
      });
    },

    /** A mistake is corrected by a negative mirror of the entry; the original stays as it was. */
    async reverse(
      actorId: number | null,
      entryId: number,
      reason: string,
      done?: Done<{ id: number }>,
    ): Promise<number> {
      const why = reason.trim().slice(0, fundPolicy.reverseReason.max);
      if (why === '') throw new InvalidEntry('note');
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const orig = await store.findEntry(trx, entryId);
        if (!orig) throw new EntryNotFound();
        if (orig.reversesId !== null) throw new ReversalOfReversal();
        if (await store.findReversalOf(trx, entryId)) throw new AlreadyReversed();
        const { id: _id, ...copy } = orig;
        const id = await store.insertEntry(trx, {
          ...copy,
          amountFen: -orig.amountFen,
          reversesId: orig.id,
          ref: null,
          pledgeId: null,
          note: why,
          source: 'bot',
          date: localDate(now, tz),
          recordedBy: actorId,
          recordedAt: now.toISOString(),
        });
        await recordAudit(
          trx,
          {
            actorId,
            action: 'fund.reverse',
            subject: `fund_entry:${entryId}`,
            details: { reversal: id, fen: -orig.amountFen, reason: why },
          },
          now,
        );
        await runDone(trx, done, { id });
        return id;
      });
    },

    entry: (id: number) => store.findEntry(db, id),

    /**
     * A page of the ledger, newest first, each entry with its donor's name and the reversal that corrected it;
     * narrowed in the database (the chat pages 8 at a time through everything, the console 50 through a filter).
     */
    async ledgerPage(page: number, filter: store.EntryFilter = {}, size: number = fundPolicy.ledgerPage) {
      const total = await store.countEntries(db, filter);
      const pages = Math.max(1, Math.ceil(total / size));
      const p = Math.min(Math.max(0, page), pages - 1);
      const rows = await store.listEntries(db, size, p * size, filter);
      const names = await partners.partnerNames(rows.flatMap((e) => (e.partnerId === null ? [] : [e.partnerId])));
      const who = (e: store.Entry) => (e.partnerId !== null ? names.get(e.partnerId) : undefined) ?? e.donorName ?? '';
      const entries = rows.map((e) => ({ ...e, who: who(e) }));
      return { entries, page: p, pages, total };
    },

    /** Donors who agreed to be named, net of reversals, newest gift first; everyone else stays anonymous. */
    async publicDonors(limit = 10): Promise<{ name: string; fen: number }[]> {
      const gifts = await store.publicGifts(db);
      const partnerNames = await partners.partnerNames(gifts.flatMap((g) => (g.partnerId ? [g.partnerId] : [])));
      const users = new Map(
        (await identity.users(gifts.flatMap((g) => (g.donorUserId ? [g.donorUserId] : [])))).map((u) => [u.id, u]),
      );
      const byName = new Map<string, { name: string; fen: number; last: string }>();
      for (const g of gifts) {
        const name =
          (g.partnerId && partnerNames.get(g.partnerId)) ||
          g.donorName ||
          (g.donorUserId && users.get(g.donorUserId)?.firstName);
        if (!name) continue;
        const d = byName.get(name) ?? { name, fen: 0, last: '' };
        d.fen += g.fen;
        if ((g.last ?? '') > d.last) d.last = g.last ?? '';
        byName.set(name, d);
      }
      return [...byName.values()]
        .filter((d) => d.fen > 0)
        .sort((a, b) => (a.last < b.last ? 1 : a.last > b.last ? -1 : 0))
        .slice(0, limit)
        .map(({ name, fen }) => ({ name, fen }));
    },

    isSubscribed: (userId: number) => store.isSubscribed(db, userId),
    subscribe: (userId: number) => store.subscribe(db, userId, clock.now().toISOString()),
    unsubscribe: (userId: number) => store.unsubscribe(db, userId),
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
