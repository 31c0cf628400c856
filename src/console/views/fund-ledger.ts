import type { Context } from 'hono';
import { html } from 'hono/html';
import { isPurpose, nextMonth, PURPOSES } from '../../features/fund/ledger';
import { formatYuan } from '../../features/fund/money';
import type { FundService } from '../../features/fund/service';
import type { ConsoleEnv, Translate } from '../context';
import { field, notice, q, select, table } from './parts';

export type LedgerFilter = NonNullable<Parameters<FundService['ledgerPage']>[1]>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The day after a calendar date: the ledger's ranges are [from, to), the form's "to" includes its day. */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** What the ledger's query asks for; a value that is not one of the form's (a typed URL) is left out. */
export function ledgerFilter(c: Context<ConsoleEnv>): LedgerFilter {
  const f: LedgerFilter = {};
  const month = q(c, 'month');
  if (month && MONTH.test(month)) {
    f.from = `${month}-01`;
    f.to = `${nextMonth(month)}-01`;
  }
  const from = q(c, 'from');
  const to = q(c, 'to');
  if (from && DATE.test(from)) f.from = from;
  if (to && DATE.test(to)) f.to = dayAfter(to);
  const direction = q(c, 'direction');
  if (direction === 'income' || direction === 'expense') f.direction = direction;
  const purpose = q(c, 'purpose');
  if (purpose && isPurpose(purpose)) f.purpose = purpose;
  const restricted = q(c, 'restricted');
  if (restricted === 'yes' || restricted === 'no') f.restricted = restricted === 'yes';
  return f;
}

/** The filters a page was asked for that could not be read, for a polite line above the table. */
export function unreadFilters(c: Context<ConsoleEnv>): string[] {
  const bad: string[] = [];
  const month = q(c, 'month');
  if (month && !MONTH.test(month)) bad.push(month);
  for (const k of ['from', 'to']) {
    const v = q(c, k);
    if (v && !DATE.test(v)) bad.push(v);
  }
  return bad;
}

export function filterForm(t: Translate, c: Context<ConsoleEnv>) {
  const all = { value: '', label: t('console.all') };
  const bad = unreadFilters(c);
  return html`${bad.length ? notice('error', t('console.fund.filters.unread', { values: bad.join(', ') })) : ''}
<form method="get" action="/fund" class="filters" id="ledger-filters">
${field('month', t('console.fund.filters.month'), q(c, 'month') ?? '', { type: 'month' })}
${field('from', t('console.fund.filters.from'), q(c, 'from') ?? '', { type: 'date' })}
${field('to', t('console.fund.filters.to'), q(c, 'to') ?? '', { type: 'date' })}
${select(
  'direction',
  t('console.fund.col.direction'),
  [all, { value: 'income', label: t('console.fund.income') }, { value: 'expense', label: t('console.fund.expense') }],
  q(c, 'direction'),
)}
${select(
  'purpose',
  t('console.fund.filters.purpose'),
  [all, ...PURPOSES.map((k) => ({ value: k, label: t(`fund.purpose.${k}`) }))],
  q(c, 'purpose'),
)}
${select(
  'restricted',
  t('console.fund.filters.restricted'),
  [
    all,
    { value: 'yes', label: t('console.fund.filters.directed') },
    { value: 'no', label: t('console.fund.unrestricted') },
  ],
  q(c, 'restricted'),
)}
<button type="submit">${t('console.filter')}</button>
</form>`;
}

/** Directed money apart: what is left of each purpose's gifts, which may pay for nothing else, and what is free. */
export function restrictedCard(
  t: Translate,
  b: { balance: number; restricted: Record<string, number>; restrictedTotal: number; free: number },
) {
  const rows = PURPOSES.filter((p) => (b.restricted[p] ?? 0) > 0).map((p) => [
    t(`fund.purpose.${p}`),
    html`<span class="money">${formatYuan(b.restricted[p]!)}</span>`,
  ]);
  return html`<section class="card" id="restricted"><h2>${t('console.fund.restricted.title')}</h2>
<p>${t('console.fund.restricted.summary', {
    balance: formatYuan(b.balance),
    restricted: formatYuan(b.restrictedTotal),
    free: formatYuan(b.free),
  })}</p>
${table([t('console.fund.restricted.purpose'), t('console.fund.restricted.left')], rows, t('console.fund.restricted.none'))}
</section>`;
}
