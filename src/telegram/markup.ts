import type { InlineMarkup } from './port';

// Inline keyboards as plain data, so views can build cards without grammY. `reply_markup` takes them as they are.

export type Button = { text: string; data: string } | { text: string; url: string };

const toTelegram = (b: Button) => ('url' in b ? { text: b.text, url: b.url } : { text: b.text, callback_data: b.data });

export function markup(rows: readonly (readonly Button[])[]): InlineMarkup {
  return { inline_keyboard: rows.filter((r) => r.length > 0).map((r) => r.map(toTelegram)) };
}

/** `perRow` buttons to a row: big enough for elderly thumbs. */
export function grid(buttons: readonly Button[], perRow = 2): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}

/** Page `page` (0-based) of a list, with ◀ ▶ buttons that carry `pageData(n)`. */
export function pagedRows<T>(
  items: readonly T[],
  page: number,
  size: number,
  toButton: (item: T) => Button,
  pageData: (n: number) => string,
  perRow = 1,
): { rows: Button[][]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const rows = grid(items.slice(p * size, p * size + size).map(toButton), perRow);
  if (pages > 1) {
    const nav: Button[] = [];
    if (p > 0) nav.push({ text: '◀', data: pageData(p - 1) });
    nav.push({ text: `${p + 1}/${pages}`, data: pageData(p) });
    if (p < pages - 1) nav.push({ text: '▶', data: pageData(p + 1) });
    rows.push(nav);
  }
  return { rows, page: p, pages };
}
