import type { Locale } from '../../../config';
import type { TFunction } from '../../../i18n';
import { grid, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { ROSTER_PAGE } from '../policy';
import { CATEGORIES, type EditableField } from '../recipients';
import type { Recipient, ReliefProxy } from '../store';
import { type Card, categoryText, listOf, monthText, rosterLabel } from './common';

/** The staff panel: roster size, this month so far, and every staff action one tap away. */
export function staffMenuCard(
  t: TFunction,
  locale: Locale,
  o: { total: number; active: number; linked: number; month: string; collected: number; expected: number },
): Card {
  return {
    text: t('relief.staff.menu', { ...o, month: monthText(locale, o.month) }),
    markup: markup([
      [
        { text: t('relief.btn.checkin'), data: CB.checkin },
        { text: t('relief.btn.roster'), data: CB.roster(0) },
      ],
      [
        { text: t('relief.btn.add'), data: CB.add },
        { text: t('relief.btn.report'), data: CB.report(o.month) },
      ],
      [
        { text: t('relief.btn.settings'), data: CB.settings },
        { text: t('relief.btn.holidays'), data: CB.holidays(Number(o.month.slice(0, 4))) },
      ],
    ]),
  };
}

/** One page of the roster, a button per person. */
export function rosterCard(t: TFunction, all: Recipient[], page: number): Card {
  const { rows } = pagedRows(
    all,
    page,
    ROSTER_PAGE,
    (r) => ({ text: rosterLabel(t, r), data: CB.card(r.id) }),
    CB.roster,
  );
  return { text: t('relief.staff.rosterTitle', { n: all.length }), markup: markup(rows) };
}

/** A recipient's card for staff: details, proxies, and what can be done. */
export function recipientCard(t: TFunction, r: Recipient, proxies: ReliefProxy[]): Card {
  return {
    text: t('relief.staff.card', {
      id: r.id,
      name: r.name,
      category: categoryText(t, r.category),
      phone: r.phone ?? '—',
      notes: r.notes ?? '—',
      status: t(r.active ? 'relief.staff.active' : 'relief.staff.inactive'),
      linked: t(r.userId === null ? 'relief.staff.notLinked' : 'relief.staff.linked'),
      proxies: listOf(proxies.map((p) => p.name + (p.userId === null ? '' : ' 🔗'))),
    }),
    markup: markup([
      [
        { text: t('relief.btn.checkinThis'), data: CB.checkinCard(r.id) },
        { text: t('relief.btn.link'), data: CB.link(r.id) },
      ],
      [
        { text: t('relief.btn.editName'), data: CB.edit(r.id, 'name') },
        { text: t('relief.btn.editCategory'), data: CB.edit(r.id, 'category') },
      ],
      [
        { text: t('relief.btn.editPhone'), data: CB.edit(r.id, 'phone') },
        { text: t('relief.btn.editNotes'), data: CB.edit(r.id, 'notes') },
      ],
      [
        r.active
          ? { text: t('relief.btn.deactivate'), data: CB.deactivate(r.id) }
          : { text: t('relief.btn.reactivate'), data: CB.reactivate(r.id) },
      ],
    ]),
  };
}

/** The groups as buttons, two to a row. */
export const categoryChoice = (t: TFunction) =>
  markup(grid(CATEGORIES.map((c) => ({ text: categoryText(t, c), data: CB.category(c) }))));

/** The question for one field of a recipient; the category is chosen with buttons. */
export function editQuestion(t: TFunction, field: EditableField, name: string): Card {
  if (field === 'category') return { text: t('relief.edit.askCategory', { name }), markup: categoryChoice(t) };
  return { text: t(`relief.edit.ask.${field}`, { name }) };
}
