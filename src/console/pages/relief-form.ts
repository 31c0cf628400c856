import { html } from 'hono/html';
import type { Locale } from '../../config';
import { CATEGORIES, type Category } from '../../features/relief/recipients';
import type { RosterEntry } from '../../features/relief/service';
import type { Community } from '../../features/residents/service';
import type { Translate, Viewer } from '../context';
import { named } from '../i18n';
import { csrfField, field, select } from '../views/parts';

// The form that adds a person to the relief roster or edits one, and what it sends back as a roster entry. The rules
// (what a name, a phone number or a category may be; no one twice) are the relief service's, checked there.

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * What the form says, as the service's roster entry; an unknown category or community is passed on as given so the
 * service refuses it with its own words (the bot's and the import's).
 */
export function entryFrom(body: Record<string, unknown>): RosterEntry {
  const community = str(body.community);
  return {
    name: str(body.name),
    category: str(body.category) as Category,
    phone: str(body.phone),
    notes: str(body.notes),
    communityId: community === '' ? null : /^\d{1,9}$/.test(community) ? Number(community) : -1,
  };
}

export const categoryOptions = (t: Translate) =>
  CATEGORIES.map((k) => ({ value: k, label: t(`relief.category.${k}`) }));

export const communityOptions = (locale: Locale, communities: readonly Community[], keep?: number | null) =>
  communities.filter((x) => !x.retired || x.id === keep).map((x) => ({ value: String(x.id), label: named(locale, x) }));

/** Adding (no `r`) or editing one person: every field at once, with the viewer's form token. */
export function recipientForm(
  t: Translate,
  locale: Locale,
  v: Viewer,
  communities: readonly Community[],
  r?: RosterEntry & { id: number },
) {
  const action = r ? `/relief/${r.id}` : '/relief/recipients';
  return html`<form method="post" action="${action}" class="card filters" id="${r ? 'edit-form' : 'add-form'}">
${csrfField(v)}
<h2>${r ? t('console.relief.editTitle', { id: r.id }) : t('console.relief.add')}</h2>
${field('name', t('console.relief.col.name'), r?.name ?? '', { required: 'required', maxlength: '30' })}
${select('category', t('console.relief.col.category'), categoryOptions(t), r?.category ?? 'dibao')}
${select(
  'community',
  t('console.relief.col.community'),
  [{ value: '', label: t('console.relief.noCommunity') }, ...communityOptions(locale, communities, r?.communityId)],
  r?.communityId == null ? '' : String(r.communityId),
)}
${field('phone', t('console.relief.col.phone'), r?.phone ?? '', { inputmode: 'tel', maxlength: '20' })}
${field('notes', t('console.relief.col.notes'), r?.notes ?? '', { maxlength: '200' })}
<button type="submit" class="primary">${t('console.relief.save')}</button>
</form>`;
}
