import { displayName } from '../../../core/names';
import type { DbOrTx } from '../../../db/schema';
import { runDone } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { OutMessage } from '../../../outbox/service';
import { AlreadyCollected, CodeNotFound, InvalidInput, RecipientInactive, RecipientNotFound } from '../errors';
import { localStamp, monthAt } from '../months';
import { SEARCH_LIMIT } from '../policy';
import { cleanName, parseProxyName } from '../recipients';
import type { Pickup, Recipient } from '../store';
import * as store from '../store';
import type { Done, ReliefDeps } from './deps';
import { mayAct } from './linking';
import { festivalsFor } from './settings';

export type Found = { kind: 'code'; recipient: Recipient } | { kind: 'list'; recipients: Recipient[] };

/** Who collected: the recipient (neither), a proxy on record, or someone the desk names. */
export interface CheckinBy {
  proxyId?: number;
  proxyName?: string;
}

export type Checkin = Pickup & { recipientName: string };

/** The desk: finding the person and recording this month's pickup, once. */
export function checkinService({ db, clock, identity, outbox, policy }: ReliefDeps) {
  const tz = policy.timezone;

  async function alreadyCollected(r: Recipient, first: Pickup): Promise<AlreadyCollected> {
    const staff = await identity.user(first.staffId);
    return new AlreadyCollected({
      name: r.name,
      at: localStamp(first.collectedAt, tz),
      staff: (staff && displayName(staff)) || '?',
      proxy: first.proxyName,
    });
  }

  /** The person and their proxies hear of it: a pickup they did not make is something they should know about. */
  async function notices(trx: DbOrTx, r: Recipient, p: Omit<Pickup, 'id'>): Promise<OutMessage[]> {
    const proxies = await store.proxiesOf(trx, r.id);
    const to = new Set<number>([
      ...(r.userId === null ? [] : [r.userId]),
      ...proxies.flatMap((x) => (x.userId === null ? [] : [x.userId])),
    ]);
    const at = localStamp(p.collectedAt, tz);
    return [...to].map(
      (uid): OutMessage => ({
        dedupeKey: `relief:collected:${p.month}:${r.id}:${uid}`,
        chatId: uid,
        userId: uid,
        category: 'personal',
        content:
          p.proxyName === null
            ? { key: 'relief.notify.collected', params: { name: r.name, at } }
            : { key: 'relief.notify.collectedByProxy', params: { name: r.name, at, proxy: p.proxyName } },
      }),
    );
  }

  return {
    /**
     * What staff type at the desk: a 6-digit pickup code (this month's), the last 4 digits of a phone, or part of
     * a name. A code that is not this month's is refused rather than guessed at.
     */
    async findForCheckin(query: string): Promise<Found> {
      const q = query.trim();
      const digits = q.replace(/[\s-]/g, '');
      if (/^\d{6}$/.test(digits)) {
        const r = await store.recipientByCode(db, monthAt(clock.now(), tz), digits);
        if (!r) throw new CodeNotFound();
        return { kind: 'code', recipient: r };
      }
      if (/^\d{4}$/.test(digits))
        return { kind: 'list', recipients: await store.searchByPhoneTail(db, digits, SEARCH_LIMIT) };
      const name = cleanName(q);
      if (!name || /^\d+$/.test(digits)) throw new InvalidInput('Search');
      return { kind: 'list', recipients: await store.searchByName(db, name, SEARCH_LIMIT) };
    },

    /** A recipient as the desk sees them: this month's pickup (if any) and the proxies who may collect. */
    async deskCard(recipientId: number) {
      const recipient = await store.findRecipient(db, recipientId);
      if (!recipient) return undefined;
      const month = monthAt(clock.now(), tz);
      const pickup = await store.findPickup(db, recipientId, month);
      return { recipient, month, pickup, proxies: await store.proxiesOf(db, recipientId) };
    },

    pickupOf: (recipientId: number, month: string) => store.findPickup(db, recipientId, month),

    /**
     * Records this month's pickup. A second one in the same month is refused with who checked in the first and
     * when; the unique constraint makes two desks pressing at once end the same way.
     */
    async checkIn(
      staffId: number,
      recipientId: number,
      by: CheckinBy,
      method: 'code' | 'search',
      done?: Done<Checkin>,
    ): Promise<Checkin> {
      const now = clock.now();
      const month = monthAt(now, tz);
      type Outcome = { recipient: Recipient } & ({ refused: Pickup } | { pickup: Pickup });
      const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
        const r = await store.findRecipient(trx, recipientId);
        if (!r) throw new RecipientNotFound();
        if (!r.active) throw new RecipientInactive(r.name);
        const first = await store.findPickup(trx, r.id, month);
        if (first) return { recipient: r, refused: first };
        let proxyId: number | null = null;
        let proxyName: string | null = null;
        if (by.proxyId !== undefined) {
          const p = await store.findProxy(trx, by.proxyId);
          if (!p || p.recipientId !== r.id || !p.active) throw new RecipientNotFound();
          proxyId = p.id;
          proxyName = p.name;
        } else if (by.proxyName !== undefined) proxyName = parseProxyName(by.proxyName);
        const festival = (await festivalsFor(trx, month, await store.getSettings(trx))).length > 0;
        const pickup = {
          recipientId: r.id,
          month,
          collectedAt: now.toISOString(),
          staffId,
          proxyId,
          proxyName,
          festivalExtras: festival,
          method,
        };
        if (!(await store.insertPickup(trx, pickup)))
          return { recipient: r, refused: (await store.findPickup(trx, r.id, month))! };
        const details = { month, method, proxy: proxyName };
        const subject = `relief_recipient:${r.id}`;
        await recordAudit(trx, { actorId: staffId, action: 'relief.checkin', subject, details }, now);
        await outbox.enqueue(trx, await notices(trx, r, pickup), now);
        const made = (await store.findPickup(trx, r.id, month))!;
        await runDone(trx, done, { ...made, recipientName: r.name });
        return { recipient: r, pickup: made };
      });
      // Who checked in the first one is looked up after the transaction: identity reads outside it.
      if ('refused' in outcome) throw await alreadyCollected(outcome.recipient, outcome.refused);
      return { ...outcome.pickup, recipientName: outcome.recipient.name };
    },

    /**
     * "Will come later this week", from the no-show message; staff see it in the next-morning summary. Only for
     * someone this user acts for, and only this month: anything else is a stale or forged button.
     */
    async promiseLater(userId: number, recipientId: number, month: string): Promise<'ok' | 'already' | 'expired'> {
      const now = clock.now();
      if (month !== monthAt(now, tz) || !(await mayAct(db, userId, recipientId))) return 'expired';
      return db.transaction().execute(async (trx) => {
        if (await store.findPickup(trx, recipientId, month)) return 'already';
        await store.insertLater(trx, month, recipientId, userId, now.toISOString());
        return 'ok';
      });
    },
  };
}
