import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/playground/fake-api';
import { startBot, type TestBot } from '../support/harness';

// The bad-input corpus (issue 14): everything a person, a client or a forger can send, each kind once, against the
// real bot. Every one gets a polite answer (or, outside a private chat, no answer at all), changes nothing it should
// not, and leaks nothing internal; the bot never logs a handler failure for any of them.

let tb: TestBot;
const logs: string[] = [];
let nextId = 80_000;

beforeAll(async () => {
  tb = await startBot({ logs });
});
afterAll(() => tb.stop());

const LEAKS = /Error|undefined|NaN|\[object|SQLITE|stack|at [\w.]+ \(|TypeError|null\b/;

type Kind = { name: string; send(id: number): number; expect?: 'answer' | 'silent' | 'no-keyboard' };

const from = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  is_bot: false,
  first_name: `Bad${id}`,
  language_code: 'zh-hans',
  ...extra,
});
const priv = (id: number) => ({ id, type: 'private', first_name: `Bad${id}` });
let mid = 1;
const message = (id: number, body: Record<string, unknown>, who = from(id), chat: object = priv(id)) =>
  tb.api.addUpdate({ message: { message_id: mid++, date: Math.floor(Date.now() / 1000), chat, from: who, ...body } });
const text = (t: string, entities?: object[]) => (id: number) =>
  message(id, { text: t, ...(entities ? { entities } : {}) });
const cmd = (t: string) => text(t, [{ type: 'bot_command', offset: 0, length: t.split(' ')[0]!.length }]);
const callback =
  (data: string, withMessage = true) =>
  (id: number) =>
    tb.api.addUpdate({
      callback_query: {
        id: `cq${mid++}`,
        from: from(id),
        chat_instance: String(id),
        data,
        ...(withMessage
          ? { message: { message_id: 1, date: 0, chat: priv(id), from: { id: 1, is_bot: true, first_name: 'Linli' } } }
          : {}),
      },
    });
const file = (kind: string, body: object) => (id: number) => message(id, { [kind]: body });

