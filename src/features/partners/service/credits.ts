import type { DbOrTx } from '../../../db/schema';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import { formatHours } from '../policy';
import * as store from '../store';

/** Time a volunteer earned in another area, e.g. at a volunteering activity they were checked in at. */
export interface HoursCredit {
  /** What earned it, e.g. `activity:<session>:<user>`: the same key is credited once, however often it comes. */
  key: string;
  userId: number;
  date: string;
  minutes: number;
  /** What they did, in both languages: kept with the hours and named in the thank-you. */
  what: { 'zh-CN': string; en: string };
  /** The organiser: a volunteer in the organiser's own team has the hours counted there. */
  partnerId: number | null;
}

/** Hours earned in other areas, credited to volunteers' hours once each, in the caller's transaction. */
export function createCreditsService({ clock, outbox }: Pick<Platform, 'clock' | 'outbox'>) {
  return {
    /**
     * Credits each entry to its volunteer and thanks them (through the outbox, with the same transaction). Someone
     * who is not an approved volunteer gets nothing: they came as a resident. Returns how many were credited now.
     */
    async creditHours(trx: DbOrTx, entries: readonly HoursCredit[]): Promise<number> {
      const now = clock.now();
      let credited = 0;
      for (const e of entries) {
        if (e.minutes <= 0) continue;
        const team = await store.creditTeam(trx, e.userId, e.partnerId);
        if (!team) continue;
        const h = { ...e, source: e.key, teamId: team.id, note: e.what['zh-CN'], at: now.toISOString() };
        if (!(await store.insertSourcedHours(trx, h))) continue;
        credited++;
        const params = { date: e.date, what: e.what, team: team.name, hours: formatHours(e.minutes) };
        await outbox.enqueue(
          trx,
          [
            {
              dedupeKey: `partners:hours:${e.key}`,
              chatId: e.userId,
              userId: e.userId,
              category: 'personal' as const,
              content: {
                key: 'partners.hours.credited',
                params,
                buttons: [[{ key: 'partners.teams.myHours', data: CB.hours }]],
              },
            },
          ],
          now,
        );
      }
      return credited;
    },
  };
}
