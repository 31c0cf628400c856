import { html } from 'hono/html';
import { formatYuan } from '../../features/fund/money';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { consolePolicy } from '../policy';
import { page } from '../views/layout';
import { int, pager, q, table } from '../views/parts';

/** Monthly donors (月月捐): every active pledge, and whether this month's money has come in yet. Staff only. */
export function fundPledgesPage(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  app.get('/fund/pledges', need(platform.identity, 'staff'), async (c) => {
    const t = c.get('t');
    const size = consolePolicy.pageSize;
    const asked = int(q(c, 'page')) ?? 0;
    let board = await services.fund.pledgeBoard(asked, size);
    if (asked >= board.pages) board = await services.fund.pledgeBoard(board.pages - 1, size);
    const rows = board.pledges.map((p) => [
      `#${p.id}`,
      p.name,
      html`<span class="money">${formatYuan(p.amountFen)}</span>`,
      t('console.fund.pledges.day', { day: p.dayOfMonth }),
      p.startMonth,
      html`<span class="pledge-${p.state}">${t(`console.fund.pledges.state.${p.state}`)}</span>`,
    ]);
    const headers = ['id', 'donor', 'amount', 'day', 'since', 'month'].map((h) =>
      t(`console.fund.pledges.col.${h}`, { month: board.month }),
    );
    return page(
      c,
      t('console.fund.pledges.title'),
      html`<p>${t('console.fund.pledges.intro', { month: board.month })}</p>
${table(headers, rows, t('console.fund.pledges.none'))}
${pager(c, Math.min(asked, board.pages - 1), board.pages, board.total)}
<p><a href="/fund">${t('console.back')}</a></p>`,
    );
  });
}
