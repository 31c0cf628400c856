import type { Platform } from '../../../platform';
import { announcer } from './announce';
import { calendar } from './calendar';
import { catalogue } from './catalogue';
import type { ActivitiesDeps, ActivitiesPorts } from './deps';
import { desk } from './desk';
import { feedback } from './feedback';
import { reminders } from './reminders';
import { report } from './report';
import { signups } from './signups';

export type { ActivityInput, Actor } from './catalogue';
export type { CalendarEntry, CalendarFilter } from './calendar';
export type { ActivitiesPorts, Organiser } from './deps';
export type { DeskLine, Found } from './desk';
export type { Summary } from './feedback';
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
