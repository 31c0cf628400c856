import type { ActivityInput } from '../../../src/features/activities/service';

// What the activities tests share: local times in Shanghai and a complete activity to start from.

export const at = (local: string) => new Date(`${local}+08:00`);

/** A lecture for everyone on Thursday 2026-12-03, 19:00–20:30, two places. */
export const lecture = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  titleZh: '公益法律讲座',
  titleEn: 'Free legal lecture',
  descriptionZh: '律师讲解遗产与赡养。',
  descriptionEn: null,
  kind: 'lecture',
  partnerId: null,
  compoundId: null,
  placeZh: '社区会议室',
  placeEn: null,
  placeAddress: null,
  latitude: null,
  longitude: null,
  date: '2026-12-03',
  startsAt: '19:00',
  endsAt: '20:30',
  sessions: 1,
  audience: 'all',
  audienceId: null,
  ageMin: null,
  ageMax: null,
  capacity: 2,
  signupNeeded: true,
  bringZh: '身份证',
  bringEn: 'ID card',
  ...over,
});

/** A ten-week weekend class for children aged 6–12 from Saturday 2026-12-05, 09:30–11:00, two places a session. */
export const weekendClass = (over: Partial<ActivityInput> = {}): ActivityInput =>
  lecture({
    titleZh: '周末课堂：少儿美术',
    titleEn: 'Weekend class: children’s art',
    kind: 'class',
    date: '2026-12-05',
    startsAt: '09:30',
    endsAt: '11:00',
    sessions: 10,
    audience: 'age',
    ageMin: 6,
    ageMax: 12,
    capacity: 2,
    bringZh: '画笔',
    bringEn: 'Brushes',
    ...over,
  });
