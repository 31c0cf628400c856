import { localDate } from '../../core/time';
import type { Deps } from '../../telegram/legacy';
import type { JobSpec } from '../../telegram/feature';
import { checkDeadlines } from './deadlines';
import { policyFrom, toStaff } from './notify';
import { monthStart, num, pct, previousMonth, responsiveness } from './stats';

/** Last month's three rates to staff, once, on the first run in a new month. */
export async function sendMonthlyStats(deps: Pick<Deps, 'db' | 'config'>, now: Date): Promise<void> {
  const tz = deps.config.TIMEZONE;
  const month = previousMonth(localDate(now, tz).slice(0, 7));
  const from = monthStart(month, tz);
  const to = monthStart(localDate(now, tz).slice(0, 7), tz);
  const { overall: r } = await responsiveness(deps.db, from, to, now);
  if (r.filed === 0) return;
  await deps.db.transaction().execute((trx) =>
    toStaff(
      trx,
      policyFrom(deps.config),
      `petitions:monthly:${month}`,
      {
        key: 'petitions.stats.monthly',
        params: {
          month,
          filed: r.filed,
          response: pct(r.responseRate),
          resolution: pct(r.resolutionRate),
          satisfaction: num(r.satisfaction),
          ackHours: num(r.medianAckHours),
          resolveDays: num(r.medianResolveDays),
          overdue: r.overdue,
        },
      },
      now,
    ),
  );
}

export const petitionJobs = (deps: Deps): JobSpec[] => [
  {
    name: 'petitions.deadlines',
    cron: '*/10 * * * *',
    run: async (now) => {
      if (await checkDeadlines(deps.db, policyFrom(deps.config), now)) deps.wakeDelivery();
    },
  },
  {
    name: 'petitions.monthly',
    cron: '15 9 * * *',
    run: async (now) => {
      await sendMonthlyStats(deps, now);
      deps.wakeDelivery();
    },
  },
];
