import { renderBody } from './format.js';
import { h, messageTime, post, startClock } from './util.js';

// The playground's web chat: one Telegram-like column per persona, fed by the emulator's Server-Sent Events.
const S = { bot: '', personas: [], chats: {}, commands: {}, shown: new Set(), kbHidden: {}, cols: {} };
const columnsEl = document.getElementById('columns');

const api = {
  act: (pid, body) => post(`/api/personas/${pid}/act`, body),
  text: (pid, text) => api.act(pid, { action: 'text', text }),
};

/** t.me/<this bot>?start=X is what Telegram turns into "/start X" from whoever tapped it. */
function deepLink(url) {
  const m = /^https:\/\/t\.me\/([A-Za-z0-9_]{3,64})\?start=([A-Za-z0-9_-]{1,64})$/.exec(url);
  return m && m[1].toLowerCase() === S.bot.toLowerCase() ? m[2] : null;
}
const onLink = (pid) => (url, e) => {
  const payload = deepLink(url);
  if (payload === null) return;
  e.preventDefault();
  api.text(pid, `/start ${payload}`);
};

function toast(pid, text, alert) {
  const col = S.cols[pid];
  if (!col) return;
  const t = h('div', { class: alert ? 'toast alert' : 'toast', role: 'status' }, text);
  col.el.append(t);
  setTimeout(() => t.remove(), alert ? 6000 : 2500);
}

