import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { ChatMessage } from './types';

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Buffer;
}

/** Every chat's messages (edits applied, deletions removed) and the files users and the bot sent. */
export class ChatStore extends EventEmitter {
  private chats = new Map<number, ChatMessage[]>();
  private nextId = new Map<number, number>();
  private files = new Map<string, StoredFile>();
  readonly blocked = new Set<number>();
  /** Successful bot sends per chat: duplicates show up here. */
  readonly sendsPerChat = new Map<number, number>();

  constructor(private readonly keepMessages: boolean) {
    super();
  }

  newMessageId(chatId: number): number {
    const id = (this.nextId.get(chatId) ?? 0) + 1;
    this.nextId.set(chatId, id);
    return id;
  }

  add(chatId: number, msg: ChatMessage): void {
    if (msg.from === 'bot') this.sendsPerChat.set(chatId, (this.sendsPerChat.get(chatId) ?? 0) + 1);
    if (!this.keepMessages) return;
    const list = this.chats.get(chatId) ?? [];
    list.push(msg);
    this.chats.set(chatId, list);
    this.emit(msg.from === 'bot' ? 'bot-message' : 'user-message', chatId, msg);
  }

  find(chatId: number, messageId: number): ChatMessage | undefined {
    return this.chats.get(chatId)?.find((m) => m.message_id === messageId);
  }

  edit(chatId: number, messageId: number, patch: Partial<ChatMessage>): ChatMessage | undefined {
    const m = this.find(chatId, messageId);
    if (!m) return undefined;
    Object.assign(m, patch, { edited: true });
    this.emit('bot-edit', chatId, m);
    return m;
  }

  remove(chatId: number, messageId: number): boolean {
    const list = this.chats.get(chatId);
    const i = list?.findIndex((m) => m.message_id === messageId) ?? -1;
    if (!list || i < 0) return false;
    list.splice(i, 1);
    this.emit('bot-delete', chatId, messageId);
    return true;
  }

  messages(chatId: number): ChatMessage[] {
    return [...(this.chats.get(chatId) ?? [])];
  }

  storeFile(bytes: Buffer, ext: string): StoredFile {
    const file_id = `F${randomBytes(12).toString('base64url')}`;
    const f = { file_id, file_unique_id: file_id.slice(0, 10), file_path: `files/${file_id}.${ext}`, bytes };
    this.files.set(file_id, f);
    return f;
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  fileByPath(path: string): StoredFile | undefined {
    for (const f of this.files.values()) if (f.file_path === path) return f;
    return undefined;
  }
}
