import { localDate, localTime } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { enqueue, type OutMessage } from '../delivery/service';
import { monthOf } from './calendar';
import { AlreadyCollected, CodeNotFound, InvalidInput, RecipientInactive, RecipientNotFound } from './errors';
import { cleanName } from './roster';
import { festivalsFor } from './settings';
import type { PickupRow, RecipientRow } from './store';
import * as store from './store';

export const SEARCH_LIMIT = 20;

export const monthAt = (now: Date, tz: string) => monthOf(localDate(now, tz));
/** "2025-06-05 09:12" in the deployment's time zone. */
export const localStamp = (iso: string, tz: string) =>
  `${localDate(new Date(iso), tz)} ${localTime(new Date(iso), tz)}`;

export type Found = { kind: 'code'; recipient: RecipientRow } | { kind: 'list'; recipients: RecipientRow[] };

/**
 * What staff type at the desk: a 6-digit pickup code (this month's), the last 4 digits of a phone, or part of
 * a name. A code that is not this month's is refused rather than guessed at.
 */
export async function findForCheckin(db: DbOrTx, query: string, now: Date, tz: string): Promise<Found> {
  const q = query.trim();
  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{6}$/.test(digits)) {
    const r = await store.recipientByCode(db, monthAt(now, tz), digits);
    if (!r) throw new CodeNotFound();
    return { kind: 'code', recipient: r };
  }
  if (/^\d{4}$/.test(digits))
    return { kind: 'list', recipients: await store.searchByPhoneTail(db, digits, SEARCH_LIMIT) };
  const name = cleanName(q);
  if (!name || /^\d+$/.test(digits)) throw new InvalidInput('Search');
  return { kind: 'list', recipients: await store.searchByName(db, name, SEARCH_LIMIT) };
}

export const pickupOf = (db: DbOrTx, recipientId: number, month: string) => store.findPickup(db, recipientId, month);

const staffName = (u: { staff_first: string | null; staff_last: string | null } | undefined) =>
  [u?.staff_first, u?.staff_last].filter(Boolean).join(' ') || '?';

async function refuseSecond(db: DbOrTx, r: RecipientRow, month: string, tz: string): Promise<never> {
  const first = (await store.pickupsOfMonth(db, month)).find((x) => x.recipient_id === r.id)!;
  throw new AlreadyCollected({
    name: r.name,
    at: localStamp(first.collected_at, tz),
    staff: staffName(first),
    proxy: first.proxy_name,
  });
}

export interface CheckinBy {
  proxyId?: number;
  proxyName?: string;
}

/**
 * Records this month's pickup. A second one in the same month is refused with who checked in the first and
 * when; the unique constraint makes two desks pressing at once end the same way.
 */
export async function checkIn(
  db: Db,
  staffId: number,
  recipientId: number,
  by: CheckinBy,
  method: 'code' | 'search',
  now: Date,
  tz: string,
): Promise<PickupRow & { recipientName: string }> {
  const month = monthAt(now, tz);
  return db.transaction().execute(async (trx) => {
    const r = await store.findRecipient(trx, recipientId);
    if (!r) throw new RecipientNotFound();
    if (!r.active) throw new RecipientInactive(r.name);
    if (await store.findPickup(trx, r.id, month)) await refuseSecond(trx, r, month, tz);
    let proxyId: number | null = null;
    let proxyName: string | null = null;
    if (by.proxyId !== undefined) {
      const p = await store.findProxy(trx, by.proxyId);
      if (!p || p.recipient_id !== r.id || !p.active) throw new RecipientNotFound();
      proxyId = p.id;
      proxyName = p.name;
    } else if (by.proxyName !== undefined) {
      proxyName = cleanName(by.proxyName) ?? null;
      if (proxyName === null) throw new InvalidInput('Name');
    }
    const s = await store.getSettings(trx);
    const festival = (await festivalsFor(trx, month, s)).length > 0 ? 1 : 0;
    const row = {
      recipient_id: r.id,
      month,
      collected_at: now.toISOString(),
      staff_id: staffId,
      proxy_id: proxyId,
      proxy_name: proxyName,
      festival_extras: festival,
      method,
    };
    if (!(await store.insertPickup(trx, row))) await refuseSecond(trx, r, month, tz);
    await recordAudit(
      trx,
      {
        actorId: staffId,
        action: 'relief.checkin',
        subject: `relief_recipient:${r.id}`,
        details: { month, method, proxy: proxyName },
      },
      now,
    );
    // The person and their proxies hear of it: a pickup they did not make is something they should know about.
    const to = new Set<number>([
      ...(r.user_id === null ? [] : [r.user_id]),
      ...(await store.proxiesOf(trx, r.id)).flatMap((p) => (p.user_id === null ? [] : [p.user_id])),
    ]);
    const when = localStamp(row.collected_at, tz);
    await enqueue(
      trx,
      [...to].map(
        (uid): OutMessage => ({
          dedupeKey: `relief:collected:${month}:${r.id}:${uid}`,
          chatId: uid,
          userId: uid,
          category: 'personal' as const,
          content:
            proxyName === null
              ? { key: 'relief.notify.collected', params: { name: r.name, at: when } }
              : { key: 'relief.notify.collectedByProxy', params: { name: r.name, at: when, proxy: proxyName } },
        }),
      ),
      now,
    );
    const saved = (await store.findPickup(trx, r.id, month))!;
    return { ...saved, recipientName: r.name };
  });
}

/** "Will come later this week", from the no-show message; staff see it in the next-morning summary. */
export async function promiseLater(
  db: Db,
  userId: number,
  recipientId: number,
  month: string,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (await store.findPickup(trx, recipientId, month)) return false;
    await store.insertLater(trx, month, recipientId, userId, now.toISOString());
    return true;
  });
}
