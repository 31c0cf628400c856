import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ConsoleEnv, Viewer } from '../context';
import type { Html } from './layout';

// Small pieces every page is made of. Every value goes through hono/html, which escapes it.

export const csrfField = (v: Viewer) => html`<input type="hidden" name="_csrf" value="${v.csrf}">`;

export const table = (headers: readonly string[], rows: readonly (readonly unknown[])[], empty: string) =>
  rows.length === 0
    ? html`<p class="empty">${empty}</p>`
    : html`<div class="scroll"><table>
<thead><tr>${headers.map((h) => html`<th>${h}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((cell) => html`<td>${cell as Html}</td>`)}</tr>`)}</tbody>
</table></div>`;

export interface Option {
  value: string;
  label: string;
}

export const select = (name: string, label: string, options: readonly Option[], selected: string | undefined) =>
  html`<label>${label}
<select name="${name}">${options.map(
    (o) => html`<option value="${o.value}"${o.value === (selected ?? '') ? html` selected` : ''}>${o.label}</option>`,
  )}</select></label>`;

export const field = (name: string, label: string, value = '', attrs: Record<string, string> = {}) =>
  html`<label>${label}<input name="${name}" value="${value}"${Object.entries(attrs).map(
    ([k, v]) => html` ${k}="${v}"`,
  )}></label>`;

/** The same page with some of its query changed (paging, a filter removed). */
export function withQuery(c: Context<ConsoleEnv>, change: Record<string, string | number | null>): string {
  const u = new URL(c.req.url);
  for (const [k, v] of Object.entries(change)) {
    if (v === null || v === '') u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return `${u.pathname}${u.search}`;
}

export function pager(c: Context<ConsoleEnv>, page: number, pages: number, total: number) {
  const t = c.get('t');
  if (pages <= 1) return html`<p class="count">${t('console.table.count', { count: total })}</p>`;
  return html`<p class="pager">
${page > 0 ? html`<a href="${withQuery(c, { page: page - 1 })}">◀ ${t('console.table.prev')}</a>` : ''}
<span>${t('console.table.page', { page: page + 1, pages, count: total })}</span>
${page < pages - 1 ? html`<a href="${withQuery(c, { page: page + 1 })}">${t('console.table.next')} ▶</a>` : ''}
</p>`;
}

export const figure = (label: string, value: string | number, note = '') =>
  html`<div class="figure"><span class="label">${label}</span><span class="value">${value}</span>${
    note ? html`<span class="note">${note}</span>` : ''
  }</div>`;

export const notice = (kind: 'ok' | 'error' | 'info', text: string) => html`<p class="notice ${kind}">${text}</p>`;

/** Money in fen as yuan with two decimals. */
export const yuan = (fen: number) => (fen / 100).toLocaleString('en', { minimumFractionDigits: 2 });

/** "4 of 5 (80%)", or "—" when nothing was due. */
export const share = (t: (k: string, p?: Record<string, unknown>) => string, n: number, d: number) =>
  d === 0 ? '—' : t('console.share', { n, d, pct: Math.round((n / d) * 100) });

/** A page's query value, or undefined when absent or empty. */
export const q = (c: Context<ConsoleEnv>, name: string) => {
  const v = c.req.query(name);
  return v === undefined || v === '' ? undefined : v;
};

/** A positive integer from the query or a form, or undefined. */
export const int = (v: unknown): number | undefined =>
  typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : undefined;
