import { InlineKeyboard } from 'grammy';
import type { i18n } from 'i18next';
import type { Locale } from '../../config';
import { escapeHtml } from '../../i18n';
import type { OutButton, OutContent, Param, Params } from '../../outbox/content';
import type { ClaimedRow } from '../../outbox/store';
import { localeOf } from '../locale';

export interface Rendered {
  method: 'sendMessage' | 'sendPhoto' | 'editMessageText' | 'editMessageCaption';
  payload: Record<string, unknown>;
}

type T = (k: string, p?: Record<string, unknown>) => string;

/**
 * Values are made safe here, once: plain text is escaped for HTML (or left alone for button labels, which
 * are plain text), nested keys are translated with their own values made safe — then the outer translation
 * must not escape again, or a name with "&" would arrive as "&amp;".
 */
function resolveParams(params: Params | undefined, t: T, lng: Locale, html: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = resolveParam(v, t, lng, html);
  return out;
}

function resolveParam(v: Param, t: T, lng: Locale, html: boolean): string | number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return html ? escapeHtml(v) : v;
  if ('$t' in v) return translate(t, v.$t, resolveParams(v.params, t, lng, html));
  return html ? escapeHtml(v[lng]) : v[lng];
}

const translate = (t: T, key: string, params: Record<string, unknown>) =>
  t(key, { ...params, interpolation: { escapeValue: false } });

function keyboard(rows: OutButton[][] | undefined, t: T, lng: Locale) {
  if (!rows?.length) return undefined;
  const kb = new InlineKeyboard();
  rows.forEach((row, i) => {
    if (i) kb.row();
    for (const b of row) {
      const label = translate(t, b.key, resolveParams(b.params, t, lng, false));
      if ('url' in b) kb.url(label, b.url);
      else kb.text(label, b.data);
    }
  });
  return kb;
}

/** One translator per language for the worker's life: getFixedT per message showed up in profiles. */
export type Translators = Map<Locale, T>;

/** Turns an outbox row into one Bot API call in the recipient's language (chosen, Telegram's, else the default). */
export function render(
  row: Pick<ClaimedRow, 'chatId' | 'content' | 'language' | 'tgLanguage'>,
  i18n: i18n,
  fallback: Locale,
  cache: Translators = new Map(),
): Rendered {
  const content = JSON.parse(row.content) as OutContent;
  const lng = localeOf(row, fallback);
  let t = cache.get(lng);
  if (!t) {
    t = i18n.getFixedT(lng) as unknown as T;
    cache.set(lng, t);
  }
  if ('html' in content) {
    const payload = { chat_id: row.chatId, text: content.html, parse_mode: 'HTML', reply_markup: content.markup };
    return { method: 'sendMessage', payload };
  }
  const reply_markup = keyboard(content.buttons, t, lng);
  let text: string;
  const extra: Record<string, unknown> = {};
  if ('key' in content) {
    text = translate(t, content.key, resolveParams(content.params, t, lng, true));
    extra.parse_mode = 'HTML';
  } else {
    // Written text goes as written: entities (possibly none), never parsed as HTML — "水费 <50 元" stays text.
    text = content.text;
    extra[content.photo ? 'caption_entities' : 'entities'] = content.entities ?? [];
  }
  if (content.photo) {
    return {
      method: 'sendPhoto',
      payload: { chat_id: row.chatId, photo: content.photo, caption: text, ...extra, reply_markup },
    };
  }
  return {
    method: 'sendMessage',
    payload: { chat_id: row.chatId, text, ...extra, link_preview_options: { is_disabled: true }, reply_markup },
  };
}

/** The same message as an edit of `messageId` (a card updated in place). */
export function asEdit(r: Rendered, messageId: number): Rendered {
  const { chat_id, text, caption, photo: _photo, link_preview_options, ...rest } = r.payload;
  if (r.method === 'sendPhoto')
    return { method: 'editMessageCaption', payload: { chat_id, message_id: messageId, caption, ...rest } };
  return {
    method: 'editMessageText',
    payload: { chat_id, message_id: messageId, text, link_preview_options, ...rest },
  };
}
