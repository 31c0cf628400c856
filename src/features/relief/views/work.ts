import type { Locale } from '../../../config';
import { localDate } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import { type Button, grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { INQUIRY_PAGE } from '../policy';
import type { InquiryView } from '../service';
import { type Card, dateText, monthText } from './common';

// What the workbench opens in this area: the requests to be contacted, and the month of a report picked by buttons.

/** The parts of one request that may be missing (a username, a phone, a home), each escaped inside its own key. */
function askerLines(t: TFunction, locale: Locale, i: InquiryView) {
  return {
    username: i.username ? t('relief.inquiry.username', { username: i.username }) : '',
    phone: i.phone ? t('relief.inquiry.phone', { phone: i.phone }) : '',
    home: i.home
      ? t('relief.inquiry.home', { community: i.home.community[locale], compound: i.home.compound[locale] })
      : t('relief.inquiry.noHome'),
  };
}

/** A page of the requests nobody has answered: who, where they live, since when; a button to mark each done. */
export function inquiriesCard(
  t: TFunction,
  locale: Locale,
  tz: string,
  list: { items: InquiryView[]; total: number; page: number; pages: number },
): Card {
  if (list.total === 0)
    return {
      text: t('relief.inquiries.none'),
      markup: markup([[{ text: t('relief.btn.roster'), data: CB.roster(0) }]]),
    };
  const lines = list.items.map((i, n) =>
    t('relief.inquiries.item', {
      n: list.page * INQUIRY_PAGE + n + 1,
      id: i.userId,
      name: i.name,
      date: dateText(locale, localDate(new Date(i.askedAt), tz)),
      ...askerLines(t, locale, i),
    }),
  );
  const rows: Button[][] = list.items.map((i) => [
    { text: t('relief.btn.inquiryDoneFor', { name: i.name }), data: CB.inquiryDone(i.id, list.page) },
  ]);
  const nav: Button[] = [];
  if (list.page > 0) nav.push({ text: t('relief.btn.prevPage'), data: CB.inquiries(list.page - 1) });
  if (list.page < list.pages - 1) nav.push({ text: t('relief.btn.nextPage'), data: CB.inquiries(list.page + 1) });
  rows.push(nav, [
    { text: t('relief.btn.roster'), data: CB.roster(0) },
    { text: t('relief.btn.add'), data: CB.add },
  ]);
  return {
    text: `${t('relief.inquiries.title', { total: list.total })}\n\n${lines.join('\n\n')}`,
    markup: markup(rows),
  };
}

/** The month of a report, picked with buttons: this month, last month, and the ones before. */
export const reportMonthsCard = (t: TFunction, locale: Locale, months: string[]): Card => ({
  text: t('relief.report.pickMonth'),
  markup: markup(
    grid(
      months.map((m) => ({ text: monthText(locale, m), data: CB.report(m) })),
      3,
    ),
  ),
});
