import { randomBytes } from 'node:crypto';
import type { ChatStore } from './chats';
import type { ChatMessage, RecordedCall } from './types';

/** What a user needs of the emulator (FakeBotApi provides it): where to put updates and where to read replies. */
export interface UserSide {
  readonly botId: number;
  readonly botUsername: string;
  readonly chats: ChatStore;
  settle?: (updateId: number, timeoutMs: number) => Promise<void>;
  addUpdate(update: object): number;
  lastSeq(): number;
  callsTo(chatId: number, opts?: { after?: number }): RecordedCall[];
  messages(chatId: number): ChatMessage[];
  waitForCall(
    match: (c: RecordedCall) => boolean,
    opts?: { after?: number; timeoutMs?: number },
  ): Promise<RecordedCall>;
}

export interface UserInit {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface Sent {
  update_id: number;
  message_id?: number;
  /**
   * The bot's calls concerning this chat after this update: once the bot reports the update handled (FakeBotApi.
   * settle, which the test harness connects to the app), else as soon as the first one arrives.
   */
  reply(opts?: { timeoutMs?: number }): Promise<RecordedCall[]>;
}

const PNG_1PX = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

/** A Telegram user in a private chat with the bot. */
export class FakeUser {
  readonly id: number;
  readonly from: {
    id: number;
    is_bot: false;
    first_name: string;
    last_name?: string;
    username?: string;
    language_code?: string;
  };

  constructor(
    private readonly api: UserSide,
    init: UserInit,
  ) {
    this.id = init.id;
    this.from = {
      id: init.id,
      is_bot: false,
      first_name: init.first_name ?? `User${init.id}`,
      last_name: init.last_name,
      username: init.username,
      language_code: init.language_code,
    };
  }

  private chat() {
    return { id: this.id, type: 'private' as const, first_name: this.from.first_name };
  }

  private message(extra: Partial<ChatMessage> & Record<string, unknown>): Sent {
    const mark = this.api.lastSeq();
    const message_id = this.api.chats.newMessageId(this.id);
    const { from: _f, ...rest } = extra;
    this.api.chats.add(this.id, {
      message_id,
      from: 'user',
      date: Math.floor(Date.now() / 1000),
      ...(rest as Partial<ChatMessage>),
    });
    const update_id = this.api.addUpdate({
      message: { message_id, date: Math.floor(Date.now() / 1000), chat: this.chat(), from: this.from, ...rest },
    });
    return { update_id, message_id, reply: (o) => this.collect(mark, update_id, o) };
  }

  send(text: string): Promise<Sent> {
    const cmd = /^\/\w+(@\w+)?/.exec(text);
    const entities = cmd ? [{ type: 'bot_command', offset: 0, length: cmd[0].length }] : undefined;
    return Promise.resolve(this.message({ text, ...(entities ? { entities } : {}) }));
  }

  command(cmd: string, args?: string): Promise<Sent> {
    const c = cmd.startsWith('/') ? cmd : `/${cmd}`;
    return this.send(args ? `${c} ${args}` : c);
  }

  contact(c: { phone_number: string; first_name?: string; user_id?: number }): Promise<Sent> {
    return Promise.resolve(this.message({ contact: { first_name: c.first_name ?? this.from.first_name, ...c } }));
  }

  location(latitude: number, longitude: number): Promise<Sent> {
    return Promise.resolve(this.message({ location: { latitude, longitude } }));
  }

  /** A place picked in Telegram's attachment menu: a point with a name and an address. */
  venue(latitude: number, longitude: number, title: string, address: string): Promise<Sent> {
    const location = { latitude, longitude };
    return Promise.resolve(this.message({ location, venue: { location, title, address } }));
  }

  photo(opts: { caption?: string; bytes?: Buffer } = {}): Promise<Sent> {
    const f = this.api.chats.storeFile(opts.bytes ?? PNG_1PX, 'jpg');
    const photo = [
      { file_id: f.file_id, file_unique_id: f.file_unique_id, width: 90, height: 90, file_size: f.bytes.length },
      { file_id: f.file_id, file_unique_id: f.file_unique_id, width: 800, height: 600, file_size: f.bytes.length },
    ];
    return Promise.resolve(this.message({ photo, ...(opts.caption ? { caption: opts.caption } : {}) }));
  }