const KINDS: Kind[] = [
  // text of every awkward shape
  { name: 'empty-looking spaces', send: text('   ') },
  { name: 'zero-width characters only', send: text('\u200b\u200c\u200d\ufeff') },
  { name: 'a tab and a newline', send: text('\t\n') },
  { name: 'one emoji', send: text('👍') },
  { name: 'emoji with skin tone and ZWJ', send: text('👨‍👩‍👧‍👦👵🏻') },
  { name: 'right-to-left override', send: text('\u202etxet') },
  { name: 'HTML tags', send: text('<b>粗体</b><script>alert(1)</script>') },
  { name: 'an HTML entity', send: text('&lt;&amp;&gt; &#x41;') },
  { name: 'SQL injection', send: text("'); DROP TABLE users;--") },
  { name: 'a very long text', send: text('长'.repeat(4096)) },
  { name: 'a long line of digits', send: text('9'.repeat(300)) },
  { name: 'a URL', send: text('https://evil.example/?q=<x>') },
  { name: 'a phone number', send: text('13800000000') },
  { name: 'traditional Chinese', send: text('請問今天市集幾點開門') },
  { name: 'full-width latin', send: text('ＨＥＬＬＯ') },
  { name: 'mixed scripts', send: text('hello 你好 مرحبا') },
  { name: 'control characters', send: text('a\u0000b\u0007c') },
  { name: 'a lone surrogate', send: text('x\ud800y') },
  { name: 'markdown-looking text', send: text('*bold* _it_ [link](http://x)') },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a resident typing what looks like a template
  { name: 'a template-looking text', send: text('{{name}} ${x} %s') },
  { name: 'a menu label with spaces around', send: text('  👤 我的信息  ') },
  { name: 'a menu label of the other language', send: text('👤 My details') },
  { name: 'the cancel label with nothing to cancel', send: text('❌ 取消') },
  // commands
  { name: 'an unknown command', send: cmd('/nonsense') },
  { name: 'a command for another bot', send: cmd('/start@other_bot') },
  { name: 'a command with a huge argument', send: cmd(`/start ${'x'.repeat(3000)}`) },
  { name: 'start with a garbage payload', send: cmd('/start !!!<>') },
  { name: 'start with an unknown invitation', send: cmd('/start inv_nope') },
  { name: 'start with an unknown petition link', send: cmd('/start p_999999') },
  { name: 'start with a negative petition link', send: cmd('/start p_-1') },
  { name: 'a staff command', send: cmd('/broadcast') },
  { name: 'an admin command', send: cmd('/roles') },
  { name: 'a deputy command', send: cmd('/petitions') },
  { name: 'cancel with nothing to cancel', send: cmd('/cancel') },
  { name: 'help in upper case', send: cmd('/HELP') },
  { name: 'a slash alone', send: text('/') },
  // media and other message kinds
  {
    name: 'a sticker',
    send: file('sticker', {
      file_id: 'S',
      file_unique_id: 'S',
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
      type: 'regular',
    }),
  },
  { name: 'a voice message', send: file('voice', { file_id: 'V', file_unique_id: 'V', duration: 3 }) },
  { name: 'a video', send: file('video', { file_id: 'W', file_unique_id: 'W', width: 1, height: 1, duration: 1 }) },
  { name: 'a video note', send: file('video_note', { file_id: 'N', file_unique_id: 'N', length: 1, duration: 1 }) },
  {
    name: 'an animation',
    send: file('animation', { file_id: 'A', file_unique_id: 'A', width: 1, height: 1, duration: 1 }),
  },
  { name: 'a document', send: file('document', { file_id: 'D', file_unique_id: 'D', file_name: 'x.exe' }) },
  {
    name: 'a photo outside any flow',
    send: file('photo', [{ file_id: 'P', file_unique_id: 'P', width: 1, height: 1 }]),
  },
  { name: 'a location outside any flow', send: file('location', { latitude: 0, longitude: 0 }) },
  { name: 'a venue', send: file('venue', { location: { latitude: 1, longitude: 1 }, title: 'x', address: 'y' }) },
  {
    name: "someone else's contact",
    send: (id) => message(id, { contact: { phone_number: '1', first_name: 'X', user_id: id + 1 } }),
  },
  {
    name: 'a contact without a user id',
    send: (id) => message(id, { contact: { phone_number: '1', first_name: 'X' } }),
  },
  {
    name: 'a poll',
    send: file('poll', {
      id: '1',
      question: 'q',
      options: [],
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
    }),
  },
  { name: 'a dice', send: file('dice', { emoji: '🎲', value: 3 }) },
  {
    name: 'a forwarded text',
    send: (id) =>
      message(id, { text: '转发的', forward_origin: { type: 'hidden_user', date: 0, sender_user_name: 'x' } }),
  },
  {
    name: 'a reply to an old message',
    send: (id) => message(id, { text: '回复', reply_to_message: { message_id: 1, date: 0, chat: priv(id) } }),
  },
  // senders Telegram allows but rarely sends
  {
    name: 'a sender without a first name',
    send: (id) => message(id, { text: '你好' }, { id, is_bot: false } as never),
  },
  {
    name: 'a sender with an odd language code',
    send: (id) =>
      message(
        id,
        { text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] },
        from(id, { language_code: 'xx-ZZ' }),
      ),
  },
  {
    name: 'a sender whose name is HTML',
    send: (id) =>
      message(
        id,
        { text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
        from(id, { first_name: '<b>&amp;</b>' }),
      ),
  },
  {
    name: 'an edited message',
    send: (id) =>
      tb.api.addUpdate({
        edited_message: { message_id: mid++, date: 0, edit_date: 1, chat: priv(id), from: from(id), text: '改了' },
      }),
  },
  // buttons nobody should be able to press
  { name: 'a forged staff button', send: callback('mk:st:pub:1') },
  { name: 'a forged admin button', send: callback('rs:rvy:1:admin') },
  { name: 'a forged deputy button', send: callback('pt:d:ak:1') },
  { name: 'garbage callback data', send: callback('\u0000\u0001💥') },
  { name: 'callback data of 64 bytes', send: callback('x'.repeat(64)) },
  { name: 'a button with no message (inline mode)', send: callback('rs:home', false) },
  { name: 'an id overflowing the number', send: callback('rs:cp:999999999') },
  { name: 'a negative id', send: callback('rs:cp:-1') },
  { name: 'a stale onboarding button', send: callback('rs:cm:424242') },
  // outside a private chat: the bot keeps quiet and never shows a resident keyboard
  {
    name: 'text in a group',
    send: (id) => message(id, { text: '着火了' }, from(id), { id: -100_000 - id, type: 'supergroup', title: 'g' }),
    expect: 'silent',
  },
  {
    name: 'a command in a group',
    send: (id) =>
      message(id, { text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] }, from(id), {
        id: -100_000 - id,
        type: 'group',
        title: 'g',
      }),
    expect: 'silent',
  },
  {
    name: 'the emergency button pressed in a group',
    send: (id) =>
      tb.api.addUpdate({
        callback_query: {
          id: `cq${mid++}`,
          from: from(id),
          chat_instance: 'g',
          data: 'pt:emg',
          message: { message_id: 1, date: 0, chat: { id: -200_000 - id, type: 'supergroup', title: 'g' } },
        },
      }),
    expect: 'no-keyboard',
  },
  {
    name: 'a channel post',
    send: () =>
      tb.api.addUpdate({
        channel_post: { message_id: mid++, date: 0, chat: { id: -1_000_999, type: 'channel', title: 'c' }, text: 'x' },
      }),
    expect: 'silent',
  },
  {
    name: 'a message from another bot',
    send: (id) => message(id, { text: 'hi' }, { id, is_bot: true, first_name: 'Bot' } as never),
    expect: 'silent',
  },
];

