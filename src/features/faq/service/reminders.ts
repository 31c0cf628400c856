import { displayName } from '../../../core/names';
import { workingMsBetween } from '../../../core/office-hours';
import { HOUR_MS } from '../../../core/time';
import type { OutMessage, Param } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import type { FaqPolicy } from '../policy';
import type { Handoff } from '../store';
import * as store from '../store';
import { mayReply, reminderKey, replyButton, staffRecipients } from './cards';
import { staffFacingName } from './handoffs';

/** Hand-offs reminded in one transaction: a long backlog after an outage is worked through in short commits. */
const BATCH = 100;

/**
 * Catch-up: every open question older than the limit in working hours is reminded to staff once per elapsed
 * limit (4 h, 8 h, …). The round queued is recorded on the question, so a second run — or a run after the outbox
 * pruned the first reminder — never reminds twice; and the work follows what is waiting, not history: only open
 * questions old enough to be due are read, and the staff list and names are looked up once per run, only if one is.
 */
export function remindersService(
  { db, identity, outbox }: Pick<Platform, 'db' | 'identity' | 'outbox'>,
  policy: FaqPolicy,
) {
  return {
    /** Returns how many reminders were queued. */
    async remindOverdue(now: Date): Promise<number> {
      const limitMs = policy.remindHours * HOUR_MS;
      const candidates = await store.openHandoffsBefore(db, new Date(now.getTime() - limitMs).toISOString());
      const office = policy.officeHours();
      const due = candidates.flatMap((h) => {
        const workedMs = workingMsBetween(new Date(h.createdAt), now, office);
        const round = Math.floor(workedMs / limitMs);
        return round > h.remindedRound ? [{ h, round, hours: Math.floor(workedMs / HOUR_MS) }] : [];
      });
      if (due.length === 0) return 0;
      const to = await staffRecipients(identity, policy, db);
      const ids = new Set(due.flatMap(({ h }) => (h.takenBy === null ? [h.userId] : [h.userId, h.takenBy])));
      const users = new Map((await identity.users([...ids])).map((u) => [u.id, u]));
      const messages = ({ h, round, hours }: { h: Handoff; round: number; hours: number }): OutMessage[] => {
        const resident = users.get(h.userId);
        const takenBy: Param =
          h.takenBy === null
            ? { $t: 'faq.inbox.notTaken' }
            : { $t: 'faq.inbox.takenBy', params: { name: staffFacingName(users.get(h.takenBy)) } };
        const name = resident ? displayName(resident) : '?';
        const params = { id: h.id, name, question: h.question, hours, takenBy };
        return to.map((r) => ({
          dedupeKey: reminderKey(h.id, round, r.chatId),
          chatId: r.chatId,
          userId: r.userId,
          category: 'staff',
          content: {
            key: 'faq.handoff.reminder',
            params,
            ...(mayReply(r, h.takenBy) ? { buttons: replyButton(h.id) } : {}),
          },
        }));
      };
      let queued = 0;
      for (let i = 0; i < due.length; i += BATCH) {
        queued += await db.transaction().execute(async (trx) => {
          let n = 0;
          for (const d of due.slice(i, i + BATCH))
            if (await store.setRemindedRound(trx, d.h.id, d.h.remindedRound, d.round))
              n += await outbox.enqueue(trx, messages(d), now);
          return n;
        });
      }
      return queued;
    },
  };
}
