import type { Middleware } from 'grammy';
import { hasAny, type Role } from '../../features/residents/roles';
import { auditDenied } from '../../features/residents/service';
import type { BotContext } from '../context';

const describe = (ctx: BotContext) =>
  ctx.callbackQuery?.data ?? ctx.message?.text?.split(/\s/)[0] ?? ctx.update.update_id.toString();

/**
 * Lets the update through only for users holding one of the roles (admins count as staff).
 * Installed on every privileged command, flow step and callback — a forged button is refused here too.
 */
export function requireRole(...roles: Role[]): Middleware<BotContext> {
  return async (ctx, next) => {
    if (hasAny(ctx.roles, roles)) return next();
    await auditDenied(ctx.deps.db, ctx.from!.id, describe(ctx), ctx.deps.clock.now());
    // a staff flow left over from before the role was revoked would otherwise refuse every later message
    await ctx.endFlow();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('common.notAllowed'), show_alert: true });
    else await ctx.reply(ctx.t('common.notAllowed'));
  };
}

export const can = (ctx: BotContext, ...roles: Role[]) => hasAny(ctx.roles, roles);
