import QRCode from 'qrcode';
import type { Locale } from '../../../config';
import { localDate } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import { type Button, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { localStamp } from '../months';
import type { NotEnrolled, ResidentPickup } from '../service';
import type { Settings } from '../store';
import { type Card, dateText, festivalText, hoursText, monthText, pickupStatus, placeText } from './common';

/** A code to show at the desk, sent as a QR picture after the card. */
export interface CodeImage {
  code: string;
  caption: string;
}

const staffRowOf = (t: TFunction, isStaff: boolean): Button[] =>
  isStaff ? [{ text: t('relief.btn.staffMenu'), data: CB.staffMenu }] : [];

/**
 * "救助领取" for someone not on the roster: who the pickup is for, when and where the next one is, how to apply,
 * and a button that asks staff to contact them — replaced by when they asked, once they have.
 */
export function notEnrolledCard(t: TFunction, locale: Locale, tz: string, info: NotEnrolled, isStaff: boolean): Card {
  const s = info.settings;
  const lines = [
    t('relief.view.notEnrolled', {
      day: s.pickupDay,
      date: dateText(locale, info.pickupDate),
      hours: hoursText(s),
      place: placeText(locale, s),
    }),
  ];
  const rows: Button[][] = [];
  if (info.askedAt)
    lines.push(t('relief.view.asked', { date: dateText(locale, localDate(new Date(info.askedAt), tz)) }));
  else if (!isStaff) {
    // Staff have the panel instead: there is nobody for them to ask.
    lines.push(t('relief.view.askHint'));
    rows.push([{ text: t('relief.inquiry.button'), data: CB.ask }]);
  }
  rows.push(staffRowOf(t, isStaff));
  const hasButtons = rows.some((r) => r.length > 0);
  return { text: lines.join('\n\n'), markup: hasButtons ? markup(rows) : undefined };
}

/**
 * "救助领取": the next pickup and, for each person this user may act for, the code or what happened. Staff get a
 * button to their panel as well.
 */
export function reliefCard(
  t: TFunction,
  locale: Locale,
  tz: string,
  view: ResidentPickup,
  isStaff: boolean,
): Card & { codes: CodeImage[] } {
  const staffRow = staffRowOf(t, isStaff);
  const s = view.settings;
  const month = monthText(locale, view.month);
  const lines = [
    t('relief.view.next', {
      date: dateText(locale, view.pickupDate),
      hours: hoursText(s),
      place: placeText(locale, s),
    }) + festivalText(t, locale, view.festivals),
  ];
  if (view.makeupUntil) lines.push(t('relief.view.makeup', { until: dateText(locale, view.makeupUntil) }));
  const rows: Button[][] = [];
  const codes: CodeImage[] = [];
  for (const p of view.people) {
    const name = p.recipient.name;
    const who = t(p.as === 'self' ? 'relief.view.self' : 'relief.view.proxyFor');
    const status = p.pickup
      ? pickupStatus(t, p.pickup, localStamp(p.pickup.collectedAt, tz))
      : t('relief.view.code', { code: p.code ?? '', month });
    if (p.code) codes.push({ code: p.code, caption: t('relief.view.qrCaption', { name, code: p.code, month }) });
    lines.push(t('relief.view.person', { name, who, status }));
    if (p.as !== 'self') continue;
    if (p.proxies.length) {
      const names = p.proxies.map((x) => x.name + (x.userId === null ? t('relief.view.notOpened') : ''));
      lines.push(t('relief.view.proxies', { names: names.join('、') }));
    }
    rows.push([{ text: t('relief.btn.nameProxy'), data: CB.nameProxy(p.recipient.id) }]);
    for (const x of p.proxies)
      rows.push([{ text: t('relief.btn.removeProxy', { name: x.name }), data: CB.removeProxy(x.id) }]);
  }
  rows.push(staffRow);
  const hasButtons = rows.some((r) => r.length > 0);
  return { text: lines.join('\n\n'), markup: hasButtons ? markup(rows) : undefined, codes };
}

/** The pickup code as a QR image: staff scan it or read the digits under it. */
export const codeQrPng = (code: string): Promise<Buffer> =>
  QRCode.toBuffer(code, { type: 'png', width: 360, margin: 2, errorCorrectionLevel: 'M' });

/** The answer to "I will come in the next few days". */
export function laterText(
  t: TFunction,
  locale: Locale,
  outcome: 'ok' | 'already',
  makeup: { until: string; settings: Settings },
): string {
  if (outcome === 'already') return t('relief.later.already');
  const s = makeup.settings;
  return t('relief.later.ok', {
    until: dateText(locale, makeup.until),
    hours: hoursText(s),
    place: placeText(locale, s),
  });
}

/** Someone opened a staff link: the person themself, or family collecting for them? */
export function linkWhoCard(t: TFunction, recipientName: string): Card {
  return {
    text: t('relief.link.who', { name: recipientName }),
    markup: markup([
      [{ text: t('relief.link.isSelf', { name: recipientName }), data: CB.linkSelf }],
      [{ text: t('relief.link.isFamily'), data: CB.linkProxy }],
    ]),
  };
}
