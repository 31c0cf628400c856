import type { Role } from '../../identity';
import type { WorkbenchContribution } from '../../telegram/workbench';
import { CB } from './callbacks';
import type { MarketService } from './service';
import { exportFileName, exportSheet, readerOf } from './views/export';

const STAFF: Role[] = ['staff'];

/**
 * What the market puts on the staff workbench: today's queue as a to-do line (while a market day is on today), the
 * market's tasks as buttons, and the market day's bookings as a download for a day picked with buttons.
 */
export function marketWorkbench(market: MarketService, tz: string): WorkbenchContribution {
  return {
    async todos(_user, roles) {
      if (!roles.has('staff') && !roles.has('admin')) return [];
      const today = await market.queuesToday();
      if (today.length === 0) return [];
      const waiting = today.reduce((n, q) => n + q.waiting, 0);
      return [{ key: 'market.todo.queue', count: waiting, data: CB.todayQueue }];
    },
    tasks: [
      { key: 'market.task.schedule', data: CB.create, roles: STAFF, order: 20 },
      { key: 'market.task.days', data: CB.admin, roles: STAFF, order: 21 },
      { key: 'market.task.queue', data: CB.todayQueue, roles: STAFF, order: 22 },
      { key: 'market.task.catalogue', data: CB.catalogue(0), roles: STAFF, order: 23 },
      { key: 'market.task.venues', data: CB.venues(0), roles: STAFF, order: 24 },
    ],
    exports: [
      {
        key: 'market',
        labelKey: 'market.export.label',
        roles: STAFF,
        period: 'day',
        // Market days, not calendar days: the next ones first (the list is printed the evening before), then past.
        days: () => market.exportDays(),
        async sheets(t, period) {
          const date = period?.kind === 'day' ? period.date : market.today();
          return [exportSheet(readerOf(t), await market.exportDay(date), tz, date)];
        },
        fileName: (period) => exportFileName(period?.kind === 'day' ? period.date : market.today()),
      },
    ],
  };
}