const sentTo = (calls: RecordedCall[], chat: number) =>
  calls.filter(
    (c) =>
      c.chatId === chat &&
      ['sendMessage', 'sendPhoto', 'sendDocument', 'editMessageText', 'answerCallbackQuery'].includes(c.method),
  );

describe('bad input: a polite answer for every kind, nothing leaked, nothing crashed', () => {
  it(`the corpus has ${KINDS.length} kinds`, () => {
    expect(KINDS.length).toBeGreaterThanOrEqual(68);
    expect(new Set(KINDS.map((k) => k.name)).size).toBe(KINDS.length);
  });

  for (const k of KINDS) {
    it(k.name, async () => {
      const id = nextId++;
      const mark = tb.api.lastSeq();
      await tb.settled(k.send(id));
      const mine = sentTo(tb.api.callsTo(id, { after: mark }), id);
      const groupReplies = tb.api.calls.filter((c) => c.seq > mark && (c.chatId ?? 0) < 0 && c.method !== 'getUpdates');
      if (k.expect === 'no-keyboard') {
        expect(groupReplies.filter((c) => c.payload.reply_markup?.keyboard)).toEqual([]);
        return;
      }
      if (k.expect === 'silent') {
        expect(mine.filter((c) => c.method !== 'answerCallbackQuery')).toEqual([]);
        expect(groupReplies.filter((c) => c.payload.reply_markup?.keyboard)).toEqual([]);
        return;
      }
      expect(mine.length, 'an answer').toBeGreaterThan(0);
      for (const c of mine) {
        const shown = String(c.payload.text ?? c.payload.caption ?? '');
        expect(shown).not.toMatch(LEAKS);
        expect(c.ok, `${c.method} refused: ${c.error?.description}`).toBe(true);
      }
    });
  }

  it('no handler failed and the token never reached the log', () => {
    expect(logs.filter((l) => /handler failed|unhandled/.test(l))).toEqual([]);
    expect(logs.join('\n')).not.toContain(tb.api.token);
  });
});
