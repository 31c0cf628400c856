import type { Locale } from '../../config';
import { inLocale } from '../../core/names';
import { localDate, localTime } from '../../core/time';
import type { TFunction } from '../../i18n';
import type { DeliveryCounts, Param } from '../../outbox/service';
import { type Button, grid, markup } from '../../telegram/markup';
import type { InlineMarkup } from '../../telegram/port';
import { splitText } from '../../telegram/text';
import type { Community, Compound } from '../residents/service';
import { type AreaAudiences, AUDIENCE_ROLES } from './audience';
import { CB } from './callbacks';
import type { AudienceSummary, BroadcastSummary } from './service';
import { isStoppable, leftOf, statusOf } from './status';
import type { Broadcast } from './store';

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

/** A message parameter (see outbox/content.ts) as plain text in one language; the caller's t escapes it once. */
export function paramText(t: TFunction, lng: Locale, p: Param): string {
  if (typeof p === 'string' || typeof p === 'number') return String(p);
  if ('$t' in p) {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.params ?? {})) params[k] = paramText(t, lng, v);
    return t(p.$t, { ...params, interpolation: { escapeValue: false } });
  }
  return p[lng];
}

export const when = (d: Date | string, tz: string) => {
  const at = typeof d === 'string' ? new Date(d) : d;
  return `${localDate(at, tz)} ${localTime(at, tz)}`;
};

/** How the time zone is named when asking for a time: Beijing time for the default deployment. */
export const zoneName = (t: TFunction, tz: string) => (tz === 'Asia/Shanghai' ? t('notices.compose.beijingTime') : tz);

// ---- composing ------------------------------------------------------------------------------------------------

export function audienceChoice(t: TFunction, areas: AreaAudiences, text = t('notices.compose.askAudience')): Card {
  const buttons: Button[] = [
    { text: t('notices.audience.all'), data: CB.all },
    { text: t('notices.compose.pickCommunity'), data: CB.communities },
    { text: t('notices.compose.pickCompound'), data: CB.compoundCommunities },
    ...AUDIENCE_ROLES.map((r) => ({ text: t(`notices.audience.${r}`), data: CB.role(r) })),
    ...Object.entries(areas).map(([key, a]) => ({ text: t(a.labelKey), data: CB.area(key) })),
  ];
  return { text, markup: markup(grid(buttons, 2)) };
}

/** The communities, each button leading to `data(id)`: the community itself, or its compounds. */
export function communityChoice(
  t: TFunction,
  locale: Locale,
  communities: Community[],
  data: (id: number) => string,
): Card {
  const rows = grid(
    communities.map((c) => ({ text: inLocale(c, locale), data: data(c.id) })),
    1,
  );
  rows.push([{ text: t('common.back'), data: CB.audienceMenu }]);
  return { text: t('notices.compose.whichCommunity'), markup: markup(rows) };
}

export function compoundChoice(t: TFunction, locale: Locale, compounds: Compound[]): Card {
  const rows = grid(
    compounds.map((c) => ({ text: inLocale(c, locale), data: CB.compound(c.id) })),
    2,
  );
  rows.push([{ text: t('common.back'), data: CB.compoundCommunities }]);
  return { text: t('notices.compose.whichCompound'), markup: markup(rows) };
}

/** Who will get it and what happens on confirming, under the preview. */
export function confirmCard(
  t: TFunction,
  input: { audience: string; summary: AudienceSummary; key: string; sendAt: Date | null; tz: string },
): Card {
  const { summary: s, sendAt, key } = input;
  const lines = [t('notices.compose.summary', { audience: input.audience, recipients: s.recipients })];
  if (s.unreachable) lines.push(t('notices.compose.summaryUnreachable', { n: s.unreachable }));
  if (s.optedOut) lines.push(t('notices.compose.summaryOptedOut', { n: s.optedOut }));
  lines.push(
    sendAt ? t('notices.compose.askConfirmAt', { when: when(sendAt, input.tz) }) : t('notices.compose.askConfirm'),
  );
  const rows: Button[][] = [
    [{ text: t(sendAt ? 'notices.compose.confirmSchedule' : 'notices.compose.sendNow'), data: CB.send(key) }],
  ];
  if (!sendAt) rows.push([{ text: t('notices.compose.schedule'), data: CB.schedule(key) }]);
  rows.push([{ text: t('notices.compose.discard'), data: CB.discard(key) }]);
  return { text: lines.join('\n'), markup: markup(rows) };
}

/** The stop (or cancel) button; a scheduled one also leads to the list where it can be found later. */
export function stopMarkup(t: TFunction, id: number, scheduled: boolean): InlineMarkup {
  const label = t(scheduled ? 'notices.manage.cancelButton' : 'notices.manage.stopButton', { id });
  const rows: Button[][] = [[{ text: label, data: CB.stop(id) }]];
  if (scheduled) rows.push([{ text: t('notices.compose.listButton'), data: CB.page(0) }]);
  return markup(rows);
}

