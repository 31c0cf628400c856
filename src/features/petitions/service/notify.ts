import type { DbOrTx } from '../../../db/schema';
import type { OutButton, OutContent, OutMessage, Params } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import { DIGEST_MS, type PetitionsPolicy } from '../policy';
import type { Petition } from '../store';
import * as store from '../store';
import { type CardFacts, cardContent, cardKey } from './card';

export { handlerButtons } from './card';

export interface Recipient {
  chatId: number;
  userId: number | null;
}

export interface FollowerNotice {
  eventId: number;
  key: string;
  params: Params;
  /**
   * Status changes may be folded into an hourly digest (saying where the petition stands then, in words); answers and
   * questions never are.
   */
  digest: boolean;
  /** Buttons only the petitioner gets (the feedback question, "add information"). */
  ownerButtons?: OutButton[][];
  ownerOnly?: boolean;
  exceptUserId?: number;
}

/** Who handles what, looked up once per run of a job (or per change): staff, deputies and their assignments. */
export interface Recipients {
  staff(): Promise<Recipient[]>;
  handlers(p: Petition): Promise<Recipient[]>;
  /** The deputies (still holding the role) who answer for the petition's area; none: it goes to staff. */
  deputies(p: Pick<Petition, 'communityId' | 'category'>): Promise<number[]>;
  /** Whether anyone holding the deputy role answers for any part of the community. */
  anyDeputyIn(communityId: number): Promise<boolean>;
}

export type Notifier = ReturnType<typeof createNotifier>;

/** Who hears of what: the deputies of a petition, staff, the petitioner and co-signers — all through the outbox. */
export function createNotifier({
  identity,
  outbox,
  policy,
}: Pick<Platform, 'identity' | 'outbox'> & { policy: PetitionsPolicy }) {
  /** Shared facts read once, in the caller's transaction, however many petitions it goes through. */
  function recipients(trx: DbOrTx): Recipients {
    let staff: Promise<Recipient[]> | undefined;
    let deputies: Promise<Set<number>> | undefined;
    const assigned = new Map<string, Promise<number[]>>();
    const staffOnce = () => {
      staff ??=
        policy.staffChatId !== undefined
          ? Promise.resolve([{ chatId: policy.staffChatId, userId: null }])
          : identity.staffAndAdmins(trx).then((us) => us.map((u) => ({ chatId: u.id, userId: u.id })));
      return staff;
    };
    const holding = () => {
      deputies ??= identity.withRoles(['deputy'], trx).then((us) => new Set(us.map((u) => u.id)));
      return deputies;
    };
    async function deputiesOf(p: Pick<Petition, 'communityId' | 'category'>) {
      if (p.communityId === null) return [];
      const key = `${p.communityId}:${p.category}`;
      if (!assigned.has(key)) assigned.set(key, store.assignedTo(trx, p.communityId, p.category));
      const ids = (await assigned.get(key))!;
      if (ids.length === 0) return [];
      const held = await holding();
      return ids.filter((id) => held.has(id));
    }
    return {
      staff: staffOnce,
      deputies: deputiesOf,
      /** Deputies (still holding the role) assigned to the community and category; staff when there are none. */
      async handlers(p) {
        const mine = await deputiesOf(p);
        return mine.length ? mine.map((id) => ({ chatId: id, userId: id })) : staffOnce();
      },
      async anyDeputyIn(communityId) {
        const held = await holding();
        return (await store.assignedInCommunity(trx, communityId)).some((id) => held.has(id));
      },
    };
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
   * The petition's card, in its new state, in every handler's chat: each edits the card first forwarded there
   * (`replaces`), so nobody holds a card that says "please acknowledge" after it was acknowledged.
   */
  async function updateCards(trx: DbOrTx, p: Petition, facts: CardFacts, eventId: number, now: Date) {
    const content = await cardContent(trx, p, facts, policy.timezone);
    const rows: OutMessage[] = (await recipients(trx).handlers(p)).map((r) => ({
      dedupeKey: `petitions:card:${p.id}:${eventId}:${r.chatId}`,
      chatId: r.chatId,
      userId: r.userId,
      category: 'staff',
      content: { ...content, replaces: cardKey(p.id, r.chatId) } as OutContent,
    }));
    await outbox.enqueue(trx, rows, now);
  }

  /**
   * Tells the petitioner and co-signers. A follower told less than an hour ago gets one digest at the end of that
   * hour instead of a message per change; a later change in that hour updates the pending digest in place, so it
   * always says where the petition stands.
   */
  async function toFollowers(trx: DbOrTx, p: Petition, n: FollowerNotice, now: Date): Promise<void> {
    const at = now.toISOString();
    const view: OutButton[][] = [[{ key: 'petitions.btn.timeline', data: CB.view(p.id) }]];
    const rows: OutMessage[] = [];
    for (const f of await store.followersOf(trx, p.id)) {
      if (f.userId === n.exceptUserId || (n.ownerOnly && f.kind !== 'owner')) continue;
      const buttons = [...(f.kind === 'owner' ? (n.ownerButtons ?? []) : []), ...view];
      const pending = f.digestAt !== null && f.digestAt > at;
      const recent = f.lastNoticeAt !== null && now.getTime() - Date.parse(f.lastNoticeAt) < DIGEST_MS;
      if (n.digest && (pending || recent)) {
        const digestAt = pending ? f.digestAt! : new Date(Date.parse(f.lastNoticeAt!) + DIGEST_MS).toISOString();
        const dedupeKey = `petitions:digest:${p.id}:${f.userId}:${digestAt}${pending ? `:${n.eventId}` : ''}`;
        const replaces = pending && f.digestKey ? { replaces: f.digestKey } : {};
        rows.push({
          dedupeKey,
          chatId: f.userId,
          userId: f.userId,
          category: 'personal',
          notBefore: new Date(digestAt),
          content: { key: 'petitions.note.digest', params: n.params, buttons: view, ...replaces },
        });
        await store.setNoticeTimes(trx, p.id, f.userId, { lastNoticeAt: digestAt, digestAt, digestKey: dedupeKey });
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
    recipients,
    updateCards,
    toFollowers,
    toHandlers: async (trx: DbOrTx, p: Petition, key: string, content: OutContent, now: Date) =>
      send(trx, await recipients(trx).handlers(p), key, content, 'staff', now),
    toStaff: async (trx: DbOrTx, key: string, content: OutContent, now: Date) =>
      send(trx, await recipients(trx).staff(), key, content, 'staff', now),
  };
}
