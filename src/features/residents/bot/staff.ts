import { Composer } from 'grammy';
import type { Identity } from '../../../identity';
import { invitableBy, type Role } from '../../../identity';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { RX } from '../callbacks';
import { inviteChoice, roleName } from '../views';

/** Invitations: staff and admins pick a role with a button and get a one-time link to pass on. */
export function staffBot(identity: Identity, { telegram }: Pick<Platform, 'telegram'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');

  pm.command('invite', staff, async (ctx) => {
    const card = inviteChoice(ctx.t, invitableBy(ctx.roles));
    await ctx.reply(card.text, { reply_markup: card.markup });
  });
  bot.callbackQuery(RX.invites, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = inviteChoice(ctx.t, invitableBy(ctx.roles));
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.invite, staff, async (ctx) => {
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

  return { composer: bot, redeem };
}
