import { localDate } from '../../../core/time';
import { addMonths, monthOf } from '../months';
import * as store from '../store';
import type { ReliefDeps } from './deps';
import { pickupDate } from './settings';

/** What waits for staff on the workbench: the desk on the pickup day, and requests nobody answered yet. */
export function todoService({ db, clock, policy }: ReliefDeps) {
  return {
    /** Counted, never listed: the workbench home is opened often and the roster may be long. */
    async todoCounts(): Promise<{ stillToCollect: number; openInquiries: number }> {
      const today = localDate(clock.now(), policy.timezone);
      const month = monthOf(today);
      const isPickupDay = today === pickupDate(month, await store.getSettings(db));
      return {
        stillToCollect: isPickupDay ? await store.countStillToCollect(db, month) : 0,
        openInquiries: await store.countOpenInquiries(db),
      };
    },

    /** The months staff pick a report from: this month first, then the ones before it. */
    recentMonths(n: number): string[] {
      const month = monthOf(localDate(clock.now(), policy.timezone));
      return Array.from({ length: n }, (_, i) => addMonths(month, -i));
    },
  };
}
