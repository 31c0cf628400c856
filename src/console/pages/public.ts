import { html } from 'hono/html';
import { localDate } from '../../core/time';
import { INCOME_KINDS, PURPOSES } from '../../features/fund/ledger';
import { formatYuan } from '../../features/fund/money';
import { parsePeriod } from '../../features/fund/report';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { barChart, pieChart } from '../views/charts';
import { page } from '../views/layout';
import { figure, table } from '../views/parts';

/**
 * Pages anyone may open, without signing in: the fund's "where the money went". Aggregates only: totals by kind
 * and purpose, and the names of donors who agreed to be named; no one else's name, no phone number.
 */
export function publicPages(app: ConsoleApp, { services, platform }: ConsoleDeps) {
  const { clock, config } = platform;

  // The monthly community report: counts and rates only, of a month (YYYY-MM) or a year (YYYY); this month by default.
  app.get('/public/report', async (c) => {
    const t = c.get('t');
    const thisMonth = localDate(clock.now(), config.TIMEZONE).slice(0, 7);
    const period = parsePeriod(c.req.query('period') ?? '') ?? parsePeriod(thisMonth)!;
    const r = await services.fund.report(period);
    const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
    const p = r.petitions;
    const resolved = t('console.report.resolved', { rate: pct(p.answerDue ? p.resolved / p.answerDue : null) });
    const satisfaction = p.rated ? (p.ratingSum / p.rated).toFixed(1) : '—';
    const chart = barChart(
      'report-chart',
      t('console.report.chart'),
      [t('console.report.petitions'), t('console.report.relief')],
      [
        { name: t('console.report.due'), data: [r.petitions.filed, r.relief.expected] },
        { name: t('console.report.done'), data: [r.petitions.resolved, r.relief.collected] },
      ],
    );
    return page(
      c,
      t('console.report.title', { period: period.label }),
      html`<form method="get" action="/public/report" class="filters">
<label>${t('console.report.period')}<input name="period" value="${period.label}" pattern="\d{4}(-\d{2})?"></label>
<button type="submit">${t('console.filter')}</button></form>
<section class="card"><div class="figures">
${figure(t('console.report.petitions'), r.petitions.filed, resolved)}
${figure(t('console.report.satisfaction'), satisfaction)}
${figure(t('console.report.relief'), r.relief.collected, `${r.relief.collected} / ${r.relief.expected}`)}
${figure(t('console.report.market'), r.market.held, t('console.dash.served', { count: r.market.served }))}
${figure(t('console.report.income'), formatYuan(r.fund.incomeTotal))}
${figure(t('console.report.spent'), formatYuan(r.fund.expenseTotal))}
${figure(t('console.dash.volunteerHours'), (r.volunteers.minutes / 60).toFixed(1))}
${figure(t('console.dash.activities'), r.activities.held, t('console.dash.activitiesNote', { attended: r.activities.attended, signUps: r.activities.signUps }))}
</div></section><section class="card">${chart}</section>`,
    );
  });

  app.get('/public/fund', async (c) => {
    const t = c.get('t');
    const [s, donors] = await Promise.all([services.fund.summary(), services.fund.publicDonors()]);
    const since = s.since ? t('console.public.since', { date: s.since }) : '';
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
${figure(t('console.public.incomeAll'), formatYuan(s.all.incomeTotal), since)}
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
