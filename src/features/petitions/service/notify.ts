import type { DbOrTx } from '../../../db/schema';
import type { OutButton, OutContent, OutMessage, Params } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import { DIGEST_MS, type PetitionsPolicy } from '../policy';
import type { Petition } from '../store';
import * as store from '../store';

interface Recipient {
  chatId: number;
  userId: number | null;
}

/** The deputy's buttons under a forwarded petition (and its reminders). */
export const handlerButtons = (id: number): OutButton[][] => [
  [
    { key: 'petitions.btn.ack', data: CB.ack(id) },
    { key: 'petitions.btn.askInfo', data: CB.askInfo(id) },
  ],
  [
    { key: 'petitions.btn.status', data: CB.statusMenu(id) },
    { key: 'petitions.btn.reply', data: CB.reply(id) },
  ],
  [{ key: 'petitions.btn.details', data: CB.handle(id) }],
];

export interface FollowerNotice {
  eventId: number;
  key: string;
  params: Params;
  /** Status changes may be folded into an hourly digest; answers and questions never are. */
  digest: boolean;
  /** Buttons only the petitioner gets (the feedback question, "add information"). */
  ownerButtons?: OutButton[][];
  ownerOnly?: boolean;
  exceptUserId?: number;
}

export type Notifier = ReturnType<typeof createNotifier>;

/** Who hears of what: the deputies of a petition, staff, the petitioner and co-signers — all through the outbox. */
export function createNotifier({
  identity,
  outbox,
  policy,
}: Pick<Platform, 'identity' | 'outbox'> & { policy: PetitionsPolicy }) {
  /** The staff chat if configured, else every staff member and admin. */
  async function staffRecipients(trx: DbOrTx): Promise<Recipient[]> {
    if (policy.staffChatId !== undefined) return [{ chatId: policy.staffChatId, userId: null }];
    return (await identity.staffAndAdmins(trx)).map((u) => ({ chatId: u.id, userId: u.id }));
  }

  /** Deputies (still holding the role) assigned to the petition's community and category; staff when there are none. */
  async function handlerRecipients(trx: DbOrTx, p: Petition): Promise<Recipient[]> {
    const assigned = p.communityId === null ? [] : await store.assignedTo(trx, p.communityId, p.category);
    const deputies = new Set(assigned.length ? (await identity.withRoles(['deputy'], trx)).map((u) => u.id) : []);
    const ids = assigned.filter((id) => deputies.has(id));
    if (ids.length) return ids.map((id) => ({ chatId: id, userId: id }));
    return staffRecipients(trx);
  }

  /** Queues one message per recipient; `key` + chat id makes each unique so a retry never sends twice. */
  const send = (
    trx: DbOrTx,
    to: Recipient[],
    key: string,
    content: OutContent,
    category: OutMessage['category'],
    now: Date,
  ) =>
    outbox.enqueue(
      trx,
      to.map((r) => ({ dedupeKey: `${key}:${r.chatId}`, chatId: r.chatId, userId: r.userId, category, content })),
      now,
    );

  /**
   * Tells the petitioner and co-signers. A follower told less than an hour ago gets one digest at the end of
   * that hour instead of a message per change; the digest points to the timeline, which is always current.
   */
  async function toFollowers(trx: DbOrTx, p: Petition, n: FollowerNotice, now: Date): Promise<void> {
    const at = now.toISOString();
    const view: OutButton[][] = [[{ key: 'petitions.btn.timeline', data: CB.view(p.id) }]];
    const rows: OutMessage[] = [];
    for (const f of await store.followersOf(trx, p.id)) {
      if (f.userId === n.exceptUserId || (n.ownerOnly && f.kind !== 'owner')) continue;
      const buttons = [...(f.kind === 'owner' ? (n.ownerButtons ?? []) : []), ...view];
      if (n.digest && f.digestAt !== null && f.digestAt > at) continue; // the pending digest covers it
      if (n.digest && f.lastNoticeAt !== null && now.getTime() - Date.parse(f.lastNoticeAt) < DIGEST_MS) {
        const digestAt = new Date(Date.parse(f.lastNoticeAt) + DIGEST_MS).toISOString();
        rows.push({
          dedupeKey: `petitions:digest:${p.id}:${f.userId}:${digestAt}`,
          chatId: f.userId,
          userId: f.userId,
          category: 'personal',
          notBefore: new Date(digestAt),
          content: { key: 'petitions.note.digest', params: { id: p.id }, buttons: view },
        });
        await store.setNoticeTimes(trx, p.id, f.userId, { lastNoticeAt: digestAt, digestAt });
        continue;
      }
      rows.push({
        dedupeKey: `petitions:event:${n.eventId}:${f.userId}`,
        chatId: f.userId,
        userId: f.userId,
        category: 'personal',
        content: { key: n.key, params: n.params, buttons },
      });
      await store.setNoticeTimes(trx, p.id, f.userId, { lastNoticeAt: at });
    }
    await outbox.enqueue(trx, rows, now);
  }

  return {
    send,
    toFollowers,
    handlerRecipients,
    staffRecipients,
    toHandlers: async (trx: DbOrTx, p: Petition, key: string, content: OutContent, now: Date) =>
      send(trx, await handlerRecipients(trx, p), key, content, 'staff', now),
    toStaff: async (trx: DbOrTx, key: string, content: OutContent, now: Date) =>
      send(trx, await staffRecipients(trx), key, content, 'staff', now),
  };
}
