import { DAY_MS, localDate } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import type { OutMessage } from '../../../outbox/service';
import { CB } from '../callbacks';
import { overdue, REMIND_BEFORE_MS } from '../policy';
import type { Petition } from '../store';
import * as store from '../store';
import { handlerButtons } from './notify';
import type { Parts } from './parts';

/** Reminders before a time limit, and escalation once it has passed. */
export function deadlines({ db, clock, outbox, policy, notify }: Parts) {
  /** Staff are alerted; the petitioner and co-signers are told, with the 催办 button. */
  async function escalate(trx: DbOrTx, p: Petition, kind: 'ack' | 'answer', now: Date): Promise<number> {
    const key = `petitions:late-${kind}:${p.id}:${p.round}`;
    const days = Math.floor((now.getTime() - Date.parse(p.createdAt)) / DAY_MS);
    const rows: OutMessage[] = (await notify.staffRecipients(trx)).map((r) => ({
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
        dedupeKey: `${key}:follower:${f.userId}`,
        chatId: f.userId,
        userId: f.userId,
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
    return outbox.enqueue(trx, rows, now);
  }

  return {
    /**
     * Catch-up for time limits as of `now`: remind the deputies before a limit, and once it has passed escalate to
     * staff and tell the petitioner and co-signers (with the 催办 button). Dedupe keys carry the petition's round,
     * so a reopened petition is watched again and a second run sends nothing twice. Returns how many were queued.
     */
    async checkDeadlines(now = clock.now()): Promise<number> {
      let queued = 0;
      for (const kind of ['ack', 'answer'] as const) {
        const soon = new Date(now.getTime() + REMIND_BEFORE_MS[kind]).toISOString();
        for (const p of await store.openDueBefore(db, kind, soon)) {
          queued += await db.transaction().execute(async (trx) => {
            const fresh = (await store.findPetition(trx, p.id))!;
            const due = kind === 'ack' ? fresh.ackDueAt : fresh.answerDueAt;
            if (overdue(fresh, now) === kind) return escalate(trx, fresh, kind, now);
            const pending = kind === 'answer' ? fresh.answeredAt === null : fresh.acknowledgedAt === null;
            if (due <= now.toISOString() || !pending) return 0;
            const content = {
              key: `petitions.remind.${kind}`,
              params: { id: fresh.id, place: fresh.place, due: localDate(new Date(due), policy.timezone) },
              buttons: handlerButtons(fresh.id),
            };
            const to = await notify.handlerRecipients(trx, fresh);
            return notify.send(trx, to, `petitions:remind-${kind}:${fresh.id}:${fresh.round}`, content, 'staff', now);
          });
        }
      }
      return queued;
    },
  };
}
