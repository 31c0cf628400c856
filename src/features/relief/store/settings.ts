import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { ReliefHolidaysTable, ReliefSettingsTable } from '../../../db/tables/relief';

/** The pickup as staff set it in the bot: day of the month, hours, place, make-up days. */
export interface Settings {
  pickupDay: number;
  hoursFrom: string;
  hoursTo: string;
  placeZh: string;
  placeEn: string;
  /** The street address under the place's name, '' when staff have not set one. */
  addressZh: string;
  addressEn: string;
  makeupDays: number;
  /** The fields someone has set (the others still hold the first migration's defaults). */
  setFields: ReadonlySet<string>;
  updatedAt: string;
  updatedBy: number | null;
}

/** A festival whose extra food goes out with the pickup before it. */
export interface Holiday {
  id: number;
  date: string;
  nameZh: string;
  nameEn: string;
  extrasZh: string;
  extrasEn: string;
}

const toSettings = (r: Selectable<ReliefSettingsTable>): Settings => ({
  pickupDay: r.pickup_day,
  hoursFrom: r.hours_from,
  hoursTo: r.hours_to,
  placeZh: r.place_zh,
  placeEn: r.place_en,
  addressZh: r.address_zh,
  addressEn: r.address_en,
  makeupDays: r.makeup_days,
  setFields: new Set(r.set_fields.split(',').filter(Boolean)),
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const toHoliday = (r: Selectable<ReliefHolidaysTable>): Holiday => ({
  id: r.id,
  date: r.date,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  extrasZh: r.extras_zh,
  extrasEn: r.extras_en,
});

/** The one settings row (the migration creates it). */
export const getSettings = async (db: DbOrTx) =>
  toSettings(await db.selectFrom('relief_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow());

export type SettingsPatch = Partial<Omit<Settings, 'updatedAt' | 'updatedBy' | 'setFields'>>;

/** Writes the patch; `fields` are added to those someone has set. */
export const updateSettings = async (
  db: DbOrTx,
  patch: SettingsPatch,
  by: { at: string; userId: number | null },
  fields: readonly string[] = [],
) => {
  const before = await getSettings(db);
  const setFields = [...new Set([...before.setFields, ...fields])].join(',');
  await db
    .updateTable('relief_settings')
    .set({
      ...(patch.pickupDay === undefined ? {} : { pickup_day: patch.pickupDay }),
      ...(patch.hoursFrom === undefined ? {} : { hours_from: patch.hoursFrom }),
      ...(patch.hoursTo === undefined ? {} : { hours_to: patch.hoursTo }),
      ...(patch.placeZh === undefined ? {} : { place_zh: patch.placeZh }),
      ...(patch.placeEn === undefined ? {} : { place_en: patch.placeEn }),
      ...(patch.addressZh === undefined ? {} : { address_zh: patch.addressZh }),
      ...(patch.addressEn === undefined ? {} : { address_en: patch.addressEn }),
      ...(patch.makeupDays === undefined ? {} : { makeup_days: patch.makeupDays }),
      set_fields: setFields,
      updated_at: by.at,
      updated_by: by.userId,
    })
    .where('id', '=', 1)
    .execute();
};

export const holidaysBetween = async (db: DbOrTx, from: string, toExclusive: string) =>
  (
    await db
      .selectFrom('relief_holidays')
      .selectAll()
      .where('date', '>=', from)
      .where('date', '<', toExclusive)
      .orderBy('date')
      .execute()
  ).map(toHoliday);

/** False when the table already has that festival on that date (the unique constraint decides). */
export const insertHoliday = async (db: DbOrTx, h: Omit<Holiday, 'id'>) =>
  Number(
    (
      await db
        .insertInto('relief_holidays')
        .values({ date: h.date, name_zh: h.nameZh, name_en: h.nameEn, extras_zh: h.extrasZh, extras_en: h.extrasEn })
        .onConflict((oc) => oc.columns(['date', 'name_zh']).doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) === 1;

export const findHoliday = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('relief_holidays').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toHoliday(r);
};

export const deleteHoliday = (db: DbOrTx, id: number) =>
  db.deleteFrom('relief_holidays').where('id', '=', id).execute();
