import { html } from 'hono/html';
import { isCategory } from '../../features/relief/recipients';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { named } from '../i18n';
import { consolePolicy } from '../policy';
import { page } from '../views/layout';
import { csrfField, field, figure, int, notice, pager, q, select, share, table, withQuery } from '../views/parts';
import { categoryOptions, communityOptions, entryFrom, recipientForm } from './relief-form';

const DONE = ['added', 'saved', 'deactivated', 'reactivated'] as const;

/**
 * The relief roster for staff: the same people /roster shows in the chat, searched and filtered a page at a time,
 * this month's pickups, and forms that add, edit, stop and restart a package through the relief service.
 */
export function reliefPages(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity } = platform;
  const staff = need(identity, 'staff');
  const { relief, residents } = services;

  app.get('/relief', staff, async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const locale = c.get('locale');
    const search = q(c, 'q')?.slice(0, 30);
    const category = q(c, 'category');
    const communityId = int(q(c, 'community'));
    const month = relief.thisMonth();
    const [roster, figures, communities] = await Promise.all([
      relief.rosterPage(
        { search, category: category && isCategory(category) ? category : undefined, communityId },
        int(q(c, 'page')) ?? 0,
        consolePolicy.pageSize,
      ),
      relief.monthFigures(month),
      residents.communities(),
    ]);
    const communityName = new Map(communities.map((x) => [x.id, named(locale, x)]));
    // A stopped or restarted package brings staff back to the page and search they were on.
    const here = withQuery(c, { done: null });
    // Every label once, not once a row: a page of fifty rows otherwise spends most of its time in i18next.
    const categoryLabel = new Map(categoryOptions(t).map((o) => [o.value, o.label]));
    const said = (key: string) => t(`console.relief.${key}`);
    const [linked, notLinked, stopped, collected, notYet, stop, restart] = [
      'linked',
      'notLinked',
      'stopped',
      'collected',
      'notCollected',
      'deactivate',
      'reactivate',
    ].map(said);
    const token = csrfField(v);
    const rows = roster.lines.map((r) => [
      `#${r.id}`,
      html`<a href="/relief/${r.id}">${r.name}</a>`,
      categoryLabel.get(r.category) ?? r.category,
      r.communityId === null ? '—' : (communityName.get(r.communityId) ?? '—'),
      r.phone ?? '—',
      r.userId === null ? html`<span class="muted">${notLinked}</span>` : linked,
      !r.active
        ? html`<span class="muted">${stopped}</span>`
        : r.collected
          ? collected
          : html`<span class="late">${notYet}</span>`,
      html`<form method="post" action="/relief/${r.id}/active" class="inline">${token}
<input type="hidden" name="active" value="${r.active ? '0' : '1'}"><input type="hidden" name="back" value="${here}">
<button type="submit">${r.active ? stop : restart}</button></form>`,
    ]);
    const headers = ['#', 'name', 'category', 'community', 'phone', 'link', 'month', 'action'].map((h) =>
      t(`console.relief.col.${h}`),
    );
    const filters = html`<form method="get" action="/relief" class="filters" id="roster-filters">
${field('q', t('console.relief.search'), search ?? '', { placeholder: t('console.relief.searchHint'), maxlength: '30' })}
${select('category', t('console.relief.col.category'), [{ value: '', label: t('console.all') }, ...categoryOptions(t)], category)}
${select(
  'community',
  t('console.relief.col.community'),
  [{ value: '', label: t('console.all') }, ...communityOptions(locale, communities, communityId)],
  communityId === undefined ? '' : String(communityId),
)}
<button type="submit">${t('console.filter')}</button>
</form>`;
    const done = q(c, 'done');
    return page(
      c,
      t('console.relief.title'),
      html`${DONE.some((d) => d === done) ? notice('ok', t(`console.relief.done.${done}`)) : ''}
<section class="figures">${figure(
        t('console.relief.pickups', { month }),
        share(t, figures.collected, figures.expected),
        t('console.relief.pickupsNote'),
      )}</section>
<p><a href="/files">${t('console.relief.files')}</a></p>
${filters}
${table(headers, rows, t('console.relief.none'))}
${pager(c, roster.page, roster.pages, roster.total)}
${recipientForm(t, locale, v, communities)}`,
    );
  });

  app.get('/relief/:id', staff, async (c) => {
    const t = c.get('t');
    const id = int(c.req.param('id'));
    const r = id === undefined ? undefined : await relief.recipient(id);
    if (!r) return c.notFound();
    const communities = await residents.communities();
    return page(
      c,
      r.name,
      html`${recipientForm(t, c.get('locale'), c.get('viewer')!, communities, r)}
<p><a href="/relief" class="back">${t('console.back')}</a></p>`,
    );
  });

  app.post('/relief/recipients', staff, async (c) => {
    await relief.addRecipient(c.get('viewer')!.user.id, entryFrom(await c.req.parseBody()));
    return c.redirect('/relief?done=added', 303);
  });

  app.post('/relief/:id', staff, async (c) => {
    const id = int(c.req.param('id'));
    if (id === undefined) return c.notFound();
    await relief.updateRecipient(c.get('viewer')!.user.id, id, entryFrom(await c.req.parseBody()));
    return c.redirect('/relief?done=saved', 303);
  });

  app.post('/relief/:id/active', staff, async (c) => {
    const id = int(c.req.param('id'));
    if (id === undefined) return c.notFound();
    const body = await c.req.parseBody();
    const active = body.active === '1';
    await relief.setActive(c.get('viewer')!.user.id, id, active);
    // Only back to the roster itself: a form's field must not send anyone elsewhere.
    const back = typeof body.back === 'string' && /^\/relief(\?[\w%.=&+-]*)?$/.test(body.back) ? body.back : '/relief';
    const done = `done=${active ? 'reactivated' : 'deactivated'}`;
    return c.redirect(`${back}${back.includes('?') ? '&' : '?'}${done}`, 303);
  });
}
