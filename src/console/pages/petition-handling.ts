import { html } from 'hono/html';
import { displayName } from '../../core/names';
import { UnknownAssignment } from '../../features/petitions/errors';
import { isOpen, nextStatuses } from '../../features/petitions/policy';
import type { DeputyAreas, HandlerDetails } from '../../features/petitions/service';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps, Translate, Viewer } from '../context';
import { named } from '../i18n';
import { CONSOLE_ROLES } from '../policy';
import { csrfField, field, int, select } from '../views/parts';
import { asHandler } from './petition-access';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * What a handler can do to a petition from its page, through the chat's own services:
 * - transfer it to a department (已转交部门) — setStatus, as the deputy's card does: the petitioner and co-signers
 *   are told and every handler's card is updated, in the transaction of the change;
 * - (admins) give a deputy the petition's area (its community and category) — the /deputies assignment: from then
 *   on the petition, and every other of that area, is that deputy's in the chat and here.
 * Both are forms with the viewer's CSRF token (checked by formToken before any of this runs).
 */
export function handlingForms(
  t: Translate,
  locale: 'zh-CN' | 'en',
  v: Viewer,
  d: HandlerDetails,
  departments: readonly { id: number; nameZh: string; nameEn: string }[],
  deputies: readonly DeputyAreas[],
) {
  const p = d.petition;
  const transfer =
    isOpen(p) && nextStatuses(p).includes('transferred')
      ? html`<form method="post" action="/petitions/${p.id}/transfer" class="card filters" id="transfer">${csrfField(v)}
<h2>${t('console.petitions.transfer.title')}</h2>
${select(
  'department',
  t('console.petitions.transfer.department'),
  departments.map((x) => ({ value: String(x.id), label: named(locale, x) })),
  undefined,
)}
${field('note', t('console.petitions.transfer.note'), '', { maxlength: '500' })}
<button type="submit">${t('console.petitions.transfer.submit')}</button></form>`
      : '';
  const assign =
    v.roles.has('admin') && p.communityId !== null && deputies.length > 0
      ? html`<form method="post" action="/petitions/${p.id}/assign" class="card filters" id="assign">${csrfField(v)}
<h2>${t('console.petitions.assign.title')}</h2>
<p>${t('console.petitions.assign.explain', { category: named(locale, p.categoryName) })}</p>
${select(
  'deputy',
  t('console.petitions.deputy'),
  deputies.map((x) => ({ value: String(x.user.id), label: displayName(x.user) })),
  undefined,
)}
<button type="submit">${t('console.petitions.assign.submit')}</button></form>`
      : '';
  return html`${transfer}${assign}`;
}

/** The forms' handlers: thin, as the chat's are — read the form, call one service, show the petition again. */
export function petitionHandling(app: ConsoleApp, deps: ConsoleDeps) {
  const { platform, services } = deps;
  const { identity } = platform;

  app.post('/petitions/:id/transfer', need(identity, ...CONSOLE_ROLES), async (c) => {
    const v = c.get('viewer')!;
    const id = int(c.req.param('id'));
    if (id === undefined) return c.notFound();
    // Another area's deputy is refused and recorded before anything is read from the form.
    await asHandler(deps, v, id, c.req);
    const body = await c.req.parseBody();
    const departmentId = int(body.department) ?? 0;
    const note = str(body.note).trim().slice(0, 500);
    await services.petitions.setStatus({ id: v.user.id, roles: v.roles }, id, {
      status: 'transferred',
      departmentId,
      ...(note ? { note } : {}),
    });
    return c.redirect(`/petitions/${id}?done=transferred`, 303);
  });

  app.post('/petitions/:id/assign', need(identity, 'admin'), async (c) => {
    const v = c.get('viewer')!;
    const id = int(c.req.param('id'));
    if (id === undefined) return c.notFound();
    const { petition: p } = await asHandler(deps, v, id, c.req);
    const body = await c.req.parseBody();
    // Only someone holding the deputy role is offered; a forged id of anyone else is NotADeputy.
    const { user } = await services.petitions.deputy(int(body.deputy) ?? 0);
    // A petition that names no community has no area to give.
    if (p.communityId === null) throw new UnknownAssignment();
    await services.petitions.assignDeputy(v.user.id, user.id, p.communityId, p.category);
    return c.redirect(`/petitions/${id}?done=assigned`, 303);
  });
}
