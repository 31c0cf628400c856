import type { Platform } from '../../platform';
import type { JobSpec } from '../../telegram/feature';
import { localeOf } from '../../telegram/locale';
import { noticesPolicy } from './policy';
import type { NoticesService } from './service';
import { leftOf } from './status';
import type { Broadcast } from './store';
import { finalText, paramText, progressCard } from './views';

/**
 * Every few seconds: makes the outbox rows of broadcasts still expanding (a batch per transaction); edits each
 * running broadcast's progress message from the counters on its row, and writes the final report of those with
 * nothing left. Catch-up jobs: a restart or a skipped run only delays the next batch or edit; with nothing running,
 * each is one indexed read and writes nothing.
 */
export function noticesJobs(
  notices: NoticesService,
  { identity, i18n, config, telegram, log }: Pick<Platform, 'identity' | 'i18n' | 'config' | 'telegram' | 'log'>,
): JobSpec[] {
  // What each progress message shows now, so an unchanged one is not edited again (Telegram refuses "not modified").
  const shown = new Map<number, string>();

  async function reportOne(b: Broadcast, now: Date) {
    const sender = await identity.user(b.createdBy);
    const lng = sender ? localeOf(sender, config.DEFAULT_LOCALE) : config.DEFAULT_LOCALE;
    const t = i18n.getFixedT(lng);
    const audience = paramText(t, lng, await notices.describe(b.audience));

    let counts = await notices.progress(b.id);
    // A row in flight when staff pressed stop can come back queued (a 429 or a network retry): stop it too.
    if (b.stoppedBy !== null && counts.queued > 0) {
      await notices.stopQueued(b.id, now);
      counts = await notices.progress(b.id);
    }
    if (leftOf(counts) === 0) {
      const final = await notices.finishBroadcast(b, now);
      if (!final) return;
      shown.delete(b.id);
      if (b.progressMessageId !== null)
        await telegram.editText(b.createdBy, b.progressMessageId, finalText(t, b, audience, final));
      return;
    }
    const card = progressCard(t, b, audience, counts, config.DELIVERY_RATE_PER_SEC);
    if (shown.get(b.id) === card.text) return;
    if (b.progressMessageId === null) {
      await notices.setProgressMessage(b.id, await telegram.sendText(b.createdBy, card.text, card.markup));
    } else {
      await telegram.editText(b.createdBy, b.progressMessageId, card.text, card.markup);
    }
    shown.set(b.id, card.text);
  }

  async function reportProgress(now: Date) {
    for (const b of await notices.running(now)) {
      try {
        await reportOne(b, now);
      } catch (err) {
        log.warn({ err, broadcast: b.id }, 'could not update broadcast progress');
      }
    }
  }

  return [
    {
      name: 'notices.expand',
      cron: noticesPolicy.expandCron,
      run: async (now) => {
        await notices.expandPending(now);
      },
    },
    { name: 'notices.progress', cron: noticesPolicy.progressCron, run: reportProgress },
  ];
}
