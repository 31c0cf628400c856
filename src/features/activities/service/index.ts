import type { Platform } from '../../../platform';
import { activityState, type Timed } from '../policy';
import { announcer } from './announce';
import { calendar } from './calendar';
import { catalogue } from './catalogue';
import { type ActivitiesDeps, type ActivitiesPorts, todayOf } from './deps';
import { desk } from './desk';
import { feedback } from './feedback';
import { reminders } from './reminders';
import { report } from './report';
import { signups } from './signups';

export type { CalendarEntry, CalendarFilter } from './calendar';
export type { ActivitiesPorts, Organiser } from './deps';
export type { DeskLine, Found } from './desk';
export type { Summary } from './feedback';
export type { ActivityInput, Actor } from './input';
export type { ActivityFigures, GroupFigures } from './report';
export type { Child, SignupResult } from './signups';

/** Community activities: the calendar, sign-ups and the line, reminders, the day's desk, feedback, the figures. */
export type ActivitiesService = ReturnType<typeof createActivitiesService>;

export function createActivitiesService(
  platform: Pick<Platform, 'db' | 'clock' | 'config' | 'identity' | 'outbox' | 'settings'>,
  ports: ActivitiesPorts,
) {
  const deps: ActivitiesDeps = { ...platform, ...ports, tz: platform.config.TIMEZONE };
  const announce = announcer(deps);
  return {
    tz: deps.tz,
    today: () => deps.clock.now(),
    todayDate: () => todayOf(deps),
    /** What can be done with the activity now (draft, open, started, over, cancelled). */
    state: (a: Timed & { status: string }) => activityState(a, deps.clock.now(), deps.tz),
    ...catalogue(deps, announce),
    announcePending: announce.announcePending,
    ...signups(deps),
    ...calendar(deps),
    ...desk(deps),
    ...reminders(deps),
    ...feedback(deps),
    ...report(deps),
  };
}
