import { runHooks, type TxHook } from '../../../db/tx';
import type { Platform } from '../../../platform';
import { type OfficeHoursValue, officeHoursSetting } from '../policy';

/** Office hours as a setting (issue 15): set in the chat by an admin, audited; OFFICE_HOURS until then. */
export function officeHoursService({ db, config, settings }: Pick<Platform, 'db' | 'config' | 'settings'>) {
  const spec = officeHoursSetting(config);
  return {
    /** The hours in force: as set in the chat, else as configured. */
    current: (): OfficeHoursValue => settings.get(spec),
    /** Whether an admin has set them in the chat (the set-up walk-through asks only what is missing). */
    isSet: () => settings.isSet(spec),
    /** Saves and audits them; `done` (the end of the admin's flow) commits with them. */
    async set(actorId: number, value: OfficeHoursValue, done?: TxHook): Promise<OfficeHoursValue> {
      const days = [...new Set(value.days)].sort((a, b) => a - b);
      const v = { ...value, days };
      await db.transaction().execute(async (trx) => {
        await settings.set(actorId, spec, v, trx);
        await runHooks(trx, done);
      });
      return v;
    },
  };
}
