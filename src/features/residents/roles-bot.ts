import { Composer, InlineKeyboard } from 'grammy';
import { escapeHtml } from '../../i18n';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { requireRole } from '../../telegram/middlewares/guard';
import { CB } from './keyboards';
import { invitableBy, isRole, type Role } from './roles';
import * as residents from './service';

export const rolesBot = new Composer<BotContext>();
const staff = rolesBot.chatType('private');

staff.command('invite', requireRole('staff'), async (ctx) => {
  const kb = new InlineKeyboard();
  for (const role of invitableBy(ctx.roles)) kb.text(ctx.t(`residents.roles.${role}`), CB.invite(role)).row();
  await ctx.reply(ctx.t('residents.invite.ask'), { reply_markup: kb });
});

rolesBot.callbackQuery(/^rs:inv:(staff|deputy|partner|admin)$/, requireRole('staff'), async (ctx) => {
  const role = ctx.match[1] as Role;
  const { code, expiresAt } = await residents.createInvitation(ctx.deps.db, ctx.user.id, role, ctx.deps.clock.now());
  await ctx.answerCallbackQuery();
  const link = `https://t.me/${ctx.deps.botUsername()}?start=inv_${code}`;
  await ctx.editMessageText(
    ctx.t('residents.invite.created', {
      role: ctx.t(`residents.roles.${role}`),
      link,
      expires: expiresAt.slice(0, 10),
    }),
  );
});

/** Deep link inv_<code>: a one-time invitation. */
export async function redeemInvitationLink(ctx: BotContext, code: string): Promise<void> {
  try {
    const role = await residents.redeemInvitation(ctx.deps.db, ctx.user.id, code, ctx.deps.clock.now());
    ctx.roles = new Set([...ctx.roles, role]);
    await ctx.reply(ctx.t('residents.invite.accepted', { role: ctx.t(`residents.roles.${role}`) }), {
      reply_markup: ctx.mainMenu(),
    });
    await ctx.deps.publishCommandsFor(ctx.user.id);
  } catch (e) {
    await replyDomainError(ctx, e);
  }
}

staff.command('roles', requireRole('admin'), async (ctx) => {
  const rows = await residents.privilegedUsers(ctx.deps.db);
  if (rows.length === 0) return ctx.reply(ctx.t('residents.roles.none'));
  const kb = new InlineKeyboard();
  const lines = rows.map((r) => `${r.id} · ${ctx.t(`residents.roles.${r.role}`)}`);
  for (const r of rows)
    if (r.id !== ctx.user.id) kb.text(`✖ ${r.id} ${ctx.t(`residents.roles.${r.role}`)}`, CB.revoke(r.id, r.role)).row();
  await ctx.reply(ctx.t('residents.roles.list', { lines: lines.map(escapeHtml).join('\n') }), { reply_markup: kb });
});

rolesBot.callbackQuery(/^rs:rv:(\d{1,15}):(staff|deputy|partner|admin)$/, requireRole('admin'), async (ctx) => {
  const [, uid, role] = ctx.match;
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(
    ctx.t('residents.roles.confirmRevoke', { user: uid, role: ctx.t(`residents.roles.${role}`) }),
    {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('common.confirm'), CB.revokeYes(Number(uid), role!))
        .text(ctx.t('common.cancel'), CB.revokeNo),
    },
  );
});

// The confirmation is checked again: the admin may have lost the role since the first tap.
rolesBot.callbackQuery(/^rs:rvy:(\d{1,15}):(staff|deputy|partner|admin)$/, requireRole('admin'), async (ctx) => {
  const uid = Number(ctx.match[1]);
  const role = ctx.match[2]!;
  if (!isRole(role)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  const removed = await residents.revokeRole(ctx.deps.db, ctx.user.id, uid, role, ctx.deps.clock.now());
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(
    ctx.t(removed ? 'residents.roles.revoked' : 'residents.roles.notHeld', {
      user: uid,
      role: ctx.t(`residents.roles.${role}`),
    }),
  );
  if (removed) await ctx.deps.publishCommandsFor(uid);
});

rolesBot.callbackQuery(CB.revokeNo, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('common.cancelled'));
});
