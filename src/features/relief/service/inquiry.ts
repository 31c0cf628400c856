import { displayName } from '../../../core/names';
import { DAY_MS, localDate } from '../../../core/time';
import type { OutMessage } from '../../../outbox/service';
import { CB } from '../callbacks';
import { addMonths, monthOf } from '../months';
import { INQUIRY_DAYS } from '../policy';
import type { Settings } from '../store';
import * as store from '../store';
import { staffChats } from './cycle';
import type { ReliefDeps } from './deps';
import { representedBy } from './linking';
import { pickupDate } from './settings';

/** What someone not on the roster is told: when and where the pickup is, and whether they asked staff lately. */
export interface NotEnrolled {
  settings: Settings;
  /** The next pickup day, today included. */
  pickupDate: string;
  /** When they last asked staff to contact them (within INQUIRY_DAYS), or null. */
  askedAt: string | null;
}

export type AskOutcome = { outcome: 'sent' | 'already'; askedAt: string } | { outcome: 'enrolled' };

/**
 * People not on the roster: the pickup explained, and a button that asks staff to contact them — a message to
 * staff through the outbox naming who asked (and how to reach them), at most once in INQUIRY_DAYS.
 */
export function inquiryService(deps: ReliefDeps) {
  const { db, clock, identity, outbox, policy } = deps;
  const recentSince = (now: Date) => new Date(now.getTime() - INQUIRY_DAYS * DAY_MS).toISOString();

  return {
    async notEnrolled(userId: number): Promise<NotEnrolled> {
      const now = clock.now();
      const s = await store.getSettings(db);
      const today = localDate(now, policy.timezone);
      const thisDay = pickupDate(monthOf(today), s);
      const next = today <= thisDay ? thisDay : pickupDate(addMonths(monthOf(today), 1), s);
      const asked = await store.latestInquiry(db, userId, recentSince(now));
      return { settings: s, pickupDate: next, askedAt: asked?.askedAt ?? null };
    },

    async askStaff(userId: number): Promise<AskOutcome> {
      const now = clock.now();
      // Someone linked since the card was shown sees their pickup instead.
      if ((await representedBy(db, userId)).length > 0) return { outcome: 'enrolled' };
      const user = await identity.user(userId);
      const name = user ? displayName(user) : String(userId);
      const params = {
        id: userId,
        name,
        username: user?.username ? { $t: 'relief.inquiry.username', params: { username: user.username } } : '',
        phone: user?.phone ? { $t: 'relief.inquiry.phone', params: { phone: user.phone } } : '',
      };
      return db.transaction().execute(async (trx): Promise<AskOutcome> => {
        const earlier = await store.latestInquiry(trx, userId, recentSince(now));
        if (earlier) return { outcome: 'already', askedAt: earlier.askedAt };
        const at = now.toISOString();
        const id = await store.insertInquiry(trx, userId, at);
        const msgs = (await staffChats(deps, trx)).map(
          (c): OutMessage => ({
            dedupeKey: `relief:inquiry:${id}:${c.chatId}`,
            chatId: c.chatId,
            userId: c.userId,
            category: 'staff',
            content: {
              key: 'relief.inquiry.toStaff',
              params,
              buttons: [[{ key: 'relief.btn.roster', data: CB.roster(0) }]],
            },
          }),
        );
        await outbox.enqueue(trx, msgs, now);
        return { outcome: 'sent', askedAt: at };
      });
    },
  };
}
