import type { UploadedFile } from './body';
import type { ChatStore } from './chats';
import { EntityParseError, parseHtml } from './html';
import { ApiError, type ChatMessage } from './types';

export interface MethodEnv {
  chats: ChatStore;
  bot: { id: number; is_bot: true; first_name: string; username: string };
  /** Long poll: resolves with the updates to return. */
  getUpdates(fields: Record<string, unknown>): Promise<unknown[]>;
  /** Which chat a callback query id belongs to (for answerCallbackQuery). */
  callbackChat(id: string): number | undefined;
  commands: Map<string, unknown>;
  /** The ☰ button beside each chat's text box (setChatMenuButton), by chat; absent: Telegram's default. */
  menuButtons: Map<number, unknown>;
  /** setWebhook / deleteWebhook / getWebhookInfo, kept by the server that pushes the updates. */
  webhook: {
    set(fields: Record<string, unknown>): void;
    info(): Record<string, unknown>;
  };
}

const now = () => Math.floor(Date.now() / 1000);
const chatOf = (id: number) =>
  id < 0 ? { id, type: 'supergroup', title: `Group ${id}` } : { id, type: 'private', first_name: `User${id}` };

function chatId(fields: Record<string, unknown>): number {
  const v = fields.chat_id;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  throw new ApiError(400, 'Bad Request: chat_id is empty');
}

/** Text as Telegram would show it; 400 for what Telegram would refuse. */
function formatted(
  text: unknown,
  parseMode: unknown,
  limit: number,
  what: 'text' | 'caption',
): { text: string; html?: string } {
  const raw = typeof text === 'string' ? text : text === undefined ? '' : String(text);
  let plain = raw;
  if (parseMode === 'HTML') {
    try {
      plain = parseHtml(raw);
    } catch (e) {
      if (e instanceof EntityParseError) throw new ApiError(400, `Bad Request: can't parse entities: ${e.message}`);
      throw e;
    }
  }
  if (what === 'text' && plain.trim() === '') throw new ApiError(400, 'Bad Request: message text is empty');
  if (plain.length > limit)
    throw new ApiError(
      400,
      what === 'text' ? 'Bad Request: message is too long' : 'Bad Request: message caption is too long',
    );
  return parseMode === 'HTML' ? { text: plain, html: raw } : { text: plain };
}

