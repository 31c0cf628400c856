import { randomInt } from 'node:crypto';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { FESTIVALS, parseHoliday } from '../festivals';
import { addMonths, pickupDateOf } from '../months';
import { parseSetting, type SettingField, SUPERMARKET_FIELDS } from '../policy';
import type { Holiday, Settings, SettingsPatch } from '../store';
import * as store from '../store';
import type { ReliefDeps } from './deps';

export const pickupDate = (month: string, s: Pick<Settings, 'pickupDay'>) => pickupDateOf(month, s.pickupDay);

/**
 * The festivals whose extra food goes out with this month's pickup: those from the pickup day up to (not
 * including) next month's, so festive food always arrives before the festival.
 */
export const festivalsFor = (db: DbOrTx, month: string, s: Pick<Settings, 'pickupDay'>): Promise<Holiday[]> =>
  store.holidaysBetween(db, pickupDate(month, s), pickupDate(addMonths(month, 1), s));

/** This month's pickup code of a recipient, made on first need; six random digits, unique in the month. */
export async function codeFor(db: DbOrTx, recipientId: number, month: string): Promise<string> {
  for (;;) {
    const existing = await store.findCode(db, month, recipientId);
    if (existing) return existing;
    // A clash with another recipient's code just draws again; with 10^6 codes and ~200 people it is rare.
    await store.insertCode(db, month, recipientId, String(randomInt(0, 1_000_000)).padStart(6, '0'));
  }
}

/** The pickup settings and the festival table, as staff keep them in the bot. */
export function settingsService({ db, clock }: ReliefDeps) {
  return {
    settings: () => store.getSettings(db),
    codeFor: (recipientId: number, month: string) => codeFor(db, recipientId, month),
    festivalsFor: async (month: string) => festivalsFor(db, month, await store.getSettings(db)),

    /** Changes one setting; returns the new settings. Wrong input re-asks with what is expected. */
    async updateSetting(actorId: number, field: SettingField, value: string, done?: TxHook): Promise<Settings> {
      const patch = parseSetting(field, value);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        await store.updateSettings(trx, patch, { at: now.toISOString(), userId: actorId }, [field]);
        const details = { field, value: value.trim() };
        await recordAudit(trx, { actorId, action: 'relief.settings.update', subject: 'relief_settings', details }, now);
        await runHooks(trx, done);
        return store.getSettings(trx);
      });
    },

    /** Whether the charity supermarket's name, address, day and hours have each been set (the set-up step). */
    supermarketSet: async () => {
      const s = await store.getSettings(db);
      return SUPERMARKET_FIELDS.every((f) => s.setFields.has(f));
    },

    /** The set-up step's answers, written together when the last one is given (the flow ends with them). */
    async setSupermarket(actorId: number, patch: SettingsPatch, done?: TxHook): Promise<Settings> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        await store.updateSettings(trx, patch, { at: now.toISOString(), userId: actorId }, SUPERMARKET_FIELDS);
        const entry = { actorId, action: 'relief.supermarket.set', subject: 'relief_settings', details: patch };
        await recordAudit(trx, entry, now);
        await runHooks(trx, done);
        return store.getSettings(trx);
      });
    },

    holidaysOfYear: (year: number) => store.holidaysBetween(db, `${year}-01-01`, `${year + 1}-01-01`),

    /** A festival line as staff type it; `added` is false when the table already had it. */
    async addHoliday(actorId: number, text: string, done?: TxHook) {
      const h = parseHoliday(text);
      const now = clock.now();
      const added = await db.transaction().execute(async (trx) => {
        const isNew = await store.insertHoliday(trx, h);
        if (isNew) {
          const subject = `relief_holiday:${h.date}`;
          const entry = { actorId, action: 'relief.holiday.add', subject, details: { name: h.nameZh } };
          await recordAudit(trx, entry, now);
        }
        await runHooks(trx, done);
        return isNew;
      });
      return { added, holiday: h };
    },

    /** Undefined when it is no longer there (deleted from another chat). */
    async deleteHoliday(actorId: number, id: number): Promise<Holiday | undefined> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const h = await store.findHoliday(trx, id);
        if (!h) return undefined;
        await store.deleteHoliday(trx, id);
        const subject = `relief_holiday:${h.date}`;
        await recordAudit(trx, { actorId, action: 'relief.holiday.delete', subject, details: { name: h.nameZh } }, now);
        return h;
      });
    },

    /** The published festival dates 2025–2027; rows already there are left as staff edited them. */
    async seedFestivals(): Promise<number> {
      return db.transaction().execute(async (trx) => {
        let n = 0;
        for (const f of FESTIVALS) if (await store.insertHoliday(trx, f)) n++;
        return n;
      });
    },
  };
}
