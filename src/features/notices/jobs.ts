import { GrammyError } from 'grammy';
import type { Deps } from '../../telegram/legacy';
import type { JobSpec } from '../../telegram/feature';
import { localeOf } from '../../telegram/locale';
import * as residents from '../residents/service';
import { stopKeyboard } from './keyboards';
import type { AreaAudiences, BroadcastRow } from './service';
import * as notices from './service';
import { finalText, paramText, progressText } from './views';

/**
 * Every few seconds: edits each running broadcast's progress message, and writes the final report of those with
 * nothing left. A catch-up job: a restart or a skipped run only delays the next edit.
 */
export function noticeJobs(deps: Deps, areas: () => AreaAudiences): JobSpec[] {
  // What each progress message shows now, so an unchanged one is not edited again (Telegram refuses "not modified").
  const shown = new Map<number, string>();
  return [{ name: 'notices.progress', cron: '*/3 * * * * *', run: (now) => reportProgress(deps, areas, shown, now) }];
}

export async function reportProgress(
  deps: Deps,
  areas: () => AreaAudiences,
  shown: Map<number, string>,
  now: Date,
): Promise<void> {
  for (const b of await notices.runningBroadcasts(deps.db, now)) {
    try {
      await reportOne(deps, areas, shown, b, now);
    } catch (err) {
      deps.log.warn({ err, broadcast: b.id }, 'could not update broadcast progress');
    }
  }
}

async function reportOne(
  deps: Deps,
  areas: () => AreaAudiences,
  shown: Map<number, string>,
  b: BroadcastRow,
  now: Date,
) {
  const { db, config, i18n } = deps;
  const sender = await residents.getUser(db, b.created_by);
  const lng = sender ? localeOf({ language: sender.language, tgLanguage: sender.tg_language }, config.DEFAULT_LOCALE) : config.DEFAULT_LOCALE;
  const t = i18n.getFixedT(lng);
  const audience = paramText(t, lng, await notices.describeAudience(db, b.audience, areas()));
  const api = deps.api();

  let counts = await notices.progressOf(db, b.id);
  // A row in flight when staff pressed stop can come back queued (a 429 or a network retry): stop it too.
  if (b.stopped_by !== null && counts.queued > 0) {
    await notices.stopQueuedRows(db, b.id, now);
    counts = await notices.progressOf(db, b.id);
  }
  if (notices.leftOf(counts) === 0) {
    const final = await notices.finishBroadcast(db, b, areas(), now);
    if (!final) return;
    deps.wakeDelivery();
    shown.delete(b.id);
    if (b.progress_message_id !== null)
      await edit(api, b.created_by, b.progress_message_id, finalText(t, b, audience, final));
    return;
  }
  const text = progressText(t, b, audience, counts, config.DELIVERY_RATE_PER_SEC);
  if (shown.get(b.id) === text) return;
  const reply_markup = b.stopped_by === null ? stopKeyboard(t, b.id, false) : undefined;
  if (b.progress_message_id === null) {
    const m = await api.sendMessage(b.created_by, text, { reply_markup });
    await notices.setProgressMessage(db, b.id, m.message_id);
  } else {
    await edit(api, b.created_by, b.progress_message_id, text, reply_markup);
  }
  shown.set(b.id, text);
}

async function edit(
  api: ReturnType<Deps['api']>,
  chatId: number,
  messageId: number,
  text: string,
  reply_markup?: ReturnType<typeof stopKeyboard>,
) {
  try {
    await api.editMessageText(chatId, messageId, text, { reply_markup });
  } catch (err) {
    // The same counts after a restart, or a progress message the staff member deleted: nothing to repair.
    if (err instanceof GrammyError && err.error_code === 400) return;
    throw err;
  }
}
