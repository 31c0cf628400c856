// Turns what the bot sent into DOM nodes, never through innerHTML: only Telegram's own formatting tags become
// elements; every other character, including anything a resident typed, stays text.

const TAGS = {
  b: 'b',
  strong: 'b',
  i: 'i',
  em: 'i',
  u: 'u',
  ins: 'u',
  s: 's',
  strike: 's',
  del: 's',
  code: 'code',
  pre: 'pre',
  a: 'a',
  blockquote: 'blockquote',
  'tg-spoiler': 'span',
  span: 'span',
};
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s) {
  return s.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (all, ent) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : Number(ent.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[ent.toLowerCase()] ?? all;
  });
}

/** Only web links and Telegram links are followed; javascript:, data: and the rest are shown as plain text. */
export function safeUrl(raw) {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function spoiler(el) {
  el.className = 'spoiler';
  el.title = 'spoiler';
  el.addEventListener('click', () => el.classList.add('revealed'), { once: true });
  return el;
}

function link(el, href, onLink) {
  const url = safeUrl(href);
  if (!url) return document.createElement('span');
  el.href = url;
  el.target = '_blank';
  el.rel = 'noopener noreferrer';
  el.addEventListener('click', (e) => onLink?.(url, e));
  return el;
}

// Telegram turns bare web addresses into links on the reader's screen; so does the emulator.
const BARE_URL =
  /\bhttps?:\/\/[^\s<>"'，。、！？；：（）「」【】]+|\bt\.me\/[A-Za-z0-9_]{3,64}(?:\?start=[\w-]{1,64})?/g;

/** Text with its bare links made clickable; everything stays text except the links themselves. */
export function appendText(parent, text, onLink) {
  let pos = 0;
  for (const m of text.matchAll(BARE_URL)) {
    const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
    const url = safeUrl(raw.startsWith('http') ? raw : `https://${raw}`);
    if (!url) continue;
    parent.append(document.createTextNode(text.slice(pos, m.index)));
    parent.append(link(document.createElement('a'), url, onLink));
    parent.lastChild.textContent = raw;
    pos = m.index + raw.length;
  }
  parent.append(document.createTextNode(text.slice(pos)));
}

/** Telegram's HTML parse mode → DOM. Unknown or unbalanced tags are shown literally, as text. */
export function renderHtml(html, parent, onLink) {
  const stack = [{ el: parent, name: null }];
  const top = () => stack[stack.length - 1];
  let i = 0;
  let text = '';
  const flush = () => {
    if (!text) return;
    if (stack.some((f) => f.name === 'a')) top().el.append(document.createTextNode(decodeEntities(text)));
    else appendText(top().el, decodeEntities(text), onLink);
    text = '';
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const gt = html.indexOf('>', lt);
    const raw = gt < 0 ? null : html.slice(lt + 1, gt);
    const m = raw === null ? null : /^(\/?)([a-z][a-z-]*)((?:\s[\s\S]*)?)$/i.exec(raw.trim());
    const name = m?.[2].toLowerCase();
    if (!m || !TAGS[name]) {
      text += '<';
      i = lt + 1;
      continue;
    }
    flush();
    i = gt + 1;
    if (m[1]) {
      if (stack.length > 1 && top().name === name) stack.pop();
      else text += `<${raw}>`;
      continue;
    }
    let el = document.createElement(TAGS[name]);
    const attrs = m[3] ?? '';
    if (name === 'a') {
      const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
      el = link(el, decodeEntities(href?.[1] ?? href?.[2] ?? ''), onLink);
    } else if (name === 'tg-spoiler' || (name === 'span' && /class\s*=\s*["']tg-spoiler["']/i.test(attrs))) {
      spoiler(el);
    } else if (name === 'pre' || name === 'code') {
      el.className = 'mono';
    }
    top().el.append(el);
    stack.push({ el, name });
  }
  flush();
}

const ENTITY_TAG = {
  bold: 'b',
  italic: 'i',
  underline: 'u',
  strikethrough: 's',
  code: 'code',
  pre: 'pre',
  text_link: 'a',
  url: 'a',
  spoiler: 'span',
  blockquote: 'blockquote',
  expandable_blockquote: 'blockquote',
};

/** A plain text with Telegram message entities (staff text sent as written) → DOM. */
export function renderEntities(text, entities, parent, onLink) {
  const ents = entities
    .filter((e) => ENTITY_TAG[e.type] && Number.isInteger(e.offset) && Number.isInteger(e.length) && e.length > 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  const build = (into, start, end) => {
    let pos = start;
    while (ents.length && ents[0].offset < end) {
      const e = ents.shift();
      if (e.offset < pos) continue; // overlapping entities: Telegram nests them; the emulator keeps the outer one
      into.append(document.createTextNode(text.slice(pos, e.offset)));
      const stop = Math.min(e.offset + e.length, end);
      let el = document.createElement(ENTITY_TAG[e.type]);
      if (e.type === 'text_link') el = link(el, e.url ?? '', onLink);
      else if (e.type === 'url') el = link(el, text.slice(e.offset, stop), onLink);
      else if (e.type === 'spoiler') spoiler(el);
      build(el, e.offset, stop);
      into.append(el);
      pos = stop;
    }
    into.append(document.createTextNode(text.slice(pos, end)));
  };
  build(parent, 0, text.length);
}

/** Whatever text a message carries, formatted as the bot sent it. */
export function renderBody(msg, parent, onLink) {
  const text = msg.text ?? msg.caption;
  if (text === undefined) return;
  if (msg.from === 'bot' && typeof msg.html === 'string') renderHtml(msg.html, parent, onLink);
  else if (msg.from === 'bot' && Array.isArray(msg.entities) && msg.entities.length)
    renderEntities(text, msg.entities, parent, onLink);
  else appendText(parent, text, onLink);
}
