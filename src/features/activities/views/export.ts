import type { Sheet } from '../../../core/sheets';
import { addDays } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import type { Period } from '../../../telegram/workbench';
import type { ActivitiesService } from '../service';

// The staff export: every activity of a month or a year with its figures, and the figures by kind and organiser.

/** [from, to) calendar dates of a month or a year. */
export function periodRange(period: Period | null, today: string): { from: string; to: string; name: string } {
  if (period?.kind === 'year')
    return { from: `${period.year}-01-01`, to: `${Number(period.year) + 1}-01-01`, name: period.year };
  const month = period?.kind === 'month' ? period.month : today.slice(0, 7);
  const next = addDays(`${month}-28`, 4).slice(0, 7);
  return { from: `${month}-01`, to: `${next}-01`, name: month };
}

export async function activitySheets(
  service: ActivitiesService,
  t: TFunction,
  period: Period | null,
): Promise<Sheet[]> {
  const { from, to } = periodRange(period, service.todayDate());
  const rows = await service.periodRows(from, to, service.todayDate());
  const col = (k: string) => t(`activities.export.${k}`);
  const list: Sheet = {
    name: col('sheet'),
    header: [
      'date',
      'hours',
      'kind',
      'title',
      'organiser',
      'capacity',
      'signUps',
      'waiting',
      'attended',
      'walkIns',
      'noShows',
      'rating',
      'drillPeople',
      'drillTime',
    ].map(col),
    rows: rows.map((r) => [
      r.date,
      `${r.startsAt}-${r.endsAt}`,
      t(`activities.kinds.${r.kind}`),
      r.titleZh,
      r.organiserName ?? t('activities.view.community'),
      r.capacity ?? '',
      r.signUps,
      r.waiting,
      r.attended,
      r.walkIns,
      r.noShows,
      r.rated ? Math.round((r.ratingSum / r.rated) * 10) / 10 : '',
      r.drillPeople ?? '',
      r.drillSeconds === null
        ? ''
        : `${Math.floor(r.drillSeconds / 60)}:${String(r.drillSeconds % 60).padStart(2, '0')}`,
    ]),
  };
  const f = await service.activityFigures(from, to);
  const byKind: Sheet = {
    name: col('byKind'),
    header: ['group', 'held', 'signUps', 'attended'].map(col),
    rows: [
      ...f.byKind.map((k) => [t(`activities.kinds.${k.kind}`), k.held, k.signUps, k.attended]),
      ...f.byOrganiser.map((o) => [o.organiser ?? t('activities.view.community'), o.held, o.signUps, o.attended]),
    ],
  };
  return [list, byKind];
}
