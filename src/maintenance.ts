import type { Config } from './config';
import type { JobSpec } from './core/jobs';
import { DAY_MS, localDate } from './core/time';
import type { DbHandle } from './db/client';
import { forgetUpdatesBefore } from './db/handled-updates';
import { optimize, takeSnapshot } from './db/maintenance';
import type { Logger } from './logger';
import type { Outbox } from './outbox/service';

/**
 * Once a night: delivered outbox rows past the retention window go (in small batches), the planner's statistics are
 * refreshed, handled webhook updates older than two days are forgotten, and the table sizes are recorded for `cli stats`. The audit log is the record and is never pruned.
 */
export function maintenanceJob(deps: { dbh: DbHandle; outbox: Outbox; config: Config; log: Logger }): JobSpec {
  const { dbh, outbox, config, log } = deps;
  return {
    name: 'db.maintenance',
    cron: '30 3 * * *',
    async run(now) {
      const pruned = await outbox.prune(new Date(now.getTime() - config.DELIVERY_RETENTION_DAYS * DAY_MS));
      await forgetUpdatesBefore(dbh.db, new Date(now.getTime() - 2 * DAY_MS));
      await optimize(dbh, false);
      await takeSnapshot(dbh, localDate(now, config.TIMEZONE));
      log.info({ pruned }, 'nightly maintenance done');
    },
  };
}
