import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { hasAny, type Role } from '../../identity';
import { localeOf } from '../../telegram/locale';
import type { ConsoleDeps, ConsoleEnv, Viewer } from '../context';
import { translator } from '../i18n';
import { formKey, miniAppCsrf, sameToken } from './csrf';
import { InitDataRefused, verifyInitData } from './init-data';

export const SESSION_COOKIE = 'linli_console';
export const LANG_COOKIE = 'linli_lang';
/** A Mini App sends Telegram's initData with every request (its pages are fetched by the console's script). */
export const INIT_DATA_HEADER = 'x-telegram-init-data';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The request is refused: 401 (nobody proven) or 403 (proven, not allowed); `reason` is for the audit and page. */
export class Refused extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** At most `perMinute` anonymous refusals a minute reach the audit log; the rest are counted in the next one. */
export function auditBudget(perMinute: number, now: () => number) {
  let windowStart = 0;
  let used = 0;
  let dropped = 0;
  return () => {
    const t = now();
    if (t - windowStart >= 60_000) {
      windowStart = t;
      used = 0;
    }
    if (used >= perMinute) {
      dropped++;
      return null;
    }
    used++;
    const before = dropped;
    dropped = 0;
    return before;
  };
}

/**
 * Establishes who is asking, on every request: Telegram's signature (Mini App) or a session cookie (browser), then
 * the person's roles from identity, exactly as the bot reads them for an update. A bad signature is refused and
 * audited here; having no credentials at all is not an error yet (public pages need none).
 */
export function whoIsAsking(deps: ConsoleDeps): MiddlewareHandler<ConsoleEnv> {
  const { platform } = deps;
  const { identity, clock, config, i18n } = platform;
  const key = formKey(config.BOT_TOKEN ?? '');

  async function miniApp(raw: string): Promise<Viewer> {
    let verified: ReturnType<typeof verifyInitData>;
    try {
      verified = verifyInitData(raw, config.BOT_TOKEN ?? '', clock.now());
    } catch (err) {
      if (!(err instanceof InitDataRefused)) throw err;
      await deps.refuseAnonymous(`console:initData:${err.problem}`, { claimed: err.claimed });
      throw new Refused(401, `initData.${err.problem}`);
    }
    // As for an update: the sender exists and their names are current, then their roles.
    const user = await identity.touch(verified.profile);
    return { user, roles: await identity.roles(user.id), door: 'miniapp', csrf: miniAppCsrf(key, verified.hash) };
  }

  async function browser(token: string): Promise<Viewer | null> {
    const session = await identity.logins.session(token);
    if (!session) return null;
    const user = await identity.user(session.userId);
    if (!user) return null;
    return { user, roles: await identity.roles(user.id), door: 'link', csrf: session.csrf };
  }

  return async (c, next) => {
    // A refusal below is a page too: in the chosen or the deployment's language until the viewer is known.
    const asked = getCookie(c, LANG_COOKIE);
    const first = asked === 'zh-CN' || asked === 'en' ? asked : config.DEFAULT_LOCALE;
    c.set('viewer', null);
    c.set('locale', first);
    c.set('t', translator(i18n, first));
    const raw = c.req.header(INIT_DATA_HEADER);
    const cookie = getCookie(c, SESSION_COOKIE);
    const viewer = raw ? await miniApp(raw) : cookie ? await browser(cookie) : null;
    const chosen = getCookie(c, LANG_COOKIE);
    const locale =
      chosen === 'zh-CN' || chosen === 'en'
        ? chosen
        : viewer
          ? localeOf({ language: viewer.user.language, tgLanguage: null }, config.DEFAULT_LOCALE)
          : config.DEFAULT_LOCALE;
    c.set('viewer', viewer);
    c.set('locale', locale);
    c.set('t', translator(i18n, locale));
    await next();
  };
}

const describe = (c: Context) => `console:${c.req.method} ${c.req.path}`.slice(0, 200);

/**
 * The page is for these roles (admins count as staff): nobody signed in is asked to sign in (401); anyone else
 * without the role is refused (403) and the refusal recorded, as the bot records a forged button.
 */
export function need(identity: ConsoleDeps['platform']['identity'], ...roles: Role[]): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const v = c.get('viewer');
    if (!v) throw new Refused(401, 'signIn');
    if (!hasAny(v.roles, roles)) {
      await identity.denied(v.user.id, describe(c));
      throw new Refused(403, 'role');
    }
    await next();
  };
}

/** Every form carries the viewer's token; a request without it (another site's form) is refused and recorded. */
export function formToken(identity: ConsoleDeps['platform']['identity']): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    // The sign-in form's proof is the login link itself.
    if (c.req.method !== 'POST' || c.req.path === '/login') return next();
    const v = c.get('viewer');
    if (!v) throw new Refused(401, 'signIn');
    const body = await c.req.parseBody();
    const given = c.req.header(CSRF_HEADER) ?? (typeof body[CSRF_FIELD] === 'string' ? body[CSRF_FIELD] : undefined);
    if (!sameToken(v.csrf, given)) {
      await identity.denied(v.user.id, `${describe(c)} (no form token)`);
      throw new Refused(403, 'csrf');
    }
    await next();
  };
}
