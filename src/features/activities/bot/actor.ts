import type { BotContext } from '../../../telegram/context';
import { can, requireRole } from '../../../telegram/middlewares/guard';
import type { Actor } from '../service';

/**
 * Who may reach the managing handlers at all: staff, and partners (for their own activities, which the service
 * checks on every tap — a partner's forged button for another's activity is refused and audited there).
 */
export const manager = requireRole('staff', 'partner');
export const staffOnly = requireRole('staff');

/** The user as the service judges them: staff manage every activity, anyone else only their partner's. */
export const actorOf = (ctx: BotContext): Actor => ({ id: ctx.user.id, staff: can(ctx, 'staff') });
