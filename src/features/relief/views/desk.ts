import type { Locale } from '../../../config';
import type { TFunction } from '../../../i18n';
import { type Button, markup } from '../../../telegram/markup';
import { CB, type DeskMethod } from '../callbacks';
import { addMonths, localStamp } from '../months';
import { REPORT_NAMES_PAGE } from '../policy';
import type { Checkin, MonthReport } from '../service';
import type { Pickup, Recipient, ReliefProxy } from '../store';
import {
  type Card,
  categoryText,
  dateText,
  listOf,
  monthText,
  phoneTail,
  pickupStatus,
  rateText,
  rosterLabel,
} from './common';

/** What staff confirm: who it is, whether this month is already done, and one button per way of collecting. */
export function deskCard(
  t: TFunction,
  locale: Locale,
  tz: string,
  c: { recipient: Recipient; month: string; pickup: Pickup | undefined; proxies: ReliefProxy[] },
  method: DeskMethod,
): Card {
  const r = c.recipient;
  const status = c.pickup
    ? pickupStatus(t, c.pickup, localStamp(c.pickup.collectedAt, tz))
    : t(r.active ? 'relief.checkin.notYet' : 'relief.staff.inactive');
  const rows: Button[][] = [];
  if (!c.pickup && r.active) {
    rows.push([{ text: t('relief.btn.collected'), data: CB.collected(r.id, method) }]);
    for (const p of c.proxies)
      rows.push([
        { text: t('relief.btn.collectedBy', { name: p.name }), data: CB.collectedByProxy(r.id, p.id, method) },
      ]);
    rows.push([{ text: t('relief.btn.collectedByOther'), data: CB.collectedByOther(r.id, method) }]);
  }
  rows.push([{ text: t('relief.btn.details'), data: CB.card(r.id) }]);
  return {
    text: t('relief.checkin.card', {
      name: r.name,
      category: categoryText(t, r.category),
      phone: phoneTail(r.phone),
      notes: r.notes ?? '—',
      proxies: listOf(c.proxies.map((p) => p.name)),
      month: monthText(locale, c.month),
      status,
    }),
    markup: markup(rows),
  };
}

/** The people a search found, a button each; or that nobody was found. */
export function pickCard(t: TFunction, found: Recipient[]): Card {
  if (found.length === 0) return { text: t('relief.checkin.none') };
  return {
    text: t('relief.checkin.pick', { n: found.length }),
    markup: markup(found.map((r) => [{ text: rosterLabel(t, r), data: CB.checkinCard(r.id) }])),
  };
}

/** The desk's confirmation; `atDesk` asks for the next person. */
export function checkedInText(t: TFunction, tz: string, p: Checkin, atDesk: boolean): string {
  const key = p.proxyName === null ? 'relief.checkin.done' : 'relief.checkin.doneByProxy';
  const at = localStamp(p.collectedAt, tz);
  return (
    t(key, { name: p.recipientName, proxy: p.proxyName ?? '', at }) +
    (p.festivalExtras ? t('relief.checkin.festivalReminder') : '') +
    (atDesk ? t('relief.checkin.next') : '')
  );
}

/** The desk's way out: the desk flow ends with a tap, not a command to type. */
export const deskEndMarkup = (t: TFunction) => markup([[{ text: t('relief.btn.checkinEnd'), data: CB.checkinEnd }]]);

/**
 * The month's report: the numbers with the rate's numerator and denominator, then the people still to collect a
 * page at a time (none before the pickup day: nobody is missing yet), the neighbouring months and the CSV.
 */
export function reportCard(t: TFunction, locale: Locale, r: MonthReport, page = 0): Card {
  const collected = r.collectedSelf + r.collectedByProxy;
  let text = t('relief.report.text', {
    month: monthText(locale, r.month),
    total: r.total,
    collected,
    self: r.collectedSelf,
    byProxy: r.collectedByProxy,
    notCollected: r.notCollected.length,
    festival: r.festivalExtras,
    later: r.promisedLater,
    rate: rateText(t, collected, r.total),
  });
  const rows: Button[][] = [];
  if (r.beforeDay) text += t('relief.report.beforeDay', { date: dateText(locale, r.pickupDate) });
  else if (r.notCollected.length === 0) text += t('relief.report.allCollected');
  else {
    const pages = Math.ceil(r.notCollected.length / REPORT_NAMES_PAGE);
    const p = Math.min(Math.max(0, page), pages - 1);
    const names = r.notCollected
      .slice(p * REPORT_NAMES_PAGE, (p + 1) * REPORT_NAMES_PAGE)
      .map((x) => (r.laterIds.has(x.id) ? `${x.name}*` : x.name));
    text += t('relief.report.names', { page: p + 1, pages, names: listOf(names) });
    const nav: Button[] = [];
    if (p > 0) nav.push({ text: t('relief.btn.prevPage'), data: CB.reportPage(r.month, p - 1) });
    if (p < pages - 1) nav.push({ text: t('relief.btn.nextPage'), data: CB.reportPage(r.month, p + 1) });
    rows.push(nav);
  }
  rows.push([
    { text: '◀', data: CB.report(addMonths(r.month, -1)) },
    { text: t('relief.btn.csv'), data: CB.reportCsv(r.month) },
    { text: '▶', data: CB.report(addMonths(r.month, 1)) },
  ]);
  return { text, markup: markup(rows) };
}
