import type { Keyboard } from 'grammy';
import type { i18n } from 'i18next';
import type { Config, Locale } from '../../config';
import type { Clock } from '../../core/clock';
import type { WriteBatcher } from '../../db/batch';
import type { Db } from '../../db/schema';
import { rememberingT } from '../../i18n/memo';
import type { FlowDef, Identity, Role, StoredFlow } from '../../identity';
import { clearFlow, FINISHED, finishFlow, parseFlow, saveFlow } from '../../identity/flows';
import type { BotContext } from '../context';
import { localeOf } from '../locale';

export interface SessionDeps {
  db: Db;
  clock: Clock;
  config: Config;
  i18n: i18n;
  identity: Identity;
  /** Flow steps are saved through the group commit: durable before the reply, one fsync shared by many. */
  writes: WriteBatcher;
  // biome-ignore lint/suspicious/noExplicitAny: flows of different data types
  flows: readonly FlowDef<any, string>[];
  mainMenu: (locale: Locale, roles: ReadonlySet<Role>) => Keyboard;
}

/** Loads who is writing, in which language, with which roles and which flow in progress. */
export function sessionMiddleware(deps: SessionDeps) {
  const { clock, config, identity } = deps;
  const translators = new Map<Locale, BotContext['t']>();
  const translator = (l: Locale) =>
    translators.get(l) ?? translators.set(l, rememberingT(deps.i18n.getFixedT(l))).get(l)!;
  const defs = new Map(deps.flows.map((f) => [f.name, f]));

  /** A stored flow its definition no longer accepts (an upgrade changed it): null, and the row is gone. */
  async function checked(userId: number, stored: StoredFlow | null): Promise<StoredFlow | null | 'stale'> {
    if (!stored || stored.step === FINISHED) return null;
    const def = defs.get(stored.name);
    // A flow no area declares any more (renamed or removed in an upgrade) ends like one whose data no longer fits.
    const parsed = def ? parseFlow(def, stored) : { ok: false as const };
    if (parsed.ok && def) return { name: def.name, step: parsed.step, data: parsed.data as Record<string, unknown> };
    await deps.writes.run((trx) => clearFlow(trx, userId));
    return 'stale';
  }

  return async (ctx: BotContext, next: () => Promise<void>) => {
    const from = ctx.from;
    if (!from || from.is_bot) return;
    const { user, roles, flow: stored } = await identity.touchWithRoles(from);
    ctx.user = user;
    ctx.roles = roles;
    ctx.locale = localeOf(user, config.DEFAULT_LOCALE);
    ctx.t = translator(ctx.locale);
    ctx.mainMenu = () => deps.mainMenu(ctx.locale, ctx.roles);
    ctx.finished = stored?.step === FINISHED ? { name: stored.name, result: stored.data } : null;
    const flow = await checked(from.id, stored);
    ctx.flow = flow === 'stale' ? null : flow;
    ctx.setFlow = async (def, step, data) => {
      const next = { name: def.name, step, data: data as Record<string, unknown> };
      await deps.writes.run((trx) => saveFlow(trx, from.id, next, clock.now()));
      ctx.flow = next;
    };
    ctx.endFlow = async () => {
      if (ctx.flow) await deps.writes.run((trx) => clearFlow(trx, from.id));
      ctx.flow = null;
    };
    ctx.flowEnd = (result) => async (trx) => {
      const name = ctx.flow?.name;
      if (name) await finishFlow(trx, from.id, name, result ?? {}, clock.now());
      else await clearFlow(trx, from.id);
      ctx.flow = null;
    };
    if (flow === 'stale' && ctx.chat?.type === 'private') {
      await ctx.reply(ctx.t('common.flowExpired'), { reply_markup: ctx.mainMenu() });
    }
    await next();
  };
}

/** After /lang: the reply to that very update is in the new language. */
export function switchLocale(ctx: BotContext, locale: Locale, i18n: i18n): void {
  ctx.locale = locale;
  ctx.t = rememberingT(i18n.getFixedT(locale));
}