function inlineKeyboard(pid, msg) {
  const rows = msg.reply_markup?.inline_keyboard;
  if (!Array.isArray(rows)) return null;
  return h(
    'div',
    { class: 'inline-kb' },
    rows.map((row) =>
      h(
        'div',
        { class: 'kb-row' },
        row.map((b) => {
          if (typeof b.callback_data === 'string') {
            return h(
              'button',
              {
                class: 'ibtn',
                onclick: () => api.act(pid, { action: 'click', data: b.callback_data, messageId: msg.message_id }),
              },
              b.text,
            );
          }
          if (typeof b.url === 'string') {
            return h(
              'button',
              {
                class: 'ibtn url',
                title: b.url,
                onclick: () => {
                  const payload = deepLink(b.url);
                  if (payload !== null) api.text(pid, `/start ${payload}`);
                  else if (/^https?:\/\//.test(b.url)) window.open(b.url, '_blank', 'noopener,noreferrer');
                },
              },
              `${b.text} ↗`,
            );
          }
          return h('button', { class: 'ibtn', disabled: true, title: 'not available in the emulator' }, b.text);
        }),
      ),
    ),
  );
}

function media(msg) {
  const parts = [];
  const photo = Array.isArray(msg.photo) ? msg.photo[msg.photo.length - 1] : null;
  if (photo)
    parts.push(h('img', { class: 'photo', src: `/api/file/${encodeURIComponent(photo.file_id)}`, alt: 'photo' }));
  if (msg.document) {
    const name = msg.document.file_name || 'file';
    parts.push(
      h(
        'a',
        {
          class: 'doc',
          href: `/api/file/${encodeURIComponent(msg.document.file_id)}?name=${encodeURIComponent(name)}`,
          download: name,
        },
        `📄 ${name}`,
      ),
    );
  }
  if (msg.location) {
    const { latitude: lat, longitude: lon } = msg.location;
    parts.push(
      h(
        'a',
        {
          class: 'loc',
          href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`,
          target: '_blank',
          rel: 'noopener noreferrer',
        },
        msg.venue ? `📍 ${msg.venue.title} · ${msg.venue.address}` : `📍 ${lat}, ${lon}`,
      ),
    );
  }
  if (msg.contact)
    parts.push(h('div', { class: 'contact' }, `📞 ${msg.contact.first_name ?? ''} ${msg.contact.phone_number ?? ''}`));
  if (msg.sticker) parts.push(h('div', { class: 'sticker' }, msg.sticker.emoji ?? '🖼'));
  if (msg.voice) parts.push(h('div', {}, '🎤 voice'));
  return parts;
}

function bubble(pid, msg) {
  const body = h('div', { class: 'body' });
  renderBody(msg, body, onLink(pid));
  const meta = h(
    'div',
    { class: 'meta' },
    `${msg.edited ? '已编辑 edited · ' : ''}${messageTime(msg.sim_ms ?? msg.date * 1000)}`,
  );
  const el = h('div', { class: `msg ${msg.from}`, 'data-id': String(msg.message_id) }, [
    h('div', { class: 'bubble' }, [...media(msg), body, meta]),
  ]);
  const kb = inlineKeyboard(pid, msg);
  if (kb) el.append(kb);
  return el;
}

/** The reply keyboard in force: the newest bot message that set or removed one decides. */
function currentKeyboard(pid) {
  const msgs = S.chats[pid] ?? [];
  for (let i = msgs.length - 1; i >= 0; i--) {
    const rm = msgs[i].from === 'bot' ? msgs[i].reply_markup : null;
    if (rm?.keyboard) return { ...rm, owner: msgs[i].message_id };
    if (rm?.remove_keyboard) return null;
  }
  return null;
}

function pressKey(pid, b, kb) {
  const text = typeof b === 'string' ? b : b.text;
  if (kb.one_time_keyboard) S.kbHidden[pid] = kb.owner;
  if (b.request_contact) api.act(pid, { action: 'contact' });
  else if (b.request_location) api.act(pid, { action: 'location' });
  else api.text(pid, text);
  renderKeyboard(pid);
}

function renderKeyboard(pid) {
  const col = S.cols[pid];
  const kb = currentKeyboard(pid);
  const hidden = !kb || S.kbHidden[pid] === kb.owner;
  col.kbToggle.hidden = !kb;
  col.replyKb.replaceChildren();
  col.replyKb.hidden = hidden;
  const last = (S.chats[pid] ?? []).filter((m) => m.from === 'bot').at(-1);
  col.input.placeholder =
    kb?.input_field_placeholder || (last?.reply_markup?.force_reply ? '回复 Reply…' : '输入消息 Message');
  if (hidden) return;
  for (const row of kb.keyboard) {
    col.replyKb.append(
      h(
        'div',
        { class: 'kb-row' },
        row.map((b) => {
          const label = typeof b === 'string' ? b : b.text;
          const icon = b.request_contact ? '📞 ' : b.request_location ? '📍 ' : '';
          return h('button', { class: 'rbtn', onclick: () => pressKey(pid, b, kb) }, icon + label);
        }),
      ),
    );
  }
}

function renderCommands(pid) {
  const col = S.cols[pid];
  const cmds = S.commands[pid] ?? [];
  col.menuBtn.hidden = cmds.length === 0;
  col.menu.replaceChildren(
    ...cmds.map((c) =>
      h(
        'button',
        {
          class: 'cmd',
          onclick: () => {
            col.menu.hidden = true;
            api.text(pid, `/${c.command}`);
          },
        },
        [h('span', { class: 'cmd-name' }, `/${c.command}`), h('span', { class: 'cmd-desc' }, c.description)],
      ),
    ),
  );
  if (!cmds.length) col.menu.hidden = true;
}

function refreshChrome(pid) {
  const col = S.cols[pid];
  col.startBar.hidden = (S.chats[pid] ?? []).length > 0;
  renderKeyboard(pid);
  col.list.scrollTop = col.list.scrollHeight;
}

function column(p) {
  const list = h('div', { class: 'messages', role: 'log', 'aria-label': `chat of ${p.name}` });
  const input = h('input', {
    class: 'text',
    type: 'text',
    'aria-label': `message from ${p.name}`,
    autocomplete: 'off',
  });
  const file = h('input', { type: 'file', accept: 'image/*', hidden: true, 'aria-label': `photo from ${p.name}` });
  const col = {
    list,
    input,
    replyKb: h('div', { class: 'reply-kb', hidden: true }),
    menu: h('div', { class: 'menu-list', hidden: true }),
    startBar: h(
      'div',
      { class: 'start-bar' },
      h('button', { class: 'start', onclick: () => api.text(p.id, '/start') }, '开始 START'),
    ),
    kbToggle: h(
      'button',
      {
        type: 'button',
        class: 'kb-toggle',
        title: 'keyboard',
        hidden: true,
        onclick: () => {
          const kb = currentKeyboard(p.id);
          S.kbHidden[p.id] = S.kbHidden[p.id] === kb?.owner ? null : kb?.owner;
          renderKeyboard(p.id);
        },
      },
      '⌨',
    ),
  };
  col.menuBtn = h(
    'button',
    { type: 'button', class: 'menu-btn', onclick: () => (col.menu.hidden = !col.menu.hidden) },
    '☰ 菜单',
  );
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    const caption = input.value.trim();
    input.value = '';
    file.value = '';
    await post(
      `/api/personas/${p.id}/photo${caption ? `?caption=${encodeURIComponent(caption)}` : ''}`,
      f,
      'application/octet-stream',
    );
  });
  const form = h('form', { class: 'composer' }, [
    col.menuBtn,
    h('label', { class: 'attach', title: '发照片 photo' }, ['📎', file]),
    input,
    col.kbToggle,
    h('button', { class: 'send', type: 'submit', title: 'send' }, '➤'),
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    api.text(p.id, text);
  });
  const head = h('header', { class: 'chat-head' }, [
    h('div', { class: `avatar ${p.role}` }, [...p.name][0]),
    h('div', {}, [h('div', { class: 'name' }, p.name), h('div', { class: 'sub' }, `${p.label} · @${S.bot}`)]),
    // The staff console as a Mini App, opened with initData the emulator signs (the console checks it for real).
    p.role === 'resident'
      ? null
      : h('a', { class: 'console-link', href: `/console/${p.id}`, target: '_blank', rel: 'noopener' }, '🖥 工作台'),
  ]);
  col.el = h('section', { class: 'chat', 'data-persona': String(p.id), 'aria-label': p.name }, [
    head,
    list,
    col.startBar,
    col.menu,
    col.replyKb,
    form,
  ]);
  return col;
}

function renderColumns() {
  columnsEl.replaceChildren();
  S.cols = {};
  for (const p of S.personas.filter((x) => S.shown.has(x.id))) {
    const col = column(p);
    S.cols[p.id] = col;
    col.list.append(...(S.chats[p.id] ?? []).map((m) => bubble(p.id, m)));
    columnsEl.append(col.el);
    renderCommands(p.id);
    refreshChrome(p.id);
  }
}

function renderSwitcher() {
  const box = document.getElementById('personas');
  box.replaceChildren(
    ...S.personas.map((p) => {
      const cb = h('input', { type: 'checkbox', checked: S.shown.has(p.id) });
      cb.addEventListener('change', () => {
        if (cb.checked) S.shown.add(p.id);
        else S.shown.delete(p.id);
        localStorage.setItem('linli.shown', JSON.stringify([...S.shown]));
        renderColumns();
      });
      return h('label', { class: `chip ${p.role}` }, [cb, ` ${p.name}`, h('small', {}, ` ${p.label}`)]);
    }),
  );
}

function upsert(pid, msg) {
  S.chats[pid] ??= [];
  const list = S.chats[pid];
  const i = list.findIndex((m) => m.message_id === msg.message_id);
  if (i >= 0) list[i] = msg;
  else list.push(msg);
  const col = S.cols[pid];
  if (!col) return;
  const fresh = bubble(pid, msg);
  const old = col.list.querySelector(`.msg[data-id="${msg.message_id}"]`);
  if (old) old.replaceWith(fresh);
  else col.list.append(fresh);
  refreshChrome(pid);
}

const handlers = {
  message: ({ chatId, message }) => upsert(chatId, message),
  edit: ({ chatId, message }) => upsert(chatId, message),
  delete: ({ chatId, messageId }) => {
    S.chats[chatId] = (S.chats[chatId] ?? []).filter((m) => m.message_id !== messageId);
    const col = S.cols[chatId];
    col?.list.querySelector(`.msg[data-id="${messageId}"]`)?.remove();
    if (col) refreshChrome(chatId);
  },
  commands: (byPersona) => {
    S.commands = byPersona;
    for (const pid of Object.keys(S.cols)) renderCommands(pid);
  },
  toast: ({ chatId, text, alert }) => toast(chatId, text, alert),
  clock: ({ now }) => clock.set(now),
};

const clock = startClock(post);

async function load() {
  const st = await (await fetch('/api/state')).json();
  Object.assign(S, { bot: st.bot.username, personas: st.personas, chats: st.chats, commands: st.commands });
  document.getElementById('notice-text').textContent = st.notice;
  clock.init(st.now, st.timezone);
  const saved = JSON.parse(localStorage.getItem('linli.shown') ?? 'null');
  S.shown = new Set(Array.isArray(saved) && saved.length ? saved : st.personas.filter((p) => p.open).map((p) => p.id));
  renderSwitcher();
  renderColumns();
}

// Events that arrive while the state loads are applied after it (they are idempotent: upserts by message id).
let pending = [];
const events = new EventSource('/api/events');
for (const name of Object.keys(handlers)) {
  events.addEventListener(name, (e) => {
    const data = JSON.parse(e.data);
    if (pending) pending.push([name, data]);
    else handlers[name](data);
  });
}
events.addEventListener('open', async () => {
  pending = pending ?? [];
  await load();
  for (const [name, data] of pending) handlers[name](data);
  pending = null;
  document.body.dataset.ready = '1';
  document.getElementById('offline').hidden = true;
});
events.addEventListener('error', () => (document.getElementById('offline').hidden = false));
