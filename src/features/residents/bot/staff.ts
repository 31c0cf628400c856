import { Composer } from 'grammy';
import type { Identity } from '../../../identity';
import { invitableBy, type Role } from '../../../identity';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { RX } from '../callbacks';
import { confirmRevoke, inviteChoice, roleName, rolesCard } from '../views';

/** Invitations (staff) and role management (admins). */
export function staffBot(identity: Identity, { telegram }: Pick<Platform, 'telegram'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  pm.command('invite', requireRole('staff'), async (ctx) => {
    const card = inviteChoice(ctx.t, invitableBy(ctx.roles));
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.invite, requireRole('staff'), async (ctx) => {
    const role = ctx.match[1] as Role;
    const { code, expiresAt } = await identity.createInvitation(ctx.user.id, role);
    await ctx.answerCallbackQuery();
    const link = `https://t.me/${telegram.botUsername()}?start=inv_${code}`;
    await ctx.editMessageText(
      ctx.t('residents.invite.created', { role: roleName(ctx.t, role), link, expires: expiresAt.slice(0, 10) }),
    );
  });

  /** Deep link inv_<code>: a one-time invitation. */
  async function redeem(ctx: BotContext, code: string): Promise<void> {
    const role = await identity.redeemInvitation(ctx.user.id, code);
    ctx.roles = new Set([...ctx.roles, role]);
    await ctx.reply(ctx.t('residents.invite.accepted', { role: roleName(ctx.t, role) }), {
      reply_markup: ctx.mainMenu(),
    });
    await telegram.publishCommandsFor(ctx.user.id);
  }

  pm.command('roles', requireRole('admin'), async (ctx) => {
    const card = rolesCard(ctx.t, await identity.privileged(), ctx.user.id);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.revoke, requireRole('admin'), async (ctx) => {
    const card = confirmRevoke(ctx.t, Number(ctx.match[1]), ctx.match[2] as Role);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  // The confirmation is checked again: the admin may have lost the role since the first tap.
  bot.callbackQuery(RX.revokeYes, requireRole('admin'), async (ctx) => {
    const uid = Number(ctx.match[1]);
    const role = ctx.match[2] as Role;
    const removed = await identity.revoke(ctx.user.id, uid, role);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(
      ctx.t(removed ? 'residents.roles.revoked' : 'residents.roles.notHeld', {
        user: uid,
        role: roleName(ctx.t, role),
      }),
    );
    if (removed) await telegram.publishCommandsFor(uid);
  });

  bot.callbackQuery(RX.revokeNo, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('common.cancelled'));
  });

  return { composer: bot, redeem };
}