/** Where a scheduled broadcast stands right after confirming, with the button that cancels it. */
export function scheduledCard(t: TFunction, b: Broadcast, audience: string, tz: string): Card {
  return {
    text: t('notices.compose.scheduledOk', { id: b.id, when: when(b.sendAt, tz), audience, recipients: b.recipients }),
    markup: stopMarkup(t, b.id, true),
  };
}

// ---- progress and the final report ------------------------------------------------------------------------

/** Time left at the configured rate; the worker shares it with other messages, so this is a lower bound. */
export function eta(t: TFunction, left: number, ratePerSec: number): string {
  const s = Math.ceil(left / ratePerSec);
  return s < 60 ? t('notices.eta.seconds', { n: Math.max(1, s) }) : t('notices.eta.minutes', { n: Math.ceil(s / 60) });
}

/** The staff member's live progress message; the stop button until someone pressed it. */
export function progressCard(t: TFunction, b: Broadcast, audience: string, c: DeliveryCounts, rate: number): Card {
  const left = leftOf(c);
  const text = t('notices.progress.running', {
    id: b.id,
    audience,
    total: b.recipients,
    sent: c.sent,
    failed: c.failed,
    unreachable: c.unreachable,
    stopped: c.skipped,
    left,
    eta: eta(t, left, rate),
  });
  return { text, markup: b.stoppedBy === null ? stopMarkup(t, b.id, false) : undefined };
}

export function finalText(t: TFunction, b: Broadcast, audience: string, c: DeliveryCounts): string {
  return t(b.stoppedBy === null ? 'notices.report.final' : 'notices.report.finalStopped', {
    id: b.id,
    audience,
    recipients: b.recipients,
    sent: c.sent,
    failed: c.failed,
    unreachable: c.unreachable,
    stopped: c.skipped,
  });
}

// ---- /broadcasts ---------------------------------------------------------------------------------------------

/** First line of what was sent, short enough for a list. */
export function snippet(text: string, photo: boolean): string {
  const first = text.split('\n')[0]!.trim();
  const short = first.length > 40 ? `${first.slice(0, 40)}…` : first;
  return `${photo ? '🖼 ' : ''}${short}`;
}

export function listItemText(t: TFunction, s: BroadcastSummary, audience: string, tz: string, now: Date): string {
  const b = s.broadcast;
  return t('notices.list.item', {
    id: b.id,
    when: when(b.sendAt, tz),
    audience,
    status: t(`notices.status.${statusOf(b, now)}`),
    what: snippet(b.text, b.photo !== null),
    total: b.recipients,
    ...s.counts,
  });
}

/** One page of /broadcasts: each item with its audience named, a stop button for what still runs, paging. */
export function listCard(
  t: TFunction,
  list: { items: { summary: BroadcastSummary; audience: string }[]; page: number; pages: number },
  tz: string,
  now: Date,
): Card {
  if (list.items.length === 0)
    return {
      text: t('notices.list.none'),
      markup: markup([[{ text: t('notices.list.newButton'), data: CB.compose }]]),
    };
  const rows: Button[][] = [];
  const blocks: string[] = [];
  for (const { summary, audience } of list.items) {
    const b = summary.broadcast;
    blocks.push(listItemText(t, summary, audience, tz, now));
    if (isStoppable(b, now)) {
      const scheduled = statusOf(b, now) === 'scheduled';
      const label = t(scheduled ? 'notices.manage.cancelButton' : 'notices.manage.stopButton', { id: b.id });
      rows.push([{ text: label, data: CB.stop(b.id) }]);
    }
  }
  if (list.pages > 1) {
    const nav: Button[] = [];
    if (list.page > 0) nav.push({ text: '◀', data: CB.page(list.page - 1) });
    nav.push({ text: t('common.page', { page: list.page + 1, pages: list.pages }), data: CB.page(list.page) });
    if (list.page < list.pages - 1) nav.push({ text: '▶', data: CB.page(list.page + 1) });
    rows.push(nav);
  }
  // Five items of at most ~400 characters each stay far below Telegram's limit; split only guards the worst case.
  const text = splitText(`${t('notices.list.title')}\n\n${blocks.join('\n\n')}`)[0]!;
  return { text, markup: markup(rows) };
}

/** Stopping cannot be undone, so the stop button only asks. */
export function stopConfirmCard(t: TFunction, id: number, scheduled: boolean, left: number): Card {
  return {
    text: t(scheduled ? 'notices.manage.askCancel' : 'notices.manage.askStop', { id, left }),
    markup: markup([
      [
        { text: t(scheduled ? 'notices.manage.cancelYes' : 'notices.manage.stopYes'), data: CB.stopYes(id) },
        { text: t('notices.manage.stopNo'), data: CB.stopNo },
      ],
    ]),
  };
}
