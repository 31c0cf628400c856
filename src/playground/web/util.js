// Small DOM and HTTP helpers for the playground page, and its simulated-time control.

/** Creates an element; strings become text nodes, never markup. */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (typeof v === 'boolean') el[k] = v;
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  for (const c of Array.isArray(children) ? children : [children]) {
    if (c === null || c === undefined) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

export async function post(url, body, type = 'application/json') {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': type },
    body: type === 'application/json' ? JSON.stringify(body) : body,
  });
  const out = await res.json().catch(() => ({}));
  if (!res.ok) showError(out.error ?? `HTTP ${res.status}`);
  return out;
}

function showError(text) {
  const el = document.getElementById('error');
  el.textContent = text;
  el.hidden = false;
  setTimeout(() => (el.hidden = true), 4000);
}

let zone = 'Asia/Shanghai';
/** Simulated time of a message, in the deployment's zone: "11-29 16:38". */
export function messageTime(ms) {
  const p = partsIn(ms, zone);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

function partsIn(t, tz) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
}

/** The instant at which the wall clock in tz shows the given local date and time. */
function zonedToUtc(local, tz) {
  const [d, t] = local.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, day, hh, mm);
  const offset = (at) => {
    const p = partsIn(at, tz);
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - at;
  };
  let at = guess - offset(guess);
  at = guess - offset(at);
  return new Date(at);
}

/** The clock in the top bar: shows simulated time in the deployment's zone and moves it forward. */
export function startClock(postFn) {
  let offset = 0;
  const out = document.getElementById('now');
  const to = document.getElementById('to');
  const show = () => {
    const p = partsIn(Date.now() + offset, zone);
    out.textContent = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    out.dataset.iso = new Date(Date.now() + offset).toISOString();
  };
  const set = (iso) => {
    offset = Date.parse(iso) - Date.now();
    show();
  };
  const move = async (body, btn) => {
    btn.disabled = true;
    try {
      const r = await postFn('/api/clock', body);
      if (r.now) set(r.now);
    } finally {
      btn.disabled = false;
    }
  };
  for (const b of document.querySelectorAll('[data-hours]'))
    b.addEventListener('click', () => move({ hours: Number(b.dataset.hours) }, b));
  document.getElementById('go').addEventListener('click', (e) => {
    if (to.value) move({ to: zonedToUtc(to.value, zone).toISOString() }, e.currentTarget);
  });
  setInterval(show, 15_000);
  return {
    init(iso, tzName) {
      zone = tzName;
      document.getElementById('tz').textContent = tzName;
      set(iso);
    },
    set,
  };
}
