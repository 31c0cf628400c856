import { InlineKeyboard } from 'grammy';
import type { i18n } from 'i18next';
import type { Locale } from '../../config';
import type { OutButton, OutContent, Param, Params } from '../../features/delivery/content';
import type { ClaimedRow } from '../../features/delivery/store';
import { localeOf } from '../middlewares/session';

export interface Rendered {
  method: 'sendMessage' | 'sendPhoto';
  payload: Record<string, unknown>;
}

function resolveParams(params: Params | undefined, t: (k: string, p?: Record<string, unknown>) => string, lng: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = resolveParam(v, t, lng);
  return out;
}

function resolveParam(v: Param, t: (k: string, p?: Record<string, unknown>) => string, lng: Locale): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if ('$t' in v) return t(v.$t, { ...resolveParams(v.params, t, lng), interpolation: { escapeValue: true } });
  return v[lng];
}

function keyboard(rows: OutButton[][] | undefined, t: (k: string, p?: Record<string, unknown>) => string, lng: Locale) {
  if (!rows?.length) return undefined;
  const kb = new InlineKeyboard();
  rows.forEach((row, i) => {
    if (i) kb.row();
    for (const b of row) {
      const label = t(b.key, resolveParams(b.params, t, lng)).replace(/<[^>]+>/g, '');
      if ('url' in b) kb.url(label, b.url);
      else kb.text(label, b.data);
    }
  });
  return kb;
}

type T = (k: string, p?: Record<string, unknown>) => string;
/** One translator per language for the worker's life: getFixedT per message showed up in profiles. */
export type Translators = Map<Locale, T>;

/** Turns an outbox row into one Bot API call in the recipient's language (chosen, Telegram's, else the default). */
export function render(row: ClaimedRow, i18n: i18n, fallback: Locale, cache: Translators = new Map()): Rendered {
  const content = JSON.parse(row.content) as OutContent;
  const lng = localeOf(row, fallback);
  let t = cache.get(lng);
  if (!t) cache.set(lng, (t = i18n.getFixedT(lng) as unknown as T));
  const reply_markup = keyboard(content.buttons, t, lng);
  let text: string;
  const extra: Record<string, unknown> = {};
  if ('key' in content) {
    text = t(content.key, resolveParams(content.params, t, lng));
    extra.parse_mode = 'HTML';
  } else {
    text = content.text;
    if (content.entities?.length) extra[content.photo ? 'caption_entities' : 'entities'] = content.entities;
  }
  if (content.photo) {
    return { method: 'sendPhoto', payload: { chat_id: row.chat_id, photo: content.photo, caption: text, ...extra, reply_markup } };
  }
  return { method: 'sendMessage', payload: { chat_id: row.chat_id, text, ...extra, link_preview_options: { is_disabled: true }, reply_markup } };
}
