import type { Locale } from '../../config';
import { localDate, localTime } from '../../core/time';
import type { TFunction } from '../../i18n';
import type { DeliveryCounts, Param } from '../delivery/service';
import { type BroadcastRow, type BroadcastSummary, leftOf } from './service';

/** A message parameter (see delivery/content.ts) as plain text in one language; the caller's t escapes it once. */
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

/** Time left at the configured rate; the worker shares it with other messages, so this is a lower bound. */
export function eta(t: TFunction, left: number, ratePerSec: number): string {
  const s = Math.ceil(left / ratePerSec);
  return s < 60 ? t('notices.eta.seconds', { n: Math.max(1, s) }) : t('notices.eta.minutes', { n: Math.ceil(s / 60) });
}

export function progressText(
  t: TFunction,
  b: BroadcastRow,
  audience: string,
  c: DeliveryCounts,
  ratePerSec: number,
): string {
  const left = leftOf(c);
  return t('notices.progress.running', {
    id: b.id,
    audience,
    total: b.recipients,
    sent: c.sent,
    failed: c.failed,
    unreachable: c.unreachable,
    stopped: c.skipped,
    left,
    eta: eta(t, left, ratePerSec),
  });
}

export function finalText(t: TFunction, b: BroadcastRow, audience: string, c: DeliveryCounts): string {
  return t(b.stopped_by === null ? 'notices.report.final' : 'notices.report.finalStopped', {
    id: b.id,
    audience,
    recipients: b.recipients,
    sent: c.sent,
    failed: c.failed,
    unreachable: c.unreachable,
    stopped: c.skipped,
  });
}

export type Status = 'scheduled' | 'sending' | 'done' | 'stopped' | 'cancelled';

export function statusOf(b: BroadcastRow, now: Date): Status {
  if (b.state === 'cancelled') return 'cancelled';
  if (b.state === 'done') return b.stopped_by === null ? 'done' : 'stopped';
  return Date.parse(b.send_at) > now.getTime() ? 'scheduled' : 'sending';
}

/** First line of what was sent, short enough for a list. */
export function snippet(text: string, photo: boolean): string {
  const first = text.split('\n')[0]!.trim();
  const short = first.length > 40 ? `${first.slice(0, 40)}…` : first;
  return `${photo ? '🖼 ' : ''}${short}`;
}

export function listItemText(t: TFunction, s: BroadcastSummary, audience: string, tz: string, now: Date): string {
  const b = s.row;
  return t('notices.list.item', {
    id: b.id,
    when: when(b.send_at, tz),
    audience,
    status: t(`notices.status.${statusOf(b, now)}`),
    what: snippet(b.text, b.photo !== null),
    total: b.recipients,
    ...s.counts,
  });
}
