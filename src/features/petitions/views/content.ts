import { escapeHtml } from '../../../i18n';
import type { OutButton, OutContent, Param, Params } from '../../../outbox/service';
import { type Button, markup } from '../../../telegram/markup';
import type { Card, Reader } from './reader';

// An outbox content shown right away, as the delivery worker would render it for this reader: the card a handler
// just acted on is edited to exactly what the outbox sends every other handler (and later edits it to).

function resolve(r: Reader, params: Params | undefined, html: boolean): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = resolveOne(r, v, html);
  return out;
}

function resolveOne(r: Reader, v: Param, html: boolean): string | number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return html ? escapeHtml(v) : v;
  if ('$t' in v) return translate(r, v.$t, resolve(r, v.params, html));
  return html ? escapeHtml(v[r.locale]) : v[r.locale];
}

// Values are made safe once, above; the outer translation must not escape them again.
const translate = (r: Reader, key: string, params: Record<string, string | number>) =>
  r.t(key, { ...params, interpolation: { escapeValue: false } });

const toButton = (r: Reader, b: OutButton): Button => {
  const text = translate(r, b.key, resolve(r, b.params, false));
  return 'url' in b ? { text, url: b.url } : { text, data: b.data };
};

export function renderContent(r: Reader, c: OutContent): Card {
  const text = 'key' in c ? translate(r, c.key, resolve(r, c.params, true)) : 'text' in c ? c.text : c.html;
  const rows = (c.buttons ?? []).map((row) => row.map((b) => toButton(r, b)));
  return { text, markup: rows.length ? markup(rows) : undefined };
}
