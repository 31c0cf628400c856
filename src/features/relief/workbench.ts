import type { TxHook } from '../../db/tx';
import type { Role } from '../../identity';
import { hasAny, type User } from '../../identity';
import type { Period, WorkbenchContribution } from '../../telegram/workbench';
import { CB } from './callbacks';
import type { ReliefService } from './service';

const monthOf = (p: Period | null, relief: ReliefService) => (p?.kind === 'month' ? p.month : relief.thisMonth());

/**
 * What the relief pickup puts on the staff workbench (issue 15): on the pickup day how many are still to collect
 * (opening the desk) and the requests to be contacted nobody answered; the desk, the roster, the settings and the
 * month's report as buttons; the roster in from a spreadsheet, and the roster and a month's pickups out.
 */
export function reliefWorkbench(relief: ReliefService): WorkbenchContribution {
  return {
    async todos(_user: User, roles: ReadonlySet<Role>) {
      if (!hasAny(roles, ['staff'])) return [];
      const n = await relief.todoCounts();
      return [
        { key: 'relief.todo.stillToCollect', count: n.stillToCollect, data: CB.checkin },
        { key: 'relief.todo.inquiries', count: n.openInquiries, data: CB.inquiries(0) },
      ];
    },
    tasks: [
      { key: 'relief.task.checkin', data: CB.checkin, roles: ['staff'], order: 40 },
      { key: 'relief.task.roster', data: CB.staffMenu, roles: ['staff'], order: 41 },
      { key: 'relief.task.report', data: CB.reportMonths, roles: ['staff'], order: 42 },
      { key: 'relief.task.settings', data: CB.settings, roles: ['staff'], order: 43 },
    ],
    imports: [
      {
        key: 'relief-roster',
        labelKey: 'relief.file.roster',
        columnsKey: 'relief.file.columns',
        roles: ['staff'],
        check: (rows, t) => relief.checkRosterFile(rows, t),
        apply: (actor: User, rows, done?: TxHook) => relief.importRosterFile(actor.id, rows, done),
      },
    ],
    exports: [
      {
        key: 'relief-roster',
        labelKey: 'relief.file.roster',
        roles: ['staff'],
        sheets: async (t) => [await relief.rosterSheet(t)],
        fileName: () => 'relief-roster',
      },
      {
        key: 'relief-month',
        labelKey: 'relief.file.month',
        roles: ['staff'],
        period: 'month',
        sheets: async (t, p) => [await relief.monthSheet(monthOf(p, relief), t)],
        fileName: (p) => `relief-${monthOf(p, relief)}`,
      },
    ],
  };
}
