import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { hasAny } from '../../identity';
import type { ConsoleEnv, Viewer } from '../context';
import { onlyDeputy } from '../policy';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

interface NavItem {
  href: string;
  key: string;
}

const STAFF_NAV: NavItem[] = [
  { href: '/', key: 'console.nav.dashboard' },
  { href: '/petitions', key: 'console.nav.petitions' },
  { href: '/fund', key: 'console.nav.fund' },
  { href: '/market', key: 'console.market.nav' },
  { href: '/broadcasts', key: 'console.broadcasts.nav' },
  { href: '/relief', key: 'console.nav.relief' },
  { href: '/people', key: 'console.nav.people' },
  { href: '/files', key: 'console.nav.files' },
];
const DEPUTY_NAV: NavItem[] = [
  { href: '/', key: 'console.nav.dashboard' },
  { href: '/petitions', key: 'console.nav.petitions' },
  { href: '/files', key: 'console.nav.files' },
];

/** The pages this person may open: a deputy's are their petitions; staff and admins have every page. */
export const navFor = (v: Viewer): NavItem[] =>
  onlyDeputy(v.roles) ? DEPUTY_NAV : hasAny(v.roles, ['staff']) ? STAFF_NAV : [];

const isActive = (path: string, href: string) => (href === '/' ? path === '/' : path.startsWith(href));

/** The language switch keeps the reader on the page they are reading. */
const langLink = (c: Context<ConsoleEnv>) => {
  const other = c.get('locale') === 'en' ? 'zh-CN' : 'en';
  const label = other === 'en' ? 'English' : '中文';
  const back = encodeURIComponent(new URL(c.req.url).pathname + new URL(c.req.url).search);
  return html`<a class="lang" href="/lang/${other}?back=${back}">${label}</a>`;
};

/**
 * Every page: the header with what this person may open, the language switch, who is signed in and the logout
 * button; then the page. A Mini App page is fetched by the console's script (it adds Telegram's signature to every
 * request), so its links and forms are fetched by that script; a browser's are plain links and forms.
 */
export function page(c: Context<ConsoleEnv>, title: string, body: Html, opts: { status?: number } = {}) {
  const t = c.get('t');
  const v = c.get('viewer');
  const path = c.req.path;
  const nav = v ? navFor(v) : [];
  const door = v?.door ?? 'none';
  const doc = html`<!doctype html>
<html lang="${c.get('locale')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t('console.title')}</title>
<link rel="stylesheet" href="/static/console.css">
<script src="/static/console.js" defer></script>
</head>
<body data-door="${door}">
<header class="top">
  <a class="brand" href="/">${t('console.title')}</a>
  <nav>${nav.map((n) => html`<a href="${n.href}" class="${isActive(path, n.href) ? 'on' : ''}">${t(n.key)}</a>`)}</nav>
  <div class="me">
    ${langLink(c)}
    ${v ? html`<span class="who">${v.user.firstName}</span>` : ''}
    ${
      v && v.door === 'link'
        ? html`<form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${v.csrf}">
<button type="submit" class="link">${t('console.logout')}</button></form>`
        : ''
    }
  </div>
</header>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
  return c.html(doc, (opts.status ?? 200) as 200);
}
