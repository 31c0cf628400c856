import { workingMsBetween } from '../../../core/office-hours';
import { HOUR_MS } from '../../../core/time';
import type { Param } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import type { FaqPolicy } from '../policy';
import { type OpenHandoff, replyButton, staffRecipients } from './handoffs';

/**
 * Catch-up: every open question older than the limit in working hours is reminded to staff once per elapsed
 * limit (4 h, 8 h, …). The round number is in the dedupe key, so running twice never reminds twice.
 */
export function remindersService(
  { db, identity, outbox }: Pick<Platform, 'db' | 'identity' | 'outbox'>,
  policy: FaqPolicy,
  open: () => Promise<OpenHandoff[]>,
) {
  return {
    /** Returns how many reminders were queued. */
    async remindOverdue(now: Date): Promise<number> {
      const limitMs = policy.remindHours * HOUR_MS;
      let queued = 0;
      for (const h of await open()) {
        const workedMs = workingMsBetween(new Date(h.createdAt), now, policy.officeHours);
        const round = Math.floor(workedMs / limitMs);
        if (round < 1) continue;
        const takenBy: Param =
          h.takenByName === null
            ? { $t: 'faq.inbox.notTaken' }
            : { $t: 'faq.inbox.takenBy', params: { name: h.takenByName } };
        const params = { id: h.id, name: h.name, question: h.question, hours: Math.floor(workedMs / HOUR_MS), takenBy };
        queued += await db.transaction().execute(async (trx) => {
          const to = await staffRecipients(identity, policy, trx);
          return outbox.enqueue(
            trx,
            to.map((r) => ({
              dedupeKey: `faq:remind:${h.id}:${round}:${r.chatId}`,
              chatId: r.chatId,
              userId: r.userId,
              category: 'staff' as const,
              content: { key: 'faq.handoff.reminder', params, buttons: replyButton(h.id) },
            })),
            now,
          );
        });
      }
      return queued;
    },
  };
}
