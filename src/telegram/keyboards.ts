import { InlineKeyboard, Keyboard } from 'grammy';
import type { BotContext } from './context';
import type { Feature } from './feature';

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

const menus = new Map<string, Keyboard>();

/** The persistent main menu: every feature's buttons, in the user's language (built once per language). */
export function mainMenu(ctx: BotContext, features: readonly Feature[]): Keyboard {
  const cached = menus.get(ctx.locale);
  if (cached) return cached;
  const items = features.flatMap((f) => f.menu ?? []).sort((a, b) => a.order - b.order);
  const kb = new Keyboard();
  items.forEach((m, i) => {
    kb.text(ctx.t(m.key));
    if (i % 2 === 1) kb.row();
  });
  menus.set(ctx.locale, kb.resized().persistent());
  return menus.get(ctx.locale)!;
}

export const cancelKeyboard = (ctx: BotContext) =>
  new Keyboard().text(ctx.t('common.cancelButton')).resized().oneTime();
