import { html } from 'hono/html';
import { NotAllowed } from '../../core/errors';
import { displayName } from '../../core/names';
import { invitableBy, isRole, ROLES, type Role } from '../../identity';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { named } from '../i18n';
import { consolePolicy, maySeePhones } from '../policy';
import { page } from '../views/layout';
import { csrfField, figure, int, pager, q, select, table, withQuery } from '../views/parts';
import { homesTable } from './people-homes';

/**
 * People for staff: who lives where (counts by community and compound, and the people themselves a page at a
 * time), who holds which role and, for deputies, which communities they answer for; and a one-time invitation,
 * the same the chat's ✉️ Invite makes. Roles are granted by the invited person accepting it, never typed here.
 */
export function peoplePages(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity, telegram } = platform;
  const staff = need(identity, 'staff');
  const { residents, petitions } = services;

  app.get('/people', staff, async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const locale = c.get('locale');
    const communityId = int(q(c, 'community'));
    const compoundId = int(q(c, 'compound'));
    const [communities, compounds, counts, living, holders, deputies, categories] = await Promise.all([
      residents.communities(),
      residents.compounds(),
      residents.people.homeCounts(),
      residents.people.livingIn({ communityId, compoundId }, int(q(c, 'page')) ?? 0, consolePolicy.pageSize),
      residents.people.roleHolders(),
      petitions.deputyList(),
      petitions.categories(),
    ]);
    const communityName = new Map(communities.map((x) => [x.id, named(locale, x)]));
    const compoundName = new Map(compounds.map((x) => [x.id, named(locale, x)]));
    // Each label once a page: i18next costs 50–150 µs a call, and the roles table can list hundreds of partners.
    const roleLabel = new Map(ROLES.map((r) => [r, t(`residents.roles.${r}`)]));
    const roleNames = (roles: readonly Role[]) => roles.map((r) => roleLabel.get(r)).join(', ');
    const phones = maySeePhones(v.roles);

    const people = living.people.map(({ user, roles }) => [
      displayName(user),
      user.username ? `@${user.username}` : '',
      user.communityId === null ? '—' : (communityName.get(user.communityId) ?? '—'),
      user.compoundId === null ? '—' : (compoundName.get(user.compoundId) ?? '—'),
      ...(phones ? [user.phone ?? '—'] : []),
      roleNames(roles),
    ]);
    const peopleHeaders = ['name', 'username', 'community', 'compound', ...(phones ? ['phone'] : []), 'roles'].map(
      (h) => t(`console.people.col.${h}`),
    );

    const categoryName = new Map(categories.map((x) => [x.code, named(locale, x)]));
    const areasOf = new Map(
      deputies.map((d) => [
        d.user.id,
        d.areas
          .map((a) => {
            const where = communityName.get(a.communityId) ?? '—';
            return a.category === null ? where : `${where} · ${categoryName.get(a.category) ?? a.category}`;
          })
          .join('; '),
      ]),
    );
    const noAreas = t('console.people.noAreas');
    const roleRows = holders.map(({ user, roles }) => [
      displayName(user),
      roleNames(roles),
      roles.includes('deputy') ? areasOf.get(user.id) || noAreas : '',
    ]);

    const filters = html`<form method="get" action="/people" class="filters" id="people-filters">
${select(
  'community',
  t('console.people.col.community'),
  [
    { value: '', label: t('console.all') },
    ...communities.map((x) => ({ value: String(x.id), label: named(locale, x) })),
  ],
  communityId === undefined ? '' : String(communityId),
)}
${select(
  'compound',
  t('console.people.col.compound'),
  [
    { value: '', label: t('console.all') },
    ...compounds
      .filter((x) => communityId === undefined || x.communityId === communityId)
      .map((x) => ({ value: String(x.id), label: named(locale, x) })),
  ],
  compoundId === undefined ? '' : String(compoundId),
)}
<button type="submit">${t('console.filter')}</button>
</form>`;
    const canInvite = invitableBy(v.roles);
    const invite = html`<form method="post" action="/people/invite" class="card filters" id="invite-form">
${csrfField(v)}
<h2>${t('console.people.invite')}</h2>
${select(
  'role',
  t('console.people.col.roles'),
  canInvite.map((r) => ({ value: r, label: roleLabel.get(r) ?? r })),
  'staff',
)}
<button type="submit" class="primary">${t('console.people.inviteButton')}</button>
<p class="note">${t('console.people.inviteHow')}</p>
</form>`;
    const total = counts.reduce((n, x) => n + x.people, 0);
    const housed = counts.filter((x) => x.communityId !== null).reduce((n, x) => n + x.people, 0);

    return page(
      c,
      t('console.people.title'),
      html`<section class="figures">${figure(t('console.people.total'), total)}${figure(t('console.people.housed'), housed)}</section>
<h2>${t('console.people.homes')}</h2>
${homesTable(t, counts, communities, compounds, locale)}
<h2 id="list">${t('console.people.list')}</h2>
${filters}
${table(peopleHeaders, people, t('console.people.none'))}
${pager(c, living.page, living.pages, living.total)}
${communityId !== undefined || compoundId !== undefined ? html`<p><a href="${withQuery(c, { community: null, compound: null, page: null })}">${t('console.people.everyone')}</a></p>` : ''}
<h2>${t('console.people.roles')}</h2>
${table(
  ['name', 'roles', 'areas'].map((h) => t(`console.people.col.${h}`)),
  roleRows,
  t('console.people.noRoles'),
)}
${canInvite.length ? invite : ''}`,
    );
  });

  app.post('/people/invite', staff, async (c) => {
    const v = c.get('viewer')!;
    const t = c.get('t');
    const role = (await c.req.parseBody()).role;
    // A role that is none, or one this person may not invite to (identity checks), is a forged form: 403, audited.
    if (typeof role !== 'string' || !isRole(role)) throw new NotAllowed();
    const { code, expiresAt } = await identity.createInvitation(v.user.id, role);
    const link = `https://t.me/${telegram.botUsername()}?start=inv_${code}`;
    const text = t('console.people.invited', { role: t(`residents.roles.${role}`), expires: expiresAt.slice(0, 10) });
    // Shown once, here only: the code is not put in a URL, where it would stay in the browser's history.
    return page(
      c,
      t('console.people.invite'),
      html`<div class="notice ok" id="invitation">${text}<br><code>${link}</code></div>
<p><a href="/people" class="back">${t('console.back')}</a></p>`,
    );
  });
}
