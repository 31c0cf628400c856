import { html } from 'hono/html';
import type { Locale } from '../../config';
import type { Community, Compound, HomeCount } from '../../features/residents/service';
import type { Translate } from '../context';
import { named } from '../i18n';
import { table } from '../views/parts';

/**
 * How many people live where: a row per compound under its community (in the market's rotation order), the
 * community's own total first, and those who have not said where they live last. Each figure opens its list.
 */
export function homesTable(
  t: Translate,
  counts: readonly HomeCount[],
  communities: readonly Community[],
  compounds: readonly Compound[],
  locale: Locale,
) {
  const inCompound = new Map(counts.map((x) => [`${x.communityId}/${x.compoundId}`, x.people]));
  const inCommunity = (id: number) => counts.filter((x) => x.communityId === id).reduce((n, x) => n + x.people, 0);
  const listed = (people: number, query: string) =>
    people === 0 ? '0' : html`<a href="/people?${query}#list">${people}</a>`;
  const all = t('console.all');
  const rows = communities.flatMap((m) => [
    [html`<b>${named(locale, m)}</b>`, all, listed(inCommunity(m.id), `community=${m.id}`)],
    ...compounds
      .filter((x) => x.communityId === m.id)
      .map((x) => [
        '',
        named(locale, x),
        listed(inCompound.get(`${m.id}/${x.id}`) ?? 0, `community=${m.id}&compound=${x.id}`),
      ]),
  ]);
  const nowhere = counts.filter((x) => x.communityId === null).reduce((n, x) => n + x.people, 0);
  if (nowhere) rows.push([t('console.people.noHome'), '', String(nowhere)]);
  const headers = ['community', 'compound', 'people'].map((h) => t(`console.people.col.${h}`));
  return table(headers, rows, t('console.people.noPlaces'));
}
