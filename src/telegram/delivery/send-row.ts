import type { i18n } from 'i18next';
import type { Config } from '../../config';
import type { Clock } from '../../core/clock';
import type { ClaimedRow, Outbox } from '../../outbox/service';
import { asEdit, render, type Translators } from './render';
import type { Sender, SendResult } from './sender';

export interface RowDeps {
  outbox: Outbox;
  config: Config;
  clock: Clock;
  i18n: i18n;
  sender: Sender;
  translators: Translators;
}

/**
 * One outbox row to Telegram, in its recipient's language: a new message, or an edit of the card it replaces.
 * Throws when the row cannot even be rendered (a damaged content column). `written`: the call has left for Telegram.
 */
export async function sendRow(row: ClaimedRow, d: RowDeps, written: () => void): Promise<SendResult> {
  let out = render(row, d.i18n, d.config.DEFAULT_LOCALE, d.translators);
  const replaces = (JSON.parse(row.content) as { replaces?: string }).replaces;
  const target = replaces ? await d.outbox.editTarget(replaces, d.clock.now()) : null;
  if (target !== null) out = asEdit(out, target);
  const result = await d.sender.send(out.method, out.payload, written);
  // Unchanged since the last update: nothing to show, nothing wrong.
  if (!result.ok && target !== null && /message is not modified/i.test(result.description))
    return { ok: true, messageId: target };
  // The card is gone (deleted by its holder): the new state comes as a message of its own.
  if (!result.ok && target !== null && result.code === 400) {
    const fresh = render(row, d.i18n, d.config.DEFAULT_LOCALE, d.translators);
    return d.sender.send(fresh.method, fresh.payload);
  }
  return result;
}
