import type { Clock } from '../../../core/clock';
import { localDate } from '../../../core/time';
import type { Db, DbOrTx } from '../../../db/schema';
import type { Identity, User } from '../../../identity';
import type { Outbox } from '../../../outbox/service';
import type { Settings } from '../../../settings';
import type { HoursCredit } from '../../partners/service';
import type { Community, Compound } from '../../residents/service';
import { ActivityNotFound } from '../errors';
import * as store from '../store';

// What the activities services are built with, once, and the ports to the areas they ask: places (residents),
// organisers and volunteers (partners), relief recipients (relief), volunteer hours (partners).

/** A partner as an organiser: its name, whether it is listed, and the Telegram user who speaks for it. */
export interface Organiser {
  id: number;
  name: string;
  userId: number | null;
  active: boolean;
}

export interface ActivitiesPorts {
  places: {
    communities(): Promise<Community[]>;
    compounds(communityId?: number): Promise<Compound[]>;
    community(id: number): Promise<Community | undefined>;
    compound(id: number): Promise<Compound | undefined>;
  };
  partners: {
    /** Listed partners by name. */
    partners(): Promise<Organiser[]>;
    partner(id: number): Promise<Organiser | undefined>;
    /** Reachable approved volunteers of any team. */
    approvedVolunteers(): Promise<number[]>;
  };
  relief: {
    /** Users linked to a relief recipient (themselves or as family). */
    reachableByRelief(): Promise<number[]>;
  };
  /**
   * Credits the time of volunteering activities to the volunteers' hours (the partners area's), idempotently by
   * `key`, in the caller's transaction; attendees who are not volunteers get nothing. Left out only where hours are
   * not what is being tested: then the catch-up job credits nothing and marks nothing.
   */
  hours?: {
    creditHours(trx: DbOrTx, entries: HoursCredit[]): Promise<number>;
  };
}

export interface ActivitiesDeps extends ActivitiesPorts {
  db: Db;
  clock: Clock;
  identity: Identity;
  outbox: Outbox;
  settings: Settings;
  tz: string;
}

export const todayOf = (deps: Pick<ActivitiesDeps, 'clock' | 'tz'>) => localDate(deps.clock.now(), deps.tz);

export async function getActivity(db: DbOrTx, id: number): Promise<store.Activity> {
  const a = await store.findActivity(db, id);
  if (!a) throw new ActivityNotFound();
  return a;
}

/** Whether a resident is in an activity's audience (read before any transaction: other areas answer for theirs). */
export async function inAudience(deps: ActivitiesPorts, a: store.Activity, user: User): Promise<boolean> {
  switch (a.audience) {
    case 'all':
    case 'age':
      return true;
    case 'community':
      return user.communityId !== null && user.communityId === a.audienceId;
    case 'compound':
      return user.compoundId !== null && user.compoundId === a.audienceId;
    case 'relief':
      return (await deps.relief.reachableByRelief()).includes(user.id);
    case 'volunteers':
      return (await deps.partners.approvedVolunteers()).includes(user.id);
  }
}

/** Whether an activity is about the resident's own community: their community's and compounds' come first. */
export function isLocal(a: store.Activity, user: User, compounds: ReadonlyMap<number, Compound>): boolean {
  if (user.communityId === null) return false;
  if (a.audience === 'community' && a.audienceId === user.communityId) return true;
  if (a.audience === 'compound' && compounds.get(a.audienceId ?? -1)?.communityId === user.communityId) return true;
  return a.compoundId !== null && compounds.get(a.compoundId)?.communityId === user.communityId;
}
