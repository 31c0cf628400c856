import { expect } from 'vitest';
import { collectAudiences } from '../../../src/features/notices';
import type { Compound } from '../../../src/features/residents/service';
import type { FakeUser, RecordedCall } from '../../../src/playground/fake-api';
import { buttons, dataOf, seen, texts } from '../../support/chat';
import type { TestBot } from '../../support/harness';

// How a staff member composes a broadcast, for the notices bot tests.

export const NOTICE = '停水通知：明天 8:00–12:00 荷塘花园停水，请提前储水。';
export const BOLD = [{ type: 'bold', offset: 0, length: 4 }];

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

/**
 * /broadcast → text → one compound, through the buttons a staff member taps. Returns the summary (with the send
 * buttons).
 */
export async function composeToCompound(
  tb: TestBot,
  staff: FakeUser,
  c: Compound,
  text = NOTICE,
  entities: object[] = BOLD,
) {
  let out = await (await staff.command('/broadcast')).reply();
  expect(texts(out)).toContain('请发送通知内容');
  out = await sendFormatted(tb, staff, text, entities);
  expect(texts(out)).toContain('发给谁');
  // every audience another installed area registers is offered, next to the places and roles
  const offered = buttons(out).map((b) => b.callback_data);
  for (const key of Object.keys(collectAudiences(tb.app.features))) expect(offered).toContain(`nt:a:x:${key}`);
  expect(offered).toEqual(
    expect.arrayContaining(['nt:a:all', 'nt:a:cm', 'nt:a:cp', 'nt:a:r:staff', 'nt:a:r:deputy', 'nt:a:r:partner']),
  );
  out = await (await staff.click('nt:a:cp')).reply();
  out = await (await staff.click(dataOf(out, new RegExp(`^nt:a:cq:${c.communityId}$`))!)).reply();
  expect(texts(out)).toContain('请选择小区');
  // the preview, then the summary with the send buttons
  return (await staff.click(dataOf(out, new RegExp(`^nt:a:cp:${c.id}$`))!)).reply();
}

/** The notice (text or photo caption) as a user received it, each copy. */
export const gotNotice = (tb: TestBot, id: number, text = NOTICE) =>
  seen(tb, id).filter((m) => m.text === text || m.caption === text);
