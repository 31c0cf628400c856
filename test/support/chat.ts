import type { FakeUser, RecordedCall } from '../../src/playground/fake-api';
import type { TestBot } from './harness';

// What a test reads of the bot's calls: the one copy every bot test uses.

export type InlineButton = { text: string; callback_data?: string; url?: string };

/** The texts (or captions) of these calls, one per line, as sent (HTML included). */
export const texts = (calls: RecordedCall[]) =>
  calls.map((c) => String(c.payload.text ?? c.payload.caption ?? '')).join('\n');

/** The same, as a person reads it: tags removed, entities decoded. */
export const plainTexts = (calls: RecordedCall[]) =>
  texts(calls)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export const buttons = (calls: RecordedCall[]): InlineButton[] =>
  calls.flatMap((c) => (c.payload.reply_markup?.inline_keyboard ?? []).flat() as InlineButton[]);

/** The callback data (or URL) of the first button whose label contains `label`; throws with the labels seen. */
export function button(calls: RecordedCall[], label: string): string {
  const b = buttons(calls).find((x) => x.text.includes(label));
  if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(buttons(calls).map((x) => x.text))}`);
  return b.callback_data ?? b.url!;
}

/** The callback data of the first button whose data matches. */
export const dataOf = (calls: RecordedCall[], re: RegExp) =>
  buttons(calls)
    .map((b) => b.callback_data ?? '')
    .find((d) => re.test(d));

/** The text of the answer to a button press (a toast or an alert). */
export const alertOf = (calls: RecordedCall[]) =>
  calls.find((c) => c.method === 'answerCallbackQuery')?.payload.text as string | undefined;

export const answerOf = (calls: RecordedCall[]) => calls.find((c) => c.method === 'answerCallbackQuery')?.payload;

/** Everything the bot has shown in a chat so far (sent, edited in place), as the chat shows it. */
export const seen = (tb: TestBot, chatId: number) => tb.api.messages(chatId).filter((m) => m.from === 'bot');

export const say = async (u: FakeUser, text: string) => (await u.send(text)).reply();
export const tap = async (u: FakeUser, data: string) => (await u.click(data)).reply();

/** Waits until `cond` holds, checking often; fails after `timeoutMs` naming what it waited for. */
export async function until(cond: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits for a bot message in a chat (sent after `mark`) whose text matches; returns it. */
export async function waitForMessage(
  tb: TestBot,
  chatId: number,
  match: RegExp | string,
  mark = 0,
  timeoutMs = 15_000,
) {
  const test = (s: string) => (typeof match === 'string' ? s.includes(match) : match.test(s));
  const call = await tb.api.waitForCall(
    (c) =>
      c.chatId === chatId &&
      ['sendMessage', 'sendPhoto', 'sendDocument', 'editMessageText'].includes(c.method) &&
      test(String(c.payload.text ?? c.payload.caption ?? '')),
    { after: mark, timeoutMs },
  );
  return call;
}
