import { randomInt } from 'node:crypto';
import type { Config } from '../../config';
import { isDate } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { addMonths, pickupDateOf } from './calendar';
import { InvalidInput } from './errors';
import { FESTIVALS } from './festivals';
import type { HolidayRow, SettingsRow } from './store';
import * as store from './store';

/** What the monthly cycle depends on, read once from config (tests pass their own). */
export interface Policy {
  timezone: string;
  announceDaysBefore: number;
  announceTime: string;
  morningTime: string;
  afternoonTime: string;
  eveningTime: string;
  summaryTime: string;
  staffChatId?: number;
}

export const policyFrom = (config: Config): Policy => ({
  timezone: config.TIMEZONE,
  announceDaysBefore: config.RELIEF_ANNOUNCE_DAYS_BEFORE,
  announceTime: config.RELIEF_ANNOUNCE_TIME,
  morningTime: config.RELIEF_MORNING_TIME,
  afternoonTime: config.RELIEF_AFTERNOON_TIME,
  eveningTime: config.RELIEF_EVENING_TIME,
  summaryTime: config.RELIEF_SUMMARY_TIME,
  staffChatId: config.STAFF_CHAT_ID,
});

export const getSettings = (db: DbOrTx) => store.getSettings(db);

export type SettingField = 'day' | 'hours' | 'place' | 'makeup';

/**
 * Staff change one setting as typed: day "5", hours "09:00-11:30", place "中文名 / English name", makeup days "3".
 * Returns the new settings; wrong input throws InvalidInput naming the field.
 */
export async function updateSetting(
  db: Db,
  actorId: number,
  field: SettingField,
  value: string,
  now: Date,
): Promise<SettingsRow> {
  const v = value.trim();
  let patch: Partial<SettingsRow>;
  if (field === 'day') {
    if (!/^\d{1,2}$/.test(v) || +v < 1 || +v > 28) throw new InvalidInput('Day');
    patch = { pickup_day: +v };
  } else if (field === 'makeup') {
    if (!/^\d{1,2}$/.test(v) || +v > 20) throw new InvalidInput('Makeup');
    patch = { makeup_days: +v };
  } else if (field === 'hours') {
    const m = v.replace(/[：]/g, ':').match(/^([01]?\d|2[0-3]):([0-5]\d)\s*[-–—~～至到]\s*([01]?\d|2[0-3]):([0-5]\d)$/);
    const hhmm = (h: string, mi: string) => `${h.padStart(2, '0')}:${mi}`;
    if (!m || hhmm(m[1]!, m[2]!) >= hhmm(m[3]!, m[4]!)) throw new InvalidInput('Hours');
    patch = { hours_from: hhmm(m[1]!, m[2]!), hours_to: hhmm(m[3]!, m[4]!) };
  } else {
    const [zh, en] = v.split(/\s*\/\s*/);
    if (!zh || zh.length > 80 || (en !== undefined && en.length > 80)) throw new InvalidInput('Place');
    patch = { place_zh: zh, place_en: en || zh };
  }
  return db.transaction().execute(async (trx) => {
    await store.updateSettings(trx, { ...patch, updated_at: now.toISOString(), updated_by: actorId });
    await recordAudit(
      trx,
      { actorId, action: 'relief.settings.update', subject: 'relief_settings', details: { field, value: v } },
      now,
    );
    return store.getSettings(trx);
  });
}

export const pickupDate = (month: string, s: Pick<SettingsRow, 'pickup_day'>) => pickupDateOf(month, s.pickup_day);

/**
 * The festivals whose extra food goes out with this month's pickup: those from the pickup day up to (not
 * including) next month's, so festive food always arrives before the festival.
 */
export const festivalsFor = (db: DbOrTx, month: string, s: Pick<SettingsRow, 'pickup_day'>): Promise<HolidayRow[]> =>
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

// ---- holiday table

export interface HolidayInput {
  date: string;
  nameZh: string;
  nameEn: string;
  extrasZh: string;
  extrasEn: string;
}

/** Staff type "2026-09-25 中秋节 月饼" (English names optional after a slash: "… 中秋节/Mid-Autumn 月饼/Mooncakes"). */
export function parseHoliday(text: string): HolidayInput {
  const m = text.trim().match(/^(\d{4}-\d{2}-\d{2})\s+(\S+)\s+(.+)$/);
  if (!m || !isDate(m[1]!)) throw new InvalidInput('Holiday');
  const [nameZh, nameEn] = m[2]!.split('/');
  const [extrasZh, extrasEn] = m[3]!.split('/').map((s) => s.trim());
  if (!nameZh || nameZh.length > 20 || !extrasZh || extrasZh.length > 60) throw new InvalidInput('Holiday');
  return { date: m[1]!, nameZh, nameEn: nameEn || nameZh, extrasZh, extrasEn: extrasEn || extrasZh };
}

export async function addHoliday(db: Db, actorId: number, h: HolidayInput, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const added = await store.insertHoliday(trx, {
      date: h.date,
      name_zh: h.nameZh,
      name_en: h.nameEn,
      extras_zh: h.extrasZh,
      extras_en: h.extrasEn,
    });
    if (added)
      await recordAudit(
        trx,
        { actorId, action: 'relief.holiday.add', subject: `relief_holiday:${h.date}`, details: { name: h.nameZh } },
        now,
      );
    return added;
  });
}

export async function deleteHoliday(db: Db, actorId: number, id: number, now: Date): Promise<HolidayRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const h = await store.findHoliday(trx, id);
    if (!h) return undefined;
    await store.deleteHoliday(trx, id);
    await recordAudit(
      trx,
      { actorId, action: 'relief.holiday.delete', subject: `relief_holiday:${h.date}`, details: { name: h.name_zh } },
      now,
    );
    return h;
  });
}

export const holidaysOfYear = (db: DbOrTx, year: number) =>
  store.holidaysBetween(db, `${year}-01-01`, `${year + 1}-01-01`);

/** Loads the published festival dates 2025–2027 (safe to run again: rows already there are left as staff edited them). */
export async function seedFestivals(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let n = 0;
    for (const f of FESTIVALS)
      if (
        await store.insertHoliday(trx, {
          date: f.date,
          name_zh: f.nameZh,
          name_en: f.nameEn,
          extras_zh: f.extrasZh,
          extras_en: f.extrasEn,
        })
      )
        n++;
    return n;
  });
}
