import type { FakeBotApi, RecordedCall } from '../fake-api';

export interface MenuCommand {
  command: string;
  description: string;
}

type Scope = { type?: string; chat_id?: number | string } | null;

const scopeKey = (raw: unknown): string | null => {
  let s = raw as Scope | string | undefined;
  if (typeof s === 'string') {
    try {
      s = JSON.parse(s) as Scope;
    } catch {
      return null;
    }
  }
  if (!s || s.type === undefined || s.type === 'default') return 'default';
  if (s.type === 'chat') return `chat:${Number(s.chat_id)}`;
  return s.type;
};

/**
 * The command menus the bot published, watched from its setMyCommands / deleteMyCommands calls, and resolved for a
 * private chat the way Telegram does: the chat's own scope, then all private chats, then the default — each first in
 * the user's language, then without one.
 */
export class CommandMenus {
  private menus = new Map<string, MenuCommand[]>();

  /** Call for every Bot API call; true when a menu changed. */
  observe(call: RecordedCall): boolean {
    if (!call.ok || (call.method !== 'setMyCommands' && call.method !== 'deleteMyCommands')) return false;
    const scope = scopeKey(call.payload.scope);
    if (scope === null) return false;
    const key = `${scope}|${typeof call.payload.language_code === 'string' ? call.payload.language_code : ''}`;
    if (call.method === 'deleteMyCommands') this.menus.delete(key);
    else this.menus.set(key, parseCommands(call.payload.commands));
    return true;
  }

  forPrivateChat(chatId: number, languageCode: string | undefined): MenuCommand[] {
    const lang = (languageCode ?? '').slice(0, 2).toLowerCase();
    for (const scope of [`chat:${chatId}`, 'all_private_chats', 'default']) {
      for (const l of lang ? [lang, ''] : ['']) {
        const found = this.menus.get(`${scope}|${l}`);
        if (found?.length) return found;
      }
    }
    return [];
  }

  static watch(api: FakeBotApi, onChange: () => void): CommandMenus {
    const menus = new CommandMenus();
    api.on('call', (call: RecordedCall) => {
      if (menus.observe(call)) onChange();
    });
    return menus;
  }
}

function parseCommands(raw: unknown): MenuCommand[] {
  let list = raw;
  if (typeof list === 'string') {
    try {
      list = JSON.parse(list);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list
    .filter((c): c is MenuCommand => typeof c?.command === 'string' && typeof c?.description === 'string')
    .map((c) => ({ command: c.command, description: c.description }));
}
