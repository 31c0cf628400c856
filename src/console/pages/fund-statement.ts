import { html } from 'hono/html';
import { statementPicture } from '../../features/fund/pictures/fund';
import { statementParams } from '../../features/fund/service/statement';
import type { TFunction } from '../../i18n';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { page } from '../views/layout';
import { outText } from '../views/out-text';
import { field, q } from '../views/parts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A month's statement as subscribers get it in the chat (the same text from the same books), and its picture drawn
 * by the charts module from that one statement: the page holds no figure of its own. Staff only.
 */
export function fundStatementPage(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const staff = need(platform.identity, 'staff');

  app.get('/fund/statement', staff, async (c) => {
    const t = c.get('t');
    const asked = q(c, 'month');
    const month = asked && MONTH.test(asked) ? asked : services.fund.lastStatementMonth();
    const s = await services.fund.statement(month);
    // The chat's last line points at its picture buttons; here the picture is on the page.
    const text = outText(t, c.get('locale'), 'fund.statement.text', statementParams(s))
      .split('\n')
      .slice(0, -1)
      .join('\n');
    return page(
      c,
      t('console.fund.statement.title', { month }),
      html`${asked && !MONTH.test(asked) ? html`<p class="notice error">${t('console.fund.statement.badMonth')}</p>` : ''}
<form method="get" action="/fund/statement" class="filters">
${field('month', t('console.fund.filters.month'), month, { type: 'month' })}
<button type="submit">${t('console.filter')}</button></form>
<section class="card"><pre class="statement">${text}</pre></section>
<section class="card"><img class="picture" src="/fund/statement/${month}.svg" alt="${t('console.fund.statement.title', { month })}"></section>
<p><a href="/fund">${t('console.back')}</a></p>`,
    );
  });

  app.get('/fund/statement/:file', staff, async (c) => {
    const month = /^(\d{4}-\d{2})\.svg$/.exec(c.req.param('file'))?.[1];
    if (!month || !MONTH.test(month)) return c.notFound();
    const locale = c.get('locale');
    const t = platform.i18n.getFixedT(locale) as TFunction;
    // ECharts is loaded on the first statement asked for, not at start (src/charts/index.ts).
    const { renderSvg } = await import('../../charts/render');
    const svg = renderSvg(statementPicture({ t, locale }, await services.fund.statement(month)));
    return c.body(svg, 200, { 'content-type': 'image/svg+xml; charset=utf-8' });
  });
}
