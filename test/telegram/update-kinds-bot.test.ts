import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertOf, until } from '../support/chat';
import { startBot, type TestBot } from '../support/harness';

// Updates that are not a typed text or a button on a message: each reaches the one handler meant for it, though
// middleware lists now leave out, per kind of update, what cannot act on it (src/telegram/update-kinds.ts).
let tb: TestBot;
beforeAll(async () => {
  tb = await startBot();
});
afterAll(() => tb.stop());

const reachable = async (id: number) =>
  (await tb.db.selectFrom('users').select('reachable').where('id', '=', id).executeTakeFirst())?.reachable;

describe('updates of other kinds reach their handlers through the real bot', () => {
  it('a resident who blocks the bot is marked unreachable, and reachable again when they come back', async () => {
    const u = await tb.resident(7101, { language_code: 'en' });
    expect(await reachable(7101)).toBe(1);
    await u.blockBot();
    await until(async () => (await reachable(7101)) === 0, 'the block to be recorded');
    await u.unblockBot();
    await until(async () => (await reachable(7101)) === 1, 'the return to be recorded');
  });

  it('a button pressed on an inline message, with no message to act on, is told it has expired', async () => {
    await tb.resident(7102, { language_code: 'en' });
    const mark = tb.api.lastSeq();
    const from = { id: 7102, is_bot: false, first_name: 'x', language_code: 'en' };
    const id = tb.api.addUpdate({
      callback_query: { id: 'inline-press', from, chat_instance: 'i', inline_message_id: 'im1', data: 'mk:x' },
    });
    await tb.settled(id);
    const calls = tb.api.calls.filter((c) => c.seq > mark && c.method === 'answerCallbackQuery');
    expect(alertOf(calls)).toBe('This button has expired. Please start again.');
  });

  it('an edited message is answered: the resident is asked to send the corrected text again', async () => {
    const u = await tb.resident(7103, { language_code: 'en' });
    const mark = tb.api.lastSeq();
    const chat = { id: 7103, type: 'private', first_name: 'x' };
    const from = { id: 7103, is_bot: false, first_name: 'x', language_code: 'en' };
    const id = tb.api.addUpdate({
      edited_message: { message_id: 99, date: 0, edit_date: 1, chat, from, text: 'fixed' },
    });
    await tb.settled(id);
    const sent = tb.api.callsTo(u.id, { after: mark }).filter((c) => c.method === 'sendMessage');
    expect(sent.map((c) => c.payload.text)).toEqual([
      'You edited your message, but I can only read the original. Please send the corrected text again.',
    ]);
  });
});
