import type { FakeUser, RecordedCall } from '../../../src/playground/fake-api';
import type { TestBot } from '../../support/harness';

/**
 * A text message with formatting, as Telegram delivers it (FakeUser.send marks only commands); resolves to the bot's
 * calls to this chat once it has handled the message.
 */
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
  const updateId = tb.api.addUpdate({
    message: {
      message_id,
      date,
      chat: { id: u.id, type: 'private', first_name: u.from.first_name },
      from: u.from,
      text,
      entities,
    },
  });
  await tb.settled(updateId);
  return tb.api.callsTo(u.id, { after: mark });
}
