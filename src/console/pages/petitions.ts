import { html } from 'hono/html';
import { displayName } from '../../core/names';
import { overdue } from '../../features/petitions/policy';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { named } from '../i18n';
import { CONSOLE_ROLES, consolePolicy, maySeePhones, onlyDeputy } from '../policy';
import { page } from '../views/layout';
import { int, notice, pager, q, select, table } from '../views/parts';
import { asHandler } from './petition-access';
import { handlingForms } from './petition-handling';

/**
 * The petitions board: the same list /petitions gives in the chat (a deputy sees only their assignments, staff see
 * all), filtered by status, community, category and being past a time limit, a page at a time.
 */
export function petitionsPages(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity, clock } = platform;

  app.get('/petitions', need(identity, ...CONSOLE_ROLES), async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const locale = c.get('locale');
    const status = q(c, 'status');
    const category = q(c, 'category');
    const communityId = int(q(c, 'community'));
    const late = q(c, 'overdue') === '1';
    const size = consolePolicy.pageSize;
    const categories = await services.petitions.categories();
    // Staff may narrow the board to one deputy's areas; a deputy's own areas bound their board anyway.
    const deputies = onlyDeputy(v.roles) ? [] : await services.petitions.deputyList();
    const deputyId = deputies.find((d) => d.user.id === int(q(c, 'deputy')))?.user.id;
    const board = await services.petitions.board(
      { id: v.user.id, roles: v.roles },
      {
        status: status === 'open' || status === 'closed' ? status : undefined,
        category: categories.some((x) => x.code === category) ? category : undefined,
        communityId,
        overdue: late || undefined,
        deputyId,
      },
      int(q(c, 'page')) ?? 0,
      size,
    );
    const communities = await services.residents.communities();
    const communityName = new Map(communities.map((x) => [x.id, named(locale, x)]));
    const now = clock.now();
    const rows = board.petitions.map((x) => [
      html`<a href="/petitions/${x.id}">#${x.id}</a>`,
      x.createdAt.slice(0, 10),
      x.communityId === null ? '—' : (communityName.get(x.communityId) ?? '—'),
      named(locale, x.categoryName),
      t(`petitions.status.${x.status}`),
      overdue(x, now) ? html`<span class="late">${t('console.petitions.late')}</span>` : '',
      x.description.length > 60 ? `${x.description.slice(0, 60)}…` : x.description,
    ]);
    const filters = html`<form method="get" action="/petitions" class="filters">
${select(
  'status',
  t('console.petitions.status'),
  [
    { value: '', label: t('console.all') },
    { value: 'open', label: t('console.petitions.open') },
    { value: 'closed', label: t('console.petitions.closed') },
  ],
  status,
)}
${select(
  'community',
  t('console.petitions.community'),
  [
    { value: '', label: t('console.all') },
    ...communities.map((x) => ({ value: String(x.id), label: named(locale, x) })),
  ],
  communityId === undefined ? '' : String(communityId),
)}
${select(
  'category',
  t('console.petitions.category'),
  [{ value: '', label: t('console.all') }, ...categories.map((x) => ({ value: x.code, label: named(locale, x) }))],
  category,
)}
${
  deputies.length === 0
    ? ''
    : select(
        'deputy',
        t('console.petitions.deputy'),
        [
          { value: '', label: t('console.all') },
          ...deputies.map((d) => ({ value: String(d.user.id), label: displayName(d.user) })),
        ],
        deputyId === undefined ? '' : String(deputyId),
      )
}
<label class="check"><input type="checkbox" name="overdue" value="1"${late ? html` checked` : ''}>
${t('console.petitions.overdueOnly')}</label>
<button type="submit">${t('console.filter')}</button>
</form>`;
    const headers = ['#', 'date', 'community', 'category', 'status', 'late', 'text'].map((h) =>
      t(`console.petitions.col.${h}`),
    );
    const rates = onlyDeputy(v.roles)
      ? ''
      : html`<p><a href="/petitions/rates">${t('console.petitions.rates.link')}</a></p>`;
    return page(
      c,
      t('console.petitions.title'),
      html`${rates}${filters}${table(headers, rows, t('console.petitions.none'))}
${pager(c, board.page, board.pages, board.total)}`,
    );
  });
}

/**
 * One petition as its handlers see it in the chat: what, where, its timeline and co-signers. Anyone who does not
 * handle it (a deputy of another community, asking by id) is refused, and the refusal recorded.
 */
export function petitionPage(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity } = platform;
  app.get('/petitions/:id', need(identity, ...CONSOLE_ROLES), async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const id = int(c.req.param('id'));
    if (id === undefined) return c.notFound();
    const d = await asHandler({ platform, services }, v, id, c.req);
    const p = d.petition;
    const done = ({ transferred: 'transfer', assigned: 'assign' } as const)[q(c, 'done') ?? ''];
    const who = d.petitioner;
    const contact = who && maySeePhones(v.roles) && who.phone ? ` · ${who.phone}` : '';
    const cosigners = d.followers.filter((f) => f.kind === 'cosigner');
    const timeline = d.events.map(
      (e) =>
        html`<li><time>${e.at.slice(0, 16).replace('T', ' ')}</time> ${t(`console.petitions.event.${e.kind}`)}${
          e.status ? ` → ${t(`petitions.status.${e.status}`)}` : ''
        }${e.text ? html`: <q>${e.text}</q>` : ''}</li>`,
    );
    return page(
      c,
      t('console.petitions.one', { id: p.id }),
      html`${done ? notice('ok', t(`console.petitions.${done}.done`)) : ''}<section class="card"><div>
<p><b>${named(c.get('locale'), p.categoryName)}</b> · ${t(`petitions.status.${p.status}`)}${
        d.late ? html` · <span class="late">${t('console.petitions.late')}</span>` : ''
      }</p>
<p>${p.description}</p>
<p>${t('console.petitions.place')}: ${p.place}${d.community ? ` (${named(c.get('locale'), d.community)})` : ''}</p>
<p>${t('console.petitions.petitioner')}: ${who ? `${who.firstName}${contact}` : '—'}</p>
<p>${t('console.petitions.cosigners', { count: cosigners.length })}: ${cosigners
        .filter((f) => f.showName)
        .map((f) => f.firstName)
        .join(', ')}</p>
</div></section>
${
  d.photos.length === 0
    ? ''
    : html`<section class="card photos"><h2>${t('console.petitions.photos', { count: d.photos.length })}</h2>${d.photos.map(
        (_, n) =>
          html`<a href="/petitions/${p.id}/photos/${n + 1}"><img src="/petitions/${p.id}/photos/${n + 1}" alt="${t(
            'console.petitions.photo',
            { n: n + 1 },
          )}" loading="lazy"></a>`,
      )}</section>`
}
${handlingForms(t, c.get('locale'), v, d, await services.petitions.departments(), v.roles.has('admin') ? await services.petitions.deputyList() : [])}
<h2>${t('console.petitions.timeline')}</h2><ol class="timeline">${timeline}</ol>
<p><a href="/petitions">${t('console.back')}</a></p>`,
    );
  });
}
