import type { Middleware } from 'grammy';
import { NotAllowed } from '../../core/errors';
import { hasAny, type Role } from '../../identity';
import type { BotContext } from '../context';

/**
 * Lets the update through only for users holding one of the roles (admins count as staff). Installed on every
 * privileged command, flow step and callback — a forged button is refused here too. The refusal is thrown: the
 * error boundary records it in the audit log, ends any flow and answers politely.
 */
export function requireRole(...roles: Role[]): Middleware<BotContext> {
  return (ctx, next) => {
    if (hasAny(ctx.roles, roles)) return next();
    throw new NotAllowed();
  };
}

export const can = (ctx: BotContext, ...roles: Role[]) => hasAny(ctx.roles, roles);
