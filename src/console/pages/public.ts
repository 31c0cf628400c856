import { html } from 'hono/html';
import { INCOME_KINDS, PURPOSES } from '../../features/fund/ledger';
import { formatYuan } from '../../features/fund/money';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { barChart, pieChart } from '../views/charts';
import { page } from '../views/layout';
import { figure, table } from '../views/parts';

/**
 * Pages anyone may open, without signing in: the fund's "where the money went". Aggregates only: totals by kind
 * and purpose, and the names of donors who agreed to be named; no one else's name, no phone number.
 */
export function publicPages(app: ConsoleApp, { services }: ConsoleDeps) {
  app.get('/public/fund', async (c) => {
    const t = c.get('t');
    const [s, donors] = await Promise.all([services.fund.summary(), services.fund.publicDonors()]);
    const spent = PURPOSES.map((p) => ({ name: t(`fund.purpose.${p}`), value: s.year.expense[p] / 100 })).filter(
      (x) => x.value > 0,
    );
    const income = barChart(
      'fund-income',
      t('console.public.incomeByKind'),
      INCOME_KINDS.map((k) => t(`fund.kind.${k}`)),
      [{ name: t('console.public.thisYear'), data: INCOME_KINDS.map((k) => s.year.income[k] / 100) }],
    );
    return page(
      c,
      t('console.public.fundTitle'),
      html`<section class="card"><div class="figures">
${figure(t('console.public.balance'), formatYuan(s.balance))}
${figure(t('console.public.incomeYear'), formatYuan(s.year.incomeTotal))}
${figure(t('console.public.spentYear'), formatYuan(s.year.expenseTotal))}
${figure(t('console.public.incomeAll'), formatYuan(s.all.incomeTotal), s.since ? t('console.public.since', { date: s.since }) : '')}
</div></section>
<section class="card">${
        spent.length
          ? pieChart('fund-spent', t('console.public.whereItWent'), spent)
          : html`<p class="empty">${t('console.public.nothingSpent')}</p>`
      }</section>
<section class="card">${income}</section>
<section class="card"><h2>${t('console.public.donors')}</h2>${table(
        [t('console.public.donor'), t('console.public.amount')],
        donors.map((d) => [d.name, formatYuan(d.fen)]),
        t('console.public.noDonors'),
      )}</section>`,
    );
  });
}
