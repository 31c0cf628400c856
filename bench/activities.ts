// npm run bench -- activities: the activities part of /report for a busy year, on SQLite in memory. A year of
// 1,200 published activities (about 100 a month across the sub-district) with 30 sign-ups each, 22 of them checked in.
import { pino } from 'pino';
import { createConfig } from '../src/config';
import { ManualClock } from '../src/core/clock';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { createActivitiesService } from '../src/features/activities/service';
import { createPartnersService } from '../src/features/partners/service';
import { createReliefService } from '../src/features/relief/service';
import { createResidentsService } from '../src/features/residents/service';
import { createPlatform, offlineTelegram } from '../src/platform';
import { report } from './report';

const ACTIVITIES = 1200;
const PER_ACTIVITY = 30;
const USERS = 3000;
const RUNS = 30;
const KINDS = ['lecture', 'class', 'drill', 'health', 'festival', 'outing', 'volunteering'] as const;

export async function main(): Promise<void> {
  const h = openDatabase(':memory:');
  await migrateToLatest(h.db);
  const config = createConfig({ LOG_LEVEL: 'silent' });
  const clock = new ManualClock(new Date('2026-12-31T04:00:00Z'));
  const platform = createPlatform({
    db: h.db,
    config,
    clock,
    log: pino({ level: 'silent' }),
    telegram: offlineTelegram,
  });
  const at = '2026-01-01T00:00:00Z';
  for (let i = 1; i <= USERS; i += 500)
    await h.db
      .insertInto('users')
      .values(
        Array.from({ length: 500 }, (_, k) => ({ id: i + k, first_name: `u${i + k}`, created_at: at, seen_at: at })),
      )
      .execute();
  let signup = 0;
  for (let a = 1; a <= ACTIVITIES; a++) {
    const kind = KINDS[a % KINDS.length]!;
    await h.db
      .insertInto('activities')
      .values({
        id: a,
        title_zh: `活动${a}`,
        kind,
        organiser_name: a % 3 ? `合伙人${a % 9}` : null,
        place_zh: '社区会议室',
        date: `2026-${String(1 + (a % 12)).padStart(2, '0')}-${String(1 + (a % 28)).padStart(2, '0')}`,
        starts_at: '09:00',
        ends_at: '11:00',
        audience: 'all',
        signup_needed: 1,
        status: 'published',
        drill_people: kind === 'drill' ? 100 : null,
        drill_seconds: kind === 'drill' ? 270 : null,
        created_at: at,
      })
      .execute();
    await h.db
      .insertInto('activity_signups')
      .values(
        Array.from({ length: PER_ACTIVITY }, (_, k) => ({
          id: ++signup,
          activity_id: a,
          user_id: 1 + ((a * 31 + k) % USERS),
          status: k < PER_ACTIVITY - 2 ? 'booked' : 'waiting',
          checked_in_at: k < 22 ? at : null,
          rating: k < 5 ? 4 : null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
  const residents = createResidentsService(platform);
  const activities = createActivitiesService(platform, {
    places: residents,
    partners: createPartnersService(platform),
    relief: createReliefService(platform),
  });
  const times: number[] = [];
  let held = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    held = (await activities.activityFigures('2026-01-01', '2027-01-01', '2026-12-31')).held;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const [load1] = (await import('node:os')).loadavg();
  report(
    'activities',
    [
      {
        figure: 'activityFigures (a year)',
        activities: held,
        signUps: signup,
        p50_ms: times[Math.floor(RUNS / 2)]!,
        max_ms: times[RUNS - 1]!,
      },
    ],
    { runs: RUNS, loadavg1: load1 },
  );
  await h.close();
}
