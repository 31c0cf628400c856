import type { FakeUser, RecordedCall } from '../../../src/playground/fake-api';
import type { TestBot } from '../../support/harness';

export const texts = (calls: RecordedCall[]) =>
  calls.map((c) => String(c.payload.text ?? c.payload.caption ?? '')).join('\n');
export const buttons = (calls: RecordedCall[]) =>
  calls.flatMap(
    (c) => (c.payload.reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data?: string }[],
  );
export const answerOf = (calls: RecordedCall[]) => calls.find((c) => c.method === 'answerCallbackQuery')?.payload;
export const dataOf = (calls: RecordedCall[], re: RegExp) =>
  buttons(calls)
    .map((b) => b.callback_data ?? '')
    .find((d) => re.test(d));

/** The bot's calls to this chat after `mark`, once it has been quiet for a moment (FakeUser's own reply(), for hand-made updates). */
export async function repliesAfter(tb: TestBot, chatId: number, mark: number): Promise<RecordedCall[]> {
  await tb.api.waitForCall((c) => c.chatId === chatId, { after: mark });
  let seen = -1;
  for (;;) {
    const calls = tb.api.callsTo(chatId, { after: mark });
    if (calls.length === seen) return calls;
    seen = calls.length;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A text message with formatting, as Telegram delivers it (FakeUser.send only marks commands). */
export async function sendFormatted(
  tb: TestBot,
  u: FakeUser,
  text: string,
  entities: object[],
): Promise<RecordedCall[]> {
  const mark = tb.api.lastSeq();
  const date = Math.floor(Date.now() / 1000);
  const message_id = tb.api.chats.newMessageId(u.id);
  tb.api.chats.add(u.id, { message_id, from: 'user', date, text, entities });
  tb.api.addUpdate({
    message: {
      message_id,
      date,
      chat: { id: u.id, type: 'private', first_name: u.from.first_name },
      from: u.from,
      text,
      entities,
    },
  });
  return repliesAfter(tb, u.id, mark);
}

/** What the bot sent a user, bot messages only (text or caption). */
export const received = (tb: TestBot, userId: number) => tb.api.messages(userId).filter((m) => m.from === 'bot');

export async function until(
  cond: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
