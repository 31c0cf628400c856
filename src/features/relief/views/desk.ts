import type { Locale } from '../../../config';
import type { TFunction } from '../../../i18n';
import { type Button, markup } from '../../../telegram/markup';
import { CB, type DeskMethod } from '../callbacks';
import { addMonths, localStamp } from '../months';
import type { Checkin, MonthReport } from '../service';
import type { Pickup, Recipient, ReliefProxy } from '../store';
import { type Card, categoryText, listOf, monthText, phoneTail, pickupStatus, rosterLabel } from './common';

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

/** The month's report: the numbers, who has not collected, and the way to the neighbouring months and the CSV. */
export function reportCard(t: TFunction, locale: Locale, r: MonthReport): Card {
  return {
    text: t('relief.report.text', {
      month: monthText(locale, r.month),
      total: r.total,
      collected: r.collectedSelf + r.collectedByProxy,
      self: r.collectedSelf,
      byProxy: r.collectedByProxy,
      notCollected: r.notCollected.length,
      festival: r.festivalExtras,
      later: r.promisedLater,
      names: listOf(r.notCollected.map((x) => x.name)),
    }),
    markup: markup([
      [
        { text: '◀', data: CB.report(addMonths(r.month, -1)) },
        { text: t('relief.btn.csv'), data: CB.reportCsv(r.month) },
        { text: '▶', data: CB.report(addMonths(r.month, 1)) },
      ],
    ]),
  };
}
