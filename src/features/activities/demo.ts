import { weekdayOf } from '../../core/calendar';
import { addDays, localDate } from '../../core/time';
import type { Platform } from '../../platform';
import type { ActivitiesService } from './service';
import type { NewActivity } from './store';
import * as store from './store';

// The playground's calendar: next week's legal lecture, a weekend class series for children, a fire drill — so a
// newcomer sees them at once. Published without an announcement (nobody is told of demo data). Safe to run twice.

const base = {
  descriptionEn: null,
  partnerId: null,
  organiserName: null,
  placeAddress: null,
  latitude: null,
  longitude: null,
  audienceId: null,
  ageMin: null,
  ageMax: null,
  seriesId: null,
  sessionNo: null,
  createdBy: null,
  signupNeeded: true,
  bringEn: null,
} as const;

export async function seedDemoActivities(platform: Pick<Platform, 'db' | 'clock' | 'config'>, _s: ActivitiesService) {
  const { db, clock, config } = platform;
  const existing = await db
    .selectFrom('activities')
    .select('id')
    .where('title_zh', '=', '公益法律讲座：遗产与赡养')
    .executeTakeFirst();
  if (existing) return 'activities: demo calendar already there';
  const today = localDate(clock.now(), config.TIMEZONE);
  const saturday = addDays(today, (6 - weekdayOf(today) + 7) % 7 || 7);
  const compound = await db.selectFrom('compounds').select(['id', 'name_zh']).orderBy('id').executeTakeFirst();
  const at = clock.now().toISOString();
  const demo: Omit<NewActivity, 'createdAt'>[] = [
    {
      ...base,
      titleZh: '公益法律讲座：遗产与赡养',
      titleEn: 'Free legal lecture: inheritance and elder care',
      descriptionZh: '区总工会的律师讲解遗产、赡养和租房合同，现场答疑。',
      kind: 'lecture',
      compoundId: compound?.id ?? null,
      placeZh: '社区党群服务中心二楼会议室',
      placeEn: 'Community centre, meeting room 2F',
      // a point on the map, so residents opening it get the pin (demo: a spot in 月塘街道)
      placeAddress: '荷塘区月塘街道社区党群服务中心',
      latitude: 27.8409,
      longitude: 113.1798,
      date: addDays(today, 7),
      startsAt: '19:00',
      endsAt: '20:30',
      audience: 'all',
      capacity: 90,
      bringZh: null,
    },
    {
      ...base,
      titleZh: '消防疏散演练',
      titleEn: 'Fire evacuation drill',
      descriptionZh: '听到警报后按指示从楼梯疏散到楼前空地，请勿乘电梯。',
      kind: 'drill',
      compoundId: compound?.id ?? null,
      placeZh: `${compound?.name_zh ?? ''} 各楼栋`.trim(),
      placeEn: null,
      date: addDays(saturday, 1),
      startsAt: '15:00',
      endsAt: '15:30',
      audience: 'all',
      capacity: null,
      signupNeeded: false,
      bringZh: null,
    },
  ];
  for (const a of demo) {
    const id = await store.insertActivity(db, { ...a, createdAt: at });
    await store.updateActivity(db, id, { status: 'published', published_at: at, announced_at: at });
  }
  const seriesId = await store.insertSeries(db, 10, null, at);
  for (let i = 0; i < 10; i++) {
    const id = await store.insertActivity(db, {
      ...base,
      titleZh: '周末课堂：少儿美术',
      titleEn: 'Weekend class: children’s art',
      descriptionZh: '社工中心志愿者带孩子画画，家长请陪同。',
      kind: 'class',
      compoundId: compound?.id ?? null,
      placeZh: '社区活动室',
      placeEn: 'Community activity room',
      date: addDays(saturday, 7 * i),
      startsAt: '09:30',
      endsAt: '11:00',
      audience: 'age',
      ageMin: 6,
      ageMax: 12,
      capacity: 12,
      bringZh: '画笔、水杯',
      bringEn: 'Brushes, a water bottle',
      seriesId,
      sessionNo: i + 1,
      createdAt: at,
    });
    await store.updateActivity(db, id, { status: 'published', published_at: at, announced_at: at });
  }
  return 'activities: demo calendar (a legal lecture next week, a 10-week weekend class, a fire drill)';
}
