import { addDays, localDate } from '../../../core/time';
import { addMonths, monthAt } from '../months';
import type { Holiday, Pickup, Recipient, ReliefProxy, Settings } from '../store';
import * as store from '../store';
import type { ReliefDeps } from './deps';
import { representedBy } from './linking';
import { codeFor, festivalsFor, pickupDate } from './settings';

/** One person on a resident's "救助领取" card: their pickup of the month shown, or the code to bring. */
export interface PersonPickup {
  recipient: Recipient;
  as: 'self' | 'proxy';
  pickup: Pickup | undefined;
  /** The code to show at the desk; undefined once collected. */
  code: string | undefined;
  /** Only on the person's own entry: who may collect for them. */
  proxies: ReliefProxy[];
}

export interface ResidentPickup {
  /** The month the card is about: after this month's make-up days, next month's. */
  month: string;
  pickupDate: string;
  settings: Settings;
  festivals: Holiday[];
  /** This month's pickup day is past but make-up days remain: the last of them. */
  makeupUntil: string | undefined;
  people: PersonPickup[];
}

/** What a resident sees of the monthly pickup: for themself and for everyone they collect for. */
export function residentService({ db, clock, policy }: ReliefDeps) {
  const tz = policy.timezone;
  return {
    /** Undefined for someone who is not on the roster and collects for nobody. */
    async pickupFor(userId: number): Promise<ResidentPickup | undefined> {
      const represented = await representedBy(db, userId);
      if (represented.length === 0) return undefined;
      const now = clock.now();
      const s = await store.getSettings(db);
      const month = monthAt(now, tz);
      const today = localDate(now, tz);
      const thisDay = pickupDate(month, s);
      const lastMakeup = addDays(thisDay, s.makeupDays);
      // After this month's make-up days the useful date is next month's.
      const shown = today <= lastMakeup ? month : addMonths(month, 1);
      const people: PersonPickup[] = [];
      for (const { recipient, as } of represented) {
        // Code and status follow the month shown: after the make-up days, next month's code is the one to bring.
        const pickup = await store.findPickup(db, recipient.id, shown);
        people.push({
          recipient,
          as,
          pickup,
          code: pickup ? undefined : await codeFor(db, recipient.id, shown),
          proxies: as === 'self' ? await store.proxiesOf(db, recipient.id) : [],
        });
      }
      return {
        month: shown,
        pickupDate: pickupDate(shown, s),
        settings: s,
        festivals: await festivalsFor(db, shown, s),
        makeupUntil: shown === month && today > thisDay ? lastMakeup : undefined,
        people,
      };
    },

    /** The last make-up day of a month and the settings, for "come later" replies. */
    async makeupOf(month: string) {
      const s = await store.getSettings(db);
      return { until: addDays(pickupDate(month, s), s.makeupDays), settings: s };
    },
  };
}
