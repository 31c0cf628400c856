import { hasAny } from '../../identity';
import type { Period, WorkbenchContribution } from '../../telegram/workbench';
import { CB } from './callbacks';
import type { StatsPeriod } from './policy';
import type { PetitionsService } from './service';

/** A workbench period as the petitions' figures take it (a day is not offered: month or year). */
const asStats = (p: Period | null, thisMonth: () => StatsPeriod): StatsPeriod =>
  p?.kind === 'month' || p?.kind === 'year' ? p : thisMonth();

const periodName = (p: Period | null) =>
  p === null ? 'all' : p.kind === 'month' ? p.month : p.kind === 'year' ? p.year : p.date;

/**
 * What petitions put on the workbench. To-dos: a deputy's new and overdue petitions; staff's petitions waiting in areas
 * no deputy answers for, and every overdue one. Tasks: the petitions, a meeting, the statistics, and (admins) the
 * deputies' areas, the catalogues and the time limits. Export: the petitions of a month or a year.
 */
export function petitionsWorkbench(petitions: PetitionsService): WorkbenchContribution {
  return {
    async todos(user, roles) {
      const w = await petitions.workFor(user.id, roles);
      const staff = hasAny(roles, ['staff']);
      return [
        ...(roles.has('deputy')
          ? [
              { key: 'petitions.todo.new', count: w.toAck, data: CB.list('n', 0) },
              { key: 'petitions.todo.overdue', count: w.overdue, data: CB.list('d', 0) },
            ]
          : []),
        ...(staff
          ? [
              { key: 'petitions.todo.uncovered', count: w.uncovered, data: CB.list('u', 0) },
              { key: 'petitions.todo.overdueAll', count: w.overdueAll, data: CB.list('d', 0) },
            ]
          : []),
      ];
    },
    tasks: [
      { key: 'petitions.task.petitions', data: CB.work, roles: ['deputy', 'staff'], order: 30 },
      { key: 'petitions.task.meeting', data: CB.meetingStart, roles: ['deputy'], order: 31 },
      { key: 'petitions.task.stats', data: CB.statsHome, roles: ['staff'], order: 32 },
      { key: 'petitions.task.deputies', data: CB.deputies(0), roles: ['admin'], order: 33 },
      { key: 'petitions.task.categories', data: CB.catalogue('category', 0), roles: ['admin'], order: 34 },
      { key: 'petitions.task.departments', data: CB.catalogue('department', 0), roles: ['admin'], order: 35 },
      { key: 'petitions.task.limits', data: CB.limits, roles: ['admin'], order: 36 },
    ],
    exports: [
      {
        key: 'petitions',
        labelKey: 'petitions.export.label',
        roles: ['staff'],
        period: 'month-or-year',
        sheets: async (t, period) => [await petitions.exportSheet(t, asStats(period, petitions.thisMonth))],
        fileName: (period) => `petitions-${periodName(period)}`,
      },
    ],
  };
}
