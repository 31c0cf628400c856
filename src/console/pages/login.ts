import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { DomainError } from '../../core/errors';
import { LANG_COOKIE, SESSION_COOKIE } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps, ConsoleEnv } from '../context';
import { page } from '../views/layout';

/** The cookie is sent back only over HTTPS when the console is reached over HTTPS (behind the reverse proxy). */
const overHttps = (c: Context<ConsoleEnv>) =>
  (c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';

/** A path on this site to go back to after switching language: never another site. */
const safeBack = (s: string | undefined) => (s && /^\/(?![/\\])/.test(s) ? s : '/');

/**
 * The two doors. A browser signs in with the one-time link /console sends (opening the link shows a button; only
 * pressing it uses the link, so a link preview or a virus scanner fetching it does not); a Mini App page boots from
 * /app, where the console's script picks up Telegram's signature and sends it with every request.
 */
export function loginPages(app: ConsoleApp, { platform, refuseAnonymous }: ConsoleDeps) {
  const { identity } = platform;

  app.get('/login', (c) => {
    const t = c.get('t');
    if (c.get('viewer')) return c.redirect('/', 303);
    const bye = c.req.query('bye') === '1';
    return page(
      c,
      t('console.login.title'),
      html`${bye ? html`<p class="notice ok">${t('console.login.loggedOut')}</p>` : ''}
<p>${t('console.login.how')}</p>`,
    );
  });

  app.get('/login/:token', (c) => {
    const t = c.get('t');
    const token = c.req.param('token');
    return page(
      c,
      t('console.login.title'),
      html`<form method="post" action="/login" class="card">
<input type="hidden" name="token" value="${token}">
<p>${t('console.login.confirm')}</p>
<button type="submit" class="primary">${t('console.login.button')}</button>
</form>`,
    );
  });

  app.post('/login', async (c) => {
    const t = c.get('t');
    const body = await c.req.parseBody();
    const token = typeof body.token === 'string' ? body.token.slice(0, 100) : '';
    try {
      const { token: cookie, session } = await identity.logins.openSession(token);
      setCookie(c, SESSION_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: overHttps(c),
        path: '/',
        expires: new Date(session.expiresAt),
      });
      return c.redirect('/', 303);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // A used, expired or unknown link: refused and recorded (whoever holds it is not known to be its owner).
      await refuseAnonymous(`console:login:${err.code}`, {});
      const text = t(err.code.replace('.', '.errors.'));
      return page(
        c,
        t('console.login.title'),
        html`<p class="notice error">${text}</p><p>${t('console.login.how')}</p>`,
        {
          status: 401,
        },
      );
    }
  });

  app.post('/logout', async (c) => {
    const v = c.get('viewer');
    if (v) await identity.logins.endAll(v.user.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login?bye=1', 303);
  });

  // The Mini App's first page: no data in it. The script reads Telegram's initData from the address and loads `/`.
  app.get('/app', (c) => {
    const t = c.get('t');
    return c.html(html`<!doctype html>
<html lang="${c.get('locale')}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('console.title')}</title>
<link rel="stylesheet" href="/static/console.css">
<script src="/static/console.js" defer></script>
</head><body data-door="miniapp" data-boot="/"><main><p class="loading">${t('console.loading')}</p>
<noscript>${t('console.noScript')}</noscript></main></body></html>`);
  });

  app.get('/lang/:lng', (c) => {
    const lng = c.req.param('lng') === 'en' ? 'en' : 'zh-CN';
    setCookie(c, LANG_COOKIE, lng, { sameSite: 'Strict', path: '/', maxAge: 365 * 86400, secure: overHttps(c) });
    return c.redirect(safeBack(c.req.query('back')), 303);
  });
}