  sticker(): Promise<Sent> {
    return Promise.resolve(
      this.message({
        sticker: {
          file_id: 'STICKER',
          file_unique_id: 'S',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
          type: 'regular',
          emoji: '👍',
        },
      }),
    );
  }

  voice(): Promise<Sent> {
    const f = this.api.chats.storeFile(Buffer.from('OggS'), 'ogg');
    return Promise.resolve(
      this.message({ voice: { file_id: f.file_id, file_unique_id: f.file_unique_id, duration: 3 } }),
    );
  }

  /** A file sent as a document; by default a tiny PDF. */
  document(name = 'file.pdf', bytes: Buffer = Buffer.from('%PDF-1.4')): Promise<Sent> {
    const ext = /\.(\w+)$/.exec(name)?.[1] ?? 'bin';
    const f = this.api.chats.storeFile(bytes, ext);
    return Promise.resolve(
      this.message({
        document: { file_id: f.file_id, file_unique_id: f.file_unique_id, file_name: name, file_size: bytes.length },
      }),
    );
  }

  /** Presses an inline button: by default on the newest bot message with an inline keyboard. */
  click(data: string, opts: { messageId?: number } = {}): Promise<Sent> {
    const mark = this.api.lastSeq();
    const msgs = this.api.messages(this.id).filter((m) => m.from === 'bot');
    const target =
      opts.messageId !== undefined
        ? msgs.find((m) => m.message_id === opts.messageId)
        : ([...msgs].reverse().find((m) => m.reply_markup?.inline_keyboard) ?? msgs.at(-1));
    const message = target
      ? {
          message_id: target.message_id,
          date: target.date,
          chat: this.chat(),
          from: { id: 1, is_bot: true, first_name: 'Linli' },
          text: target.text ?? target.caption ?? '',
          reply_markup: target.reply_markup,
        }
      : // A button is always on some message of the bot; a forged press in an empty chat names one that is gone.
        { message_id: 1, date: 0, chat: this.chat(), from: { id: 1, is_bot: true, first_name: 'Linli' }, text: '' };
    const update_id = this.api.addUpdate({
      callback_query: {
        id: randomBytes(8).toString('hex'),
        from: this.from,
        chat_instance: String(this.id),
        data,
        message,
      },
    });
    return Promise.resolve({ update_id, reply: (o) => this.collect(mark, update_id, o) });
  }

  /** The user blocks the bot: Telegram sends my_chat_member, and later sends to them fail with 403. */
  async blockBot(): Promise<void> {
    this.api.chats.blocked.add(this.id);
    this.memberUpdate('member', 'kicked');
  }

  async unblockBot(): Promise<void> {
    this.api.chats.blocked.delete(this.id);
    this.memberUpdate('kicked', 'member');
  }

  private memberUpdate(oldStatus: string, newStatus: string) {
    const bot = { id: this.api.botId, is_bot: true, first_name: 'Linli', username: this.api.botUsername };
    const date = Math.floor(Date.now() / 1000);
    this.api.addUpdate({
      my_chat_member: {
        chat: this.chat(),
        from: this.from,
        date,
        old_chat_member: { status: oldStatus, user: bot, ...(oldStatus === 'kicked' ? { until_date: 0 } : {}) },
        new_chat_member: { status: newStatus, user: bot, ...(newStatus === 'kicked' ? { until_date: 0 } : {}) },
      },
    });
  }

  /** Text (or caption) of the newest bot message in this chat. */
  lastText(): string | undefined {
    const m = this.api
      .messages(this.id)
      .filter((x) => x.from === 'bot')
      .at(-1);
    return m?.text ?? m?.caption;
  }

  private async collect(mark: number, updateId: number, o: { timeoutMs?: number } = {}): Promise<RecordedCall[]> {
    const timeoutMs = o.timeoutMs ?? 15_000;
    if (this.api.settle) await this.api.settle(updateId, timeoutMs);
    else await this.api.waitForCall((c) => c.chatId === this.id, { after: mark, timeoutMs });
    return this.api.callsTo(this.id, { after: mark });
  }
}