/** Telegram opens Mini Apps only over HTTPS, and refuses any other address for a web_app button or menu button. */
function checkWebApp(w: unknown): void {
  const url = (w as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string' || !URL.canParse(url) || new URL(url).protocol !== 'https:')
    throw new ApiError(400, `Bad Request: Web App URL '${String(url)}' is invalid: Only HTTPS links are allowed`);
}

function checkMenuButton(m: unknown): void {
  const b = m as { type?: unknown; text?: unknown; web_app?: unknown } | undefined;
  if (b === undefined || b.type === 'default' || b.type === 'commands') return;
  if (b.type !== 'web_app') throw new ApiError(400, 'Bad Request: unsupported menu button type');
  if (typeof b.text !== 'string' || b.text === '') throw new ApiError(400, 'Bad Request: menu button text is empty');
  checkWebApp(b.web_app);
}

function checkMarkup(m: unknown): void {
  type Button = { text: string; callback_data?: string; web_app?: unknown };
  const kb = (m as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard;
  for (const b of kb?.flat() ?? []) {
    if (b.web_app !== undefined) checkWebApp(b.web_app);
    if (b.callback_data !== undefined && Buffer.byteLength(b.callback_data) > 64)
      throw new ApiError(400, 'Bad Request: BUTTON_DATA_INVALID');
    if (!b.text) throw new ApiError(400, 'Bad Request: text buttons are unallowed in the inline keyboard');
  }
}

function publicMessage(env: MethodEnv, chat: number, m: ChatMessage) {
  const { from: _from, html: _html, edited: _e, ...rest } = m;
  return { ...rest, chat: chatOf(chat), from: env.bot };
}

function fileRef(env: MethodEnv, value: unknown, files: Map<string, UploadedFile>, ext: string) {
  if (typeof value === 'string' && value.startsWith('attach://')) {
    const f = files.get(value.slice('attach://'.length));
    if (!f) throw new ApiError(400, 'Bad Request: file attachment not found');
    return env.chats.storeFile(f.bytes, ext);
  }
  if (typeof value === 'string') return env.chats.file(value) ?? env.chats.storeFile(Buffer.from(value), ext);
  const direct = [...files.values()][0];
  if (direct) return env.chats.storeFile(direct.bytes, ext);
  throw new ApiError(400, 'Bad Request: there is no file in the request');
}

function send(env: MethodEnv, chat: number, msg: Omit<ChatMessage, 'message_id' | 'from' | 'date'>) {
  if (chat > 0 && env.chats.blocked.has(chat)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
  checkMarkup(msg.reply_markup);
  const m: ChatMessage = { message_id: env.chats.newMessageId(chat), from: 'bot', date: now(), ...msg };
  env.chats.add(chat, m);
  return publicMessage(env, chat, m);
}

export async function callMethod(
  env: MethodEnv,
  method: string,
  f: Record<string, unknown>,
  files: Map<string, UploadedFile>,
): Promise<unknown> {
  switch (method) {
    case 'getMe':
      return { ...env.bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
    case 'getUpdates':
      return env.getUpdates(f);
    case 'sendMessage': {
      const t = formatted(f.text, f.parse_mode, 4096, 'text');
      return send(env, chatId(f), {
        text: t.text,
        html: t.html,
        entities: f.entities as unknown[] | undefined,
        reply_markup: f.reply_markup,
      });
    }
    case 'sendPhoto': {
      const chat = chatId(f);
      const c = f.caption === undefined ? undefined : formatted(f.caption, f.parse_mode, 1024, 'caption');
      const file = fileRef(env, f.photo, files, 'jpg');
      const photo = [
        {
          file_id: file.file_id,
          file_unique_id: file.file_unique_id,
          width: 320,
          height: 240,
          file_size: file.bytes.length,
        },
      ];
      return send(env, chat, { photo, caption: c?.text, html: c?.html, reply_markup: f.reply_markup });
    }
    case 'sendDocument': {
      const chat = chatId(f);
      const upload = [...files.values()][0];
      const file = fileRef(env, f.document, files, 'bin');
      const c = f.caption === undefined ? undefined : formatted(f.caption, f.parse_mode, 1024, 'caption');
      return send(env, chat, {
        document: { file_id: file.file_id, file_name: upload?.filename ?? 'file' },
        caption: c?.text,
        html: c?.html,
        reply_markup: f.reply_markup,
      });
    }
    case 'sendLocation':
      return send(env, chatId(f), {
        location: { latitude: Number(f.latitude), longitude: Number(f.longitude) },
        reply_markup: f.reply_markup,
      });
    case 'sendVenue': {
      const location = { latitude: Number(f.latitude), longitude: Number(f.longitude) };
      if (!f.title || !f.address)
        throw new ApiError(400, `Bad Request: venue ${f.title ? 'address' : 'title'} is empty`);
      const venue = { location, title: String(f.title), address: String(f.address) };
      return send(env, chatId(f), { location, venue, reply_markup: f.reply_markup });
    }
    case 'copyMessage':
    case 'forwardMessage': {
      const src = env.chats.find(Number(f.from_chat_id), Number(f.message_id));
      if (!src) throw new ApiError(400, 'Bad Request: message to copy not found');
      const sent = send(env, chatId(f), {
        text: src.text,
        caption: src.caption,
        photo: src.photo,
        document: src.document,
        entities: src.entities,
        reply_markup: f.reply_markup,
      });
      return method === 'copyMessage' ? { message_id: sent.message_id } : sent;
    }
    case 'sendMediaGroup': {
      const chat = chatId(f);
      const media = (f.media as { media: string }[] | undefined) ?? [];
      return media.map((m) => send(env, chat, { photo: [{ file_id: fileRef(env, m.media, files, 'jpg').file_id }] }));
    }
    case 'editMessageText': {
      const chat = chatId(f);
      const existing = env.chats.find(chat, Number(f.message_id));
      if (!existing) throw new ApiError(400, 'Bad Request: message to edit not found');
      const t = formatted(f.text, f.parse_mode, 4096, 'text');
      if (
        existing.text === t.text &&
        JSON.stringify(existing.reply_markup ?? null) === JSON.stringify(f.reply_markup ?? null)
      ) {
        throw new ApiError(
          400,
          'Bad Request: message is not modified: specified new message content and reply markup are exactly the ' +
            'same as a current content and reply markup of the message',
        );
      }
      checkMarkup(f.reply_markup);
      const m = env.chats.edit(chat, Number(f.message_id), {
        text: t.text,
        html: t.html,
        entities: f.entities as unknown[] | undefined,
        reply_markup: f.reply_markup,
      })!;
      return publicMessage(env, chat, m);
    }
    case 'editMessageCaption': {
      const chat = chatId(f);
      const c = formatted(f.caption, f.parse_mode, 1024, 'caption');
      const m = env.chats.edit(chat, Number(f.message_id), {
        caption: c.text,
        html: c.html,
        reply_markup: f.reply_markup,
      });
      if (!m) throw new ApiError(400, 'Bad Request: message to edit not found');
      return publicMessage(env, chat, m);
    }
    case 'editMessageReplyMarkup': {
      const chat = chatId(f);
      const existing = env.chats.find(chat, Number(f.message_id));
      if (!existing) throw new ApiError(400, 'Bad Request: message to edit not found');
      if (JSON.stringify(existing.reply_markup ?? null) === JSON.stringify(f.reply_markup ?? null))
        throw new ApiError(400, 'Bad Request: message is not modified');
      checkMarkup(f.reply_markup);
      return publicMessage(env, chat, env.chats.edit(chat, Number(f.message_id), { reply_markup: f.reply_markup })!);
    }
    case 'deleteMessage': {
      if (!env.chats.remove(chatId(f), Number(f.message_id)))
        throw new ApiError(400, 'Bad Request: message to delete not found');
      return true;
    }
    case 'answerCallbackQuery':
      if (typeof f.callback_query_id !== 'string' || env.callbackChat(f.callback_query_id) === undefined)
        throw new ApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      return true;
    case 'getFile': {
      const file = typeof f.file_id === 'string' ? env.chats.file(f.file_id) : undefined;
      if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
      return {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_size: file.bytes.length,
        file_path: file.file_path,
      };
    }
    case 'getChat':
      return chatOf(chatId(f));
    case 'setMyCommands':
      env.commands.set(JSON.stringify([f.scope ?? null, f.language_code ?? '']), f.commands);
      return true;
    case 'getMyCommands':
      return env.commands.get(JSON.stringify([f.scope ?? null, f.language_code ?? ''])) ?? [];
    case 'setChatMenuButton':
      checkMenuButton(f.menu_button);
      env.menuButtons.set(Number(f.chat_id ?? 0), f.menu_button ?? { type: 'default' });
      return true;
    case 'getChatMenuButton':
      return env.menuButtons.get(Number(f.chat_id ?? 0)) ?? { type: 'default' };
    case 'setWebhook':
      env.webhook.set(f);
      return true;
    case 'deleteWebhook':
      env.webhook.set({ url: '' });
      return true;
    case 'getWebhookInfo':
      return env.webhook.info();
    case 'deleteMyCommands':
      env.commands.delete(JSON.stringify([f.scope ?? null, f.language_code ?? '']));
      return true;
    default:
      return true;
  }
}
