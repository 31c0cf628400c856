import type { Config } from '../../config';
import type { DbOrTx } from '../../db/schema';
import { enqueue, type OutButton, type OutContent, type OutMessage, type Params } from '../delivery/service';
import { usersWithRole } from '../residents/service';
import { CB } from './callbacks';
import type { PetitionRow } from './store';
import * as store from './store';

/** What the rules of this area depend on, read once from config (tests pass their own). */
export interface Policy {
  ackDays: number;
  answerDays: number;
  /** New petitions one resident may file per calendar day. */
  dailyLimit: number;
  timezone: string;
  staffChatId?: number;
}

// Not in config yet (see the report to the lead): three a day stops a flood without stopping a real complainant.
export const DEFAULT_DAILY_LIMIT = 3;

export const policyFrom = (config: Config): Policy => ({
  ackDays: config.PETITION_ACK_DAYS,
  answerDays: config.PETITION_ANSWER_DAYS,
  dailyLimit: DEFAULT_DAILY_LIMIT,
  timezone: config.TIMEZONE,
  staffChatId: config.STAFF_CHAT_ID,
});

/** Status changes to one follower closer together than this are folded into one digest message. */
export const DIGEST_MS = 3_600_000;

interface Recipient {
  chatId: number;
  userId: number | null;
}

/** Staff chat if configured, else every staff member and admin. */
export async function staffRecipients(db: DbOrTx, policy: Policy): Promise<Recipient[]> {
  if (policy.staffChatId !== undefined) return [{ chatId: policy.staffChatId, userId: null }];
  const ids = new Set([...(await usersWithRole(db, 'staff')), ...(await usersWithRole(db, 'admin'))].map((u) => u.id));
  return [...ids].sort((a, b) => a - b).map((id) => ({ chatId: id, userId: id }));
}

/** Deputies assigned to the petition's community and category; staff when there are none. */
export async function handlerRecipients(db: DbOrTx, p: PetitionRow, policy: Policy): Promise<Recipient[]> {
  const deputies = p.community_id === null ? [] : await store.deputiesFor(db, p.community_id, p.category);
  if (deputies.length) return deputies.map((id) => ({ chatId: id, userId: id }));
  return staffRecipients(db, policy);
}

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

/** Queues one message per recipient; `key` + chat id makes each unique so a retry never sends twice. */
export async function send(
  trx: DbOrTx,
  to: Recipient[],
  key: string,
  content: OutContent,
  category: OutMessage['category'],
  now: Date,
): Promise<number> {
  return enqueue(
    trx,
    to.map((r) => ({ dedupeKey: `${key}:${r.chatId}`, chatId: r.chatId, userId: r.userId, category, content })),
    now,
  );
}

export const toHandlers = async (
  trx: DbOrTx,
  p: PetitionRow,
  policy: Policy,
  key: string,
  content: OutContent,
  now: Date,
) => send(trx, await handlerRecipients(trx, p, policy), key, content, 'staff', now);

export const toStaff = async (trx: DbOrTx, policy: Policy, key: string, content: OutContent, now: Date) =>
  send(trx, await staffRecipients(trx, policy), key, content, 'staff', now);

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

/**
 * Tells the petitioner and co-signers. A follower told less than an hour ago gets one digest at the end of
 * that hour instead of a message per change; the digest points to the timeline, which is always current.
 */
export async function toFollowers(trx: DbOrTx, p: PetitionRow, n: FollowerNotice, now: Date): Promise<void> {
  const at = now.toISOString();
  const view: OutButton[][] = [[{ key: 'petitions.btn.timeline', data: CB.view(p.id) }]];
  const rows: OutMessage[] = [];
  for (const f of await store.followersOf(trx, p.id)) {
    if (f.user_id === n.exceptUserId || (n.ownerOnly && f.kind !== 'owner')) continue;
    const buttons = [...(f.kind === 'owner' ? (n.ownerButtons ?? []) : []), ...view];
    if (n.digest && f.digest_at !== null && f.digest_at > at) continue; // the pending digest covers it
    if (n.digest && f.last_notice_at !== null && now.getTime() - Date.parse(f.last_notice_at) < DIGEST_MS) {
      const digestAt = new Date(Date.parse(f.last_notice_at) + DIGEST_MS);
      rows.push({
        dedupeKey: `petitions:digest:${p.id}:${f.user_id}:${digestAt.toISOString()}`,
        chatId: f.user_id,
        userId: f.user_id,
        category: 'personal',
        notBefore: digestAt,
        content: { key: 'petitions.note.digest', params: { id: p.id }, buttons: view },
      });
      await store.updateFollower(trx, p.id, f.user_id, {
        digest_at: digestAt.toISOString(),
        last_notice_at: digestAt.toISOString(),
      });
      continue;
    }
    rows.push({
      dedupeKey: `petitions:event:${n.eventId}:${f.user_id}`,
      chatId: f.user_id,
      userId: f.user_id,
      category: 'personal',
      content: { key: n.key, params: n.params, buttons },
    });
    await store.updateFollower(trx, p.id, f.user_id, { last_notice_at: at });
  }
  await enqueue(trx, rows, now);
}
