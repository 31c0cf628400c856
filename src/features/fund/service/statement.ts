import { localDate, localTime } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import type { Params } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import { INCOME_KINDS, monthOf, PURPOSES, previousMonth } from '../ledger';
import { formatYuan } from '../money';
import { fundPolicy } from '../policy';
import * as store from '../store';
import type { LedgerService } from './ledger';

/** The monthly statement: queued once for every subscriber after a month ends. */
export function createStatementService(
  { db, clock, config, outbox }: Pick<Platform, 'db' | 'clock' | 'config' | 'outbox'>,
  ledger: LedgerService,
) {
  const tz = config.TIMEZONE;

  /** Outbox parameters of a month's statement: one number per income kind and purpose, and the closing balance. */
  async function statementParams(month: string, trx: DbOrTx = db): Promise<Params> {
    const { totals, closing } = await ledger.monthTotals(month, trx);
    const params: Params = {
      month,
      income: formatYuan(totals.incomeTotal),
      expense: formatYuan(totals.expenseTotal),
      selfGenerated: formatYuan(totals.selfGenerated),
      balance: formatYuan(closing.balance),
      restricted: formatYuan(closing.restrictedTotal),
    };
    for (const k of INCOME_KINDS) params[`in_${k}`] = formatYuan(totals.income[k]);
    for (const p of PURPOSES) params[`out_${p}`] = formatYuan(totals.expense[p]);
    return params;
  }

  return {
    statementParams,
    /**
     * Catch-up: once last month is over (from 09:00 on the 1st), its statement is queued once for every subscriber.
     * The fund_statements row makes a second run — or a restart — a no-op; dedupe keys guard each recipient too.
     */
    async queueMonthlyStatement(now = clock.now()): Promise<number> {
      const today = localDate(now, tz);
      if (today.endsWith('-01') && localTime(now, tz) < fundPolicy.statementTime) return 0;
      const month = previousMonth(monthOf(today));
      if (await store.statementQueued(db, month)) return 0;
      const first = await store.firstEntryDate(db);
      if (first === null || first >= `${monthOf(today)}-01`) return 0;
      return db.transaction().execute(async (trx) => {
        const subscribers = await store.reachableSubscribers(trx);
        if (!(await store.claimStatement(trx, month, now.toISOString(), subscribers.length))) return 0;
        const params = await statementParams(month, trx);
        return outbox.enqueue(
          trx,
          subscribers.map((id) => ({
            dedupeKey: `fund:statement:${month}:${id}`,
            chatId: id,
            userId: id,
            category: 'notice' as const,
            // The chart is a button on the statement, not a command to type.
            content: { key: 'fund.statement.text', params, buttons: [[{ key: 'fund.buttons.chart', data: CB.chart }]] },
          })),
          now,
        );
      });
    },
  };
}
