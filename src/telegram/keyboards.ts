import { InlineKeyboard, Keyboard } from 'grammy';
import type { i18n } from 'i18next';
import type { Locale } from '../config';
import { hasAny } from '../identity';
import type { BotContext } from './context';
import type { MenuItem } from './feature';

export interface Choice {
  text: string;
  data: string;
}

/** Inline buttons, `perRow` to a row: big enough for elderly thumbs. */
export function choices(items: Choice[], perRow = 2): InlineKeyboard {
  const kb = new InlineKeyboard();
  items.forEach((c, i) => {
    kb.text(c.text, c.data);
    if ((i + 1) % perRow === 0 && i + 1 < items.length) kb.row();
  });
  return kb;
}

/** Page `page` (0-based) of a list, with ◀ ▶ buttons that carry `pageData(n)`. */
export function paged<T>(
  items: T[],
  page: number,
  size: number,
  toChoice: (t: T) => Choice,
  pageData: (n: number) => string,
  perRow = 1,
) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const kb = choices(items.slice(p * size, p * size + size).map(toChoice), perRow);
  if (pages > 1) {
    kb.row();
    if (p > 0) kb.text('◀', pageData(p - 1));
    kb.text(`${p + 1}/${pages}`, pageData(p));
    if (p < pages - 1) kb.text('▶', pageData(p + 1));
  }
  return { keyboard: kb, page: p, pages };
}

/**
 * The persistent main menu: the installed features' buttons a person may use, two to a row, in their language. Built
 * once per language and set of roles from the features it is given (not a module-level cache: two bots in one
 * process may differ).
 */
export function createMainMenu(
  items: readonly MenuItem[],
  i18n: i18n,
): (locale: Locale, roles: ReadonlySet<string>) => Keyboard {
  const sorted = [...items].sort((a, b) => a.order - b.order);
  const built = new Map<string, Keyboard>();
  return (locale, roles) => {
    const mine = sorted.filter((m) => !m.roles || hasAny(roles, m.roles));
    const key = `${locale}|${mine.map((m) => m.key).join(',')}`;
    let kb = built.get(key);
    if (!kb) {
      const t = i18n.getFixedT(locale);
      const board = new Keyboard();
      mine.forEach((m, i) => {
        board.text(t(m.key));
        if (i % 2 === 1) board.row();
      });
      kb = board.resized().persistent();
      built.set(key, kb);
    }
    return kb;
  };
}

export const cancelKeyboard = (ctx: BotContext) =>
  new Keyboard().text(ctx.t('common.cancelButton')).resized().oneTime();
