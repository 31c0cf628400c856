import { localDate, localTime } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { enqueue, type Params } from '../delivery/service';
import { formatYuan } from './money';
import { INCOME_KINDS, monthOf, monthTotals, PURPOSES, previousMonth } from './service';
import * as store from './store';

/** Statements for last month go out from this time on the 1st (a later run catches up). */
export const STATEMENT_TIME = '09:00';

export const subscribe = (db: DbOrTx, userId: number, now: Date) => store.subscribe(db, userId, now.toISOString());
export const unsubscribe = (db: DbOrTx, userId: number) => store.unsubscribe(db, userId);
export const isSubscribed = (db: DbOrTx, userId: number) => store.isSubscribed(db, userId);

/** Outbox parameters of a month's statement: one number per income kind and spending purpose, plus the closing balance. */
export async function statementParams(db: DbOrTx, month: string): Promise<Params> {
  const { totals, closing } = await monthTotals(db, month);
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

/**
 * Catch-up: once last month is over (from 09:00 on the 1st), its statement is queued once for every subscriber.
 * The fund_statements row makes a second run — or a restart — a no-op; dedupe keys guard each recipient too.
 */
export async function queueMonthlyStatement(db: Db, now: Date, tz: string): Promise<number> {
  const today = localDate(now, tz);
  if (today.endsWith('-01') && localTime(now, tz) < STATEMENT_TIME) return 0;
  const month = previousMonth(monthOf(today));
  if (await store.findStatement(db, month)) return 0;
  const first = await store.firstEntryDate(db);
  if (first === null || first >= `${monthOf(today)}-01`) return 0;
  return db.transaction().execute(async (trx) => {
    const subscribers = await store.reachableSubscribers(trx);
    if (!(await store.claimStatement(trx, month, now.toISOString(), subscribers.length))) return 0;
    const params = await statementParams(trx, month);
    return enqueue(
      trx,
      subscribers.map((s) => ({
        dedupeKey: `fund:statement:${month}:${s.id}`,
        chatId: s.id,
        userId: s.id,
        category: 'notice' as const,
        content: { key: 'fund.statement.text', params },
      })),
      now,
    );
  });
}
