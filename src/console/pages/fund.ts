import { html } from 'hono/html';
import { localDate } from '../../core/time';
import { InvalidEntry } from '../../features/fund/errors';
import { type EntryInput, INCOME_KINDS, isIncomeKind, isPurpose, PURPOSES } from '../../features/fund/ledger';
import { formatYuan, parseYuan } from '../../features/fund/money';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { consolePolicy } from '../policy';
import { filterForm, ledgerFilter, restrictedCard } from '../views/fund-ledger';
import { page } from '../views/layout';
import { csrfField, field, int, notice, pager, q, select, table } from '../views/parts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** What the entry form says, as the ledger's input; InvalidEntry naming the field when it cannot be one. */
function entryFrom(body: Record<string, unknown>): EntryInput {
  const amountFen = parseYuan(str(body.amount));
  if (amountFen === null) throw new InvalidEntry('amount');
  const date = str(body.date);
  const note = str(body.note);
  if (str(body.direction) === 'expense') {
    const purpose = str(body.purpose);
    if (!isPurpose(purpose)) throw new InvalidEntry('purpose');
    return { direction: 'expense', purpose, amountFen, date, note };
  }
  const kind = str(body.kind);
  if (!isIncomeKind(kind)) throw new InvalidEntry('kind');
  const to = str(body.restrictedTo);
  const name = str(body.donor).trim();
  return {
    direction: 'income',
    kind,
    amountFen,
    date,
    note,
    restrictedTo: isPurpose(to) ? to : null,
    donor: name ? { kind: 'resident', name, userId: null, public: false } : { kind: 'anonymous' },
  };
}

/** The fund's ledger for staff: the entries, a form to record one, and an exact reversal of any entry. */
export function fundPages(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity, clock, config } = platform;
  const staff = need(identity, 'staff');

  app.get('/fund', staff, async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const filter = ledgerFilter(c);
    const [{ entries, page: p, pages, total }, summary] = await Promise.all([
      services.fund.ledgerPage(int(q(c, 'page')) ?? 0, filter, consolePolicy.pageSize),
      services.fund.summary(),
    ]);
    // A page repeats a handful of labels fifty times: each looked up once (i18next's lookups were most of its CPU).
    const seen = new Map<string, string>();
    const label = (key: string) => seen.get(key) ?? seen.set(key, t(key)).get(key)!;
    const reverseForm = (
      id: number,
    ) => html`<form method="post" action="/fund/${id}/reverse" class="inline">${csrfField(v)}
<input name="reason" required maxlength="200" placeholder="${label('console.fund.reason')}">
<button type="submit">${label('console.fund.reverse')}</button></form>`;
    const rows = entries.map((e) => [
      `#${e.id}`,
      e.date,
      label(`console.fund.${e.direction}`),
      e.direction === 'income' ? label(`fund.kind.${e.kind}`) : label(`fund.purpose.${e.purpose}`),
      html`<span class="money">${formatYuan(e.amountFen)}</span>`,
      e.who,
      e.note,
      e.reversesId !== null
        ? t('console.fund.reverses', { id: e.reversesId })
        : // Reversed by an entry on any page (the ledger joins each entry's reversal), not only this one.
          e.reversedBy !== null
          ? label('console.fund.reversed')
          : reverseForm(e.id),
    ]);
    const headers = ['id', 'date', 'direction', 'kind', 'amount', 'who', 'note', 'reverse'].map((h) =>
      t(`console.fund.col.${h}`),
    );
    const today = localDate(clock.now(), config.TIMEZONE);
    const form = html`<form method="post" action="/fund/entries" class="card filters" id="entry-form">${csrfField(v)}
<h2>${t('console.fund.record')}</h2>
${select(
  'direction',
  t('console.fund.col.direction'),
  [
    { value: 'income', label: t('console.fund.income') },
    { value: 'expense', label: t('console.fund.expense') },
  ],
  'income',
)}
${select(
  'kind',
  t('console.fund.kind'),
  INCOME_KINDS.map((k) => ({ value: k, label: t(`fund.kind.${k}`) })),
  'other',
)}
${select(
  'purpose',
  t('console.fund.purpose'),
  PURPOSES.map((k) => ({ value: k, label: t(`fund.purpose.${k}`) })),
  'other',
)}
${select(
  'restrictedTo',
  t('console.fund.restrictedTo'),
  [
    { value: '', label: t('console.fund.unrestricted') },
    ...PURPOSES.map((k) => ({ value: k, label: t(`fund.purpose.${k}`) })),
  ],
  '',
)}
${field('amount', t('console.fund.amount'), '', { required: 'required', inputmode: 'decimal' })}
${field('date', t('console.fund.col.date'), today, { type: 'date', required: 'required' })}
${field('donor', t('console.fund.donor'))}
${field('note', t('console.fund.col.note'), '', { maxlength: '200' })}
<button type="submit" class="primary">${t('console.fund.save')}</button>
</form>`;
    const done = q(c, 'done');
    return page(
      c,
      t('console.fund.title'),
      html`${done ? notice('ok', t(`console.fund.done.${done === 'reversed' ? 'reversed' : 'recorded'}`)) : ''}
<p><a href="/public/fund">${t('console.fund.publicPage')}</a> · <a href="/fund/pledges">${t('console.fund.pledges.title')}</a>
 · <a href="/fund/statement">${t('console.fund.statement.link')}</a></p>
${restrictedCard(t, summary)}${form}${filterForm(t, c)}${table(headers, rows, t('console.fund.none'))}
${pager(c, p, pages, total)}`,
    );
  });

  app.post('/fund/entries', staff, async (c) => {
    const v = c.get('viewer')!;
    const body = await c.req.parseBody();
    await services.fund.record(v.user.id, entryFrom(body), { source: 'bot' });
    return c.redirect('/fund?done=recorded', 303);
  });

  app.post('/fund/:id/reverse', staff, async (c) => {
    const v = c.get('viewer')!;
    const id = int(c.req.param('id'));
    const body = await c.req.parseBody();
    if (id === undefined) return c.notFound();
    await services.fund.reverse(v.user.id, id, str(body.reason));
    return c.redirect('/fund?done=reversed', 303);
  });
}
