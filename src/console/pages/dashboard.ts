import { html } from 'hono/html';
import { localDate } from '../../core/time';
import { parsePeriod } from '../../features/fund/report';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { CONSOLE_ROLES, consolePolicy, onlyDeputy } from '../policy';
import { barChart } from '../views/charts';
import { page } from '../views/layout';
import { figure, share, yuan } from '../views/parts';

/**
 * The dashboard: this month's and this year's figures (the community report's, from each area's service), the
 * fund's last six months as a chart, and the to-do list the chat workbench shows this person.
 */
export function dashboardPage(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { clock, config, identity } = platform;
  // Month and year totals, not a live feed: read at most once a minute, whoever asks.
  let cached: { at: number; key: string; value: Promise<Awaited<ReturnType<typeof figures>>> } | undefined;

  async function figures(month: string) {
    const year = month.slice(0, 4);
    const [m, y] = await Promise.all([
      services.fund.report(parsePeriod(month)!),
      services.fund.report(parsePeriod(year)!),
    ]);
    // The month's report carries the months before it (at least six) for its own trend chart: the same figures.
    const trend = m.trend.slice(-6);
    return { m, y, months: trend.map((x) => x.month), fund: trend };
  }

  app.get('/', need(identity, ...CONSOLE_ROLES), async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const month = localDate(clock.now(), config.TIMEZONE).slice(0, 7);
    const now = clock.now().getTime();
    if (!cached || cached.key !== month || now - cached.at > consolePolicy.dashboardTtlMs)
      cached = { at: now, key: month, value: figures(month) };
    const [f, todos] = await Promise.all([cached.value, services.workbench.todos(v.user, v.roles)]);
    const money = (r: typeof f.m) =>
      figure(
        t('console.dash.income'),
        yuan(r.fund.incomeTotal),
        t('console.dash.spent', { yuan: yuan(r.fund.expenseTotal) }),
      );
    const block = (label: string, r: typeof f.m) =>
      html`<section class="card"><h2>${label}</h2><div class="figures">
${figure(t('console.dash.petitions'), r.petitions.filed, share(t, r.petitions.resolved, r.petitions.answerDue))}
${figure(t('console.dash.relief'), r.relief.collected, share(t, r.relief.collected, r.relief.expected))}
${figure(t('console.dash.market'), r.market.held, t('console.dash.served', { count: r.market.served }))}
${onlyDeputy(v.roles) ? '' : money(r)}
${figure(t('console.dash.volunteerHours'), (r.volunteers.minutes / 60).toFixed(1))}
${figure(t('console.dash.activities'), r.activities.held, t('console.dash.activitiesNote', { attended: r.activities.attended, signUps: r.activities.signUps }))}
</div></section>`;
    const chart = onlyDeputy(v.roles)
      ? ''
      : barChart('fund-months', t('console.dash.fundChart'), f.months, [
          { name: t('console.dash.income'), data: f.fund.map((x) => x.income / 100) },
          { name: t('console.dash.expense'), data: f.fund.map((x) => x.expense / 100) },
        ]);
    // The workbench's lines are Telegram text: the page shows the words only.
    const plain = (s: string) => s.replace(/<[^>]+>/g, '');
    const todoList =
      todos.length === 0
        ? html`<p class="empty">${t('console.dash.nothingToDo')}</p>`
        : html`<ul class="todos">${todos.map((x) => html`<li>${plain(t(x.key, { count: x.count, ...x.params }))}</li>`)}
</ul>`;
    return page(
      c,
      t('console.dash.title'),
      html`<section class="card"><h2>${t('console.dash.todo')}</h2>${todoList}</section>
${block(t('console.dash.month', { month }), f.m)}
${block(t('console.dash.year', { year: month.slice(0, 4) }), f.y)}
${chart ? html`<section class="card">${chart}</section>` : ''}`,
    );
  });
}
