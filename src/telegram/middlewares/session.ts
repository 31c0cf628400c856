import type { Locale } from '../../config';
import { clearFlow, loadFlow, saveFlow } from '../../features/flows/service';
import { touchUserWithRoles } from '../../features/residents/service';
import { pickLocale } from '../../i18n';
import type { BotContext, Deps } from '../context';

/** Chosen language first, then Telegram's, then the deployment default. */
export function localeOf(user: { language: string | null; tg_language: string | null }, fallback: Locale): Locale {
  return user.language === 'zh-CN' || user.language === 'en' ? user.language : pickLocale(user.tg_language, fallback);
}

/** Loads who is writing, in which language, with which roles and which flow in progress. */
export function sessionMiddleware(deps: Deps) {
  const translators = new Map<Locale, BotContext['t']>();
  const translator = (l: Locale) => translators.get(l) ?? translators.set(l, deps.i18n.getFixedT(l)).get(l)!;
  return async (ctx: BotContext, next: () => Promise<void>) => {
    const from = ctx.from;
    if (!from || from.is_bot) return;
    const { db, clock, config } = deps;
    ctx.deps = deps;
    const { user, roles } = await touchUserWithRoles(db, from, clock.now());
    ctx.user = user;
    ctx.roles = roles;
    ctx.locale = localeOf(ctx.user, config.DEFAULT_LOCALE);
    ctx.t = translator(ctx.locale);
    ctx.flow = await loadFlow(db, from.id);
    ctx.setFlow = async (name, step, data) => {
      const flow = { name, step, data: data ?? (ctx.flow?.name === name ? ctx.flow.data : {}) };
      await saveFlow(db, from.id, flow, clock.now());
      ctx.flow = flow;
    };
    ctx.endFlow = async () => {
      if (ctx.flow) await clearFlow(db, from.id);
      ctx.flow = null;
    };
    await next();
  };
}

/** Re-reads language after /lang so the reply to that very update is in the new language. */
export function switchLocale(ctx: BotContext, locale: Locale): void {
  ctx.locale = locale;
  ctx.t = ctx.deps.i18n.getFixedT(locale);
}
