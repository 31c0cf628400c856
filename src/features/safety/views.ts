import type { EmergencyKind } from '../../core/emergency';
import type { TFunction } from '../../i18n';
import { type Button, markup } from '../../telegram/markup';
import type { InlineMarkup } from '../../telegram/port';
import { CB } from './callbacks';
import type { Alert } from './store';

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

/**
 * The alarm: the number to call first for this situation, what to do while waiting, then the offer to tell the
 * community — and, in a flow, the way back to it. Its buttons are exactly what can still be done.
 */
export function alarmCard(t: TFunction, alert: Alert): Card {
  // Two translations side by side, not one inside the other: the alarm's own markup must not be escaped.
  const lines = [t(`safety.alarm.${alert.kind}`), t('safety.then')];
  if (alert.notifiedAt) lines.push(t('safety.notified'));
  if (alert.inFlow && !alert.continuedAt) lines.push(t('safety.inFlow'));
  const rows: Button[][] = [];
  if (!alert.notifiedAt) rows.push([{ text: t('safety.notifyButton'), data: CB.notify(alert.id) }]);
  if (alert.inFlow && !alert.continuedAt) rows.push([{ text: t('safety.continueButton'), data: CB.carryOn(alert.id) }]);
  return { text: lines.join('\n\n'), markup: markup(rows) };
}

/** Every number at once, for the 🚨 button of a report (no situation named yet). */
export const generalAlarm = (t: TFunction): string => t('safety.general');

export const kindName = (t: TFunction, kind: EmergencyKind) => t(`safety.kind.${kind}`);
