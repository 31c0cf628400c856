import { localDate } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { enqueue, type OutMessage } from '../delivery/service';
import { CB } from './callbacks';
import { handlerButtons, handlerRecipients, type Policy, send, staffRecipients } from './notify';
import { overdue } from './service';
import type { PetitionRow } from './store';
import * as store from './store';

const DAY_MS = 86_400_000;
/** Deputies are reminded this long before each limit. */
export const REMIND_BEFORE_MS = { ack: DAY_MS, answer: 3 * DAY_MS } as const;

/**
 * Catch-up for time limits as of `now`: remind the deputies before a limit, and once it has passed escalate to
 * staff and tell the petitioner and co-signers (with the 催办 button). Dedupe keys carry the petition's round,
 * so a reopened petition is watched again and a second run sends nothing twice.
 */
export async function checkDeadlines(db: Db, policy: Policy, now: Date): Promise<number> {
  let queued = 0;
  for (const kind of ['ack', 'answer'] as const) {
    const soon = new Date(now.getTime() + REMIND_BEFORE_MS[kind]).toISOString();
    for (const p of await store.openDueBefore(db, kind, soon)) {
      queued += await db.transaction().execute(async (trx) => {
        const fresh = (await store.findPetition(trx, p.id))!;
        const late = overdue(fresh, now);
        const due = kind === 'ack' ? fresh.ack_due_at : fresh.answer_due_at;
        if (late === kind) return escalate(trx, policy, fresh, kind, now);
        if (
          due > now.toISOString() &&
          (kind === 'answer' ? fresh.answered_at === null : fresh.acknowledged_at === null)
        ) {
          const content = {
            key: `petitions.remind.${kind}`,
            params: { id: fresh.id, place: fresh.place, due: localDate(new Date(due), policy.timezone) },
            buttons: handlerButtons(fresh.id),
          };
          return send(
            trx,
            await handlerRecipients(trx, fresh, policy),
            `petitions:remind-${kind}:${fresh.id}:${fresh.round}`,
            content,
            'staff',
            now,
          );
        }
        return 0;
      });
    }
  }
  return queued;
}

async function escalate(
  trx: DbOrTx,
  policy: Policy,
  p: PetitionRow,
  kind: 'ack' | 'answer',
  now: Date,
): Promise<number> {
  const key = `petitions:late-${kind}:${p.id}:${p.round}`;
  const days = Math.floor((now.getTime() - Date.parse(p.created_at)) / DAY_MS);
  const staff = await staffRecipients(trx, policy);
  const rows: OutMessage[] = staff.map((r) => ({
    dedupeKey: `${key}:${r.chatId}`,
    chatId: r.chatId,
    userId: r.userId,
    category: 'staff',
    content: {
      key: `petitions.escalate.${kind}`,
      params: { id: p.id, place: p.place, days },
      buttons: handlerButtons(p.id),
    },
  }));
  for (const f of await store.followersOf(trx, p.id)) {
    rows.push({
      dedupeKey: `${key}:follower:${f.user_id}`,
      chatId: f.user_id,
      userId: f.user_id,
      category: 'personal',
      content: {
        key: `petitions.late.tell${kind === 'ack' ? 'Ack' : 'Answer'}`,
        params: { id: p.id, place: p.place },
        buttons: [
          [{ key: 'petitions.btn.chase', data: CB.chase(p.id) }],
          [{ key: 'petitions.btn.timeline', data: CB.view(p.id) }],
        ],
      },
    });
  }
  return enqueue(trx, rows, now);
}
