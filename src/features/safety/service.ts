import { detectEmergency, type Emergency } from '../../core/emergency';
import { bilingual, displayName } from '../../core/names';
import { localDate, localTime } from '../../core/time';
import type { Platform } from '../../platform';
import type { ResidentsService } from '../residents/service';
import { AlertNotFound } from './errors';
import { safetyPolicy } from './policy';
import * as store from './store';

export type { Alert } from './store';

/** Emergencies typed anywhere: the record of each, staff told on request, the text handed back to a flow. */
export type SafetyService = ReturnType<typeof createSafetyService>;

export function createSafetyService(platform: Platform, deps: { residents: ResidentsService }) {
  const { db, clock, identity, outbox, config } = platform;

  async function mine(userId: number, alertId: number) {
    const a = await store.findAlert(db, alertId);
    if (!a || a.userId !== userId) throw new AlertNotFound();
    return a;
  }

  return {
    /** The danger a text reports as happening now, or null (see core/emergency.ts). */
    detect: (text: string): Emergency | null => detectEmergency(text),

    /** Keeps what was typed; the message itself only if a flow may want it back. */
    record: (userId: number, chatId: number, e: Emergency, text: string, message: unknown, inFlow: boolean) =>
      store.insertAlert(db, {
        userId,
        chatId,
        kind: e.kind,
        text,
        message: inFlow ? message : null,
        inFlow,
        createdAt: clock.now().toISOString(),
      }),

    /**
     * Tells every staff member (and the staff group, if there is one) at once, through the outbox; a second tap
     * tells no one twice. Returns the alert as it is now.
     */
    async notifyStaff(userId: number, alertId: number) {
      const a = await mine(userId, alertId);
      const user = await identity.user(userId);
      const home = user ? await deps.residents.homeOf(user) : { community: undefined, compound: undefined };
      const staff = await identity.staffAndAdmins();
      const now = clock.now();
      const place = home.compound ?? home.community;
      const params = {
        kind: { $t: `safety.kind.${a.kind}` },
        name: user ? displayName(user) : String(userId),
        phone: user?.phone ?? '—',
        home: place ? bilingual(place) : '—',
        text: a.text.slice(0, safetyPolicy.textForStaff),
        time: `${localDate(new Date(a.createdAt), config.TIMEZONE)} ${localTime(new Date(a.createdAt), config.TIMEZONE)}`,
        numbers: detectEmergency(a.text)?.numbers.join(' / ') ?? '119 / 110 / 120',
      };
      const chats = [...staff.map((s) => s.id), ...(config.STAFF_CHAT_ID === undefined ? [] : [config.STAFF_CHAT_ID])];
      await db.transaction().execute(async (trx) => {
        if (!(await store.markNotified(trx, a.id, now.toISOString()))) return;
        await outbox.enqueue(
          trx,
          chats.map((chatId) => ({
            dedupeKey: `safety:alert:${a.id}:${chatId}`,
            chatId,
            userId: chatId > 0 ? chatId : null,
            category: 'staff' as const,
            content: { key: 'safety.staffAlert', params },
          })),
          now,
        );
      });
      return (await store.findAlert(db, a.id))!;
    },

    /**
     * "Not an emergency, carry on": the message typed in a flow, to be handled as the answer it was meant to be.
     * Once only, and only soon after.
     */
    async carryOn(userId: number, alertId: number): Promise<{ alert: store.Alert; message: unknown | null }> {
      const a = await mine(userId, alertId);
      const now = clock.now();
      const fresh = now.getTime() - Date.parse(a.createdAt) < safetyPolicy.continueWithinMs;
      if (!a.inFlow || a.message === null || !fresh) return { alert: a, message: null };
      if (!(await store.markContinued(db, a.id, now.toISOString()))) return { alert: a, message: null };
      return { alert: (await store.findAlert(db, a.id))!, message: a.message };
    },

    find: (alertId: number) => store.findAlert(db, alertId),
  };
}
