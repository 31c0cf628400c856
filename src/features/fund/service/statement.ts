import { localDate, localTime } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import type { Param, Params } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { type Statement, statementOf } from '../books';
import { CB } from '../callbacks';
import { INCOME_KINDS, monthOf, PURPOSES, previousMonth } from '../ledger';
import { formatYuan } from '../money';
import { fundPolicy } from '../policy';
import * as store from '../store';
import type { LedgerService } from './ledger';

/** A line of the statement, or nothing for an amount of zero (a list of 0.00 rows reads as noise). */
const line = (label: string, fen: number): Param =>
  fen === 0 ? '' : { $t: 'fund.statement.line', params: { label: { $t: label }, amount: formatYuan(fen) } };

/** Outbox parameters of a statement: rendered in each recipient's language when it is sent. */
export function statementParams(s: Statement): Params {
  const params: Params = {
    month: s.month,
    year: s.month.slice(0, 4),
    income: formatYuan(s.totals.incomeTotal),
    expense: formatYuan(s.totals.expenseTotal),
    yearIncome: formatYuan(s.yearToDate.incomeTotal),
    yearExpense: formatYuan(s.yearToDate.expenseTotal),
    allIncome: formatYuan(s.sinceStart.incomeTotal),
    allExpense: formatYuan(s.sinceStart.expenseTotal),
    balance: formatYuan(s.closing.balance),
    restricted: formatYuan(s.closing.restrictedTotal),
    free: formatYuan(s.closing.free),
    selfGenerated: line('fund.statement.selfGenerated', s.totals.selfGenerated),
    founding: s.founding
      ? {
          $t: 'fund.statement.founding',
          params: { date: s.founding.date, amount: formatYuan(s.founding.fen), donors: s.founding.donors },
        }
      : '',
  };
  for (const k of INCOME_KINDS) params[`in_${k}`] = line(`fund.kind.${k}`, s.totals.income[k]);
  for (const p of PURPOSES) params[`out_${p}`] = line(`fund.purpose.${p}`, s.totals.expense[p]);
  return params;
}

/** The monthly statement: queued once for every subscriber after a month ends. */
export function createStatementService(
  { db, clock, config, outbox }: Pick<Platform, 'db' | 'clock' | 'config' | 'outbox'>,
  ledger: LedgerService,
) {
  const tz = config.TIMEZONE;

  /** A month's statement from the books as they are now (one read: the text and the picture agree). */
  const statement = async (month: string, trx: DbOrTx = db): Promise<Statement> =>
    statementOf(await ledger.books(trx), month);

  return {
    statement,
    /** The last month whose statement is complete: last month. */
    lastStatementMonth: () => previousMonth(monthOf(localDate(clock.now(), tz))),
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
        const params = statementParams(await statement(month, trx));
        // The pictures are buttons on the statement: the statement as an image (to forward), and the charts.
        const buttons = [
          [{ key: 'fund.buttons.statementImage', data: CB.statementImage(month) }],
          [{ key: 'fund.buttons.chart', data: CB.chart }],
        ];
        return outbox.enqueue(
          trx,
          subscribers.map((id) => ({
            dedupeKey: `fund:statement:${month}:${id}`,
            chatId: id,
            userId: id,
            category: 'notice' as const,
            content: { key: 'fund.statement.text', params, buttons },
          })),
          now,
        );
      });
    },
  };
}
