import { Composer, InlineKeyboard, Keyboard } from 'grammy';
import { localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { paged } from '../../telegram/keyboards';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow, isKeyText } from '../../telegram/middlewares/match';
import { CB, RX } from './callbacks';
import { monthAt } from './checkin';
import { InvalidInput } from './errors';
import { createRecipientLink } from './linking';
import { monthReport } from './report';
import * as roster from './roster';
import { categoryText, deepLink, monthText, now, rosterLabel, tz } from './views';

export const rosterBot = new Composer<BotContext>();
const pm = rosterBot.chatType('private');
const staff = requireRole('staff');
const PAGE = 10;

/** The staff panel: roster size, this month so far, and every staff action one tap away. */
export async function showStaffMenu(ctx: BotContext): Promise<void> {
  const all = await roster.listRoster(ctx.deps.db);
  const month = monthAt(now(ctx), tz(ctx));
  const rep = await monthReport(ctx.deps.db, month);
  const kb = new InlineKeyboard()
    .text(ctx.t('relief.btn.checkin'), CB.checkin)
    .text(ctx.t('relief.btn.roster'), CB.roster(0))
    .row()
    .text(ctx.t('relief.btn.add'), CB.add)
    .text(ctx.t('relief.btn.report'), CB.report(month))
    .row()
    .text(ctx.t('relief.btn.settings'), CB.settings)
    .text(ctx.t('relief.btn.holidays'), CB.holidays(Number(month.slice(0, 4))));
  await ctx.reply(
    ctx.t('relief.staff.menu', {
      total: all.length,
      active: all.filter((r) => r.active).length,
      linked: all.filter((r) => r.user_id !== null).length,
      month: monthText(ctx, month),
      collected: rep.collectedSelf + rep.collectedByProxy,
      expected: rep.total,
    }),
    { reply_markup: kb },
  );
}

pm.command('roster', staff, showStaffMenu);
rosterBot.callbackQuery(CB.staffMenu, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showStaffMenu(ctx);
});

rosterBot.callbackQuery(RX.roster, staff, async (ctx) => {
  const all = await roster.listRoster(ctx.deps.db);
  const { keyboard } = paged(
    all,
    Number(ctx.match[1]),
    PAGE,
    (r) => ({ text: rosterLabel(ctx, r), data: CB.card(r.id) }),
    CB.roster,
  );
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('relief.staff.rosterTitle', { n: all.length }), { reply_markup: keyboard });
});

/** A recipient's card for staff: details, proxies, and what can be done. */
export async function showCard(ctx: BotContext, rid: number): Promise<void> {
  const r = await roster.getRecipient(ctx.deps.db, rid);
  if (!r) {
    await ctx.reply(ctx.t('relief.errors.recipientNotFound'));
    return;
  }
  const proxies = await roster.proxiesOf(ctx.deps.db, rid);
  const kb = new InlineKeyboard()
    .text(ctx.t('relief.btn.checkinThis'), CB.checkinCard(rid))
    .text(ctx.t('relief.btn.link'), CB.link(rid))
    .row()
    .text(ctx.t('relief.btn.editName'), CB.edit(rid, 'name'))
    .text(ctx.t('relief.btn.editCategory'), CB.edit(rid, 'category'))
    .row()
    .text(ctx.t('relief.btn.editPhone'), CB.edit(rid, 'phone'))
    .text(ctx.t('relief.btn.editNotes'), CB.edit(rid, 'notes'))
    .row()
    .text(
      ctx.t(r.active ? 'relief.btn.deactivate' : 'relief.btn.reactivate'),
      r.active ? CB.deactivate(rid) : CB.reactivate(rid),
    );
  await ctx.reply(
    ctx.t('relief.staff.card', {
      id: r.id,
      name: r.name,
      category: categoryText(ctx, r.category),
      phone: r.phone ?? '—',
      notes: r.notes ?? '—',
      status: ctx.t(r.active ? 'relief.staff.active' : 'relief.staff.inactive'),
      linked: ctx.t(r.user_id === null ? 'relief.staff.notLinked' : 'relief.staff.linked'),
      proxies: proxies.map((p) => p.name + (p.user_id === null ? '' : ' 🔗')).join('、') || '—',
    }),
    { reply_markup: kb },
  );
}

rosterBot.callbackQuery(RX.card, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showCard(ctx, Number(ctx.match[1]));
});

for (const [rx, active] of [
  [RX.deactivate, false],
  [RX.reactivate, true],
] as const) {
  rosterBot.callbackQuery(rx, staff, async (ctx) => {
    try {
      const r = await roster.setActive(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), active, now(ctx));
      await ctx.answerCallbackQuery({
        text: ctx.t(active ? 'relief.staff.reactivated' : 'relief.staff.deactivated', { name: r.name }),
      });
      await showCard(ctx, r.id);
    } catch (e) {
      await replyDomainError(ctx, e);
    }
  });
}

rosterBot.callbackQuery(RX.link, staff, async (ctx) => {
  try {
    const { code, expiresAt, recipient } = await createRecipientLink(
      ctx.deps.db,
      ctx.user.id,
      Number(ctx.match[1]),
      now(ctx),
    );
    await ctx.answerCallbackQuery();
    await ctx.reply(
      ctx.t('relief.staff.linkCreated', {
        name: recipient.name,
        link: deepLink(ctx, code),
        expires: localDate(new Date(expiresAt), tz(ctx)),
      }),
    );
  } catch (e) {
    await replyDomainError(ctx, e);
  }
});

// ---- add and edit: multi-step, every step checked for the role again

const skipKeyboard = (ctx: BotContext) =>
  new Keyboard().text(ctx.t('relief.add.skip')).text(ctx.t('common.cancelButton')).resized().oneTime();
const categoryKeyboard = (ctx: BotContext) => {
  const kb = new InlineKeyboard();
  roster.CATEGORIES.forEach((c, i) => {
    kb.text(categoryText(ctx, c), CB.category(c));
    if (i % 2 === 1) kb.row();
  });
  return kb;
};

rosterBot.callbackQuery(CB.add, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.setFlow('relief.add', 'name', {});
  await ctx.reply(ctx.t('relief.add.askName'));
});

pm.on('message:text').filter(inFlow('relief.add', 'name'), staff, async (ctx) => {
  const name = roster.cleanName(ctx.message.text);
  if (!name) return void (await ctx.reply(ctx.t('relief.add.askNameAgain', { max: roster.NAME_MAX })));
  await ctx.setFlow('relief.add', 'category', { name });
  await ctx.reply(ctx.t('relief.add.askCategory', { name }), { reply_markup: categoryKeyboard(ctx) });
});

rosterBot.callbackQuery(RX.category, staff, async (ctx) => {
  const category = ctx.match[1] as roster.Category;
  if (inFlow('relief.add', 'category')(ctx)) {
    await ctx.answerCallbackQuery();
    await ctx.setFlow('relief.add', 'phone', { ...ctx.flow!.data, category });
    await ctx.reply(ctx.t('relief.add.askPhone'), { reply_markup: skipKeyboard(ctx) });
    return;
  }
  if (inFlow('relief.edit', 'value')(ctx) && ctx.flow!.data.field === 'category') {
    await ctx.answerCallbackQuery();
    await saveEdit(ctx, category);
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
});

const skipped = (ctx: BotContext & { message: { text: string } }) =>
  isKeyText('relief.add.skip')(ctx) || ctx.message.text.trim() === '-';

pm.on('message:text').filter(inFlow('relief.add', 'phone'), staff, async (ctx) => {
  const phone = skipped(ctx) ? null : roster.cleanPhone(ctx.message.text);
  if (phone === undefined)
    return void (await ctx.reply(ctx.t('relief.add.askPhoneAgain'), { reply_markup: skipKeyboard(ctx) }));
  await ctx.setFlow('relief.add', 'notes', { ...ctx.flow!.data, phone });
  await ctx.reply(ctx.t('relief.add.askNotes'), { reply_markup: skipKeyboard(ctx) });
});

pm.on('message:text').filter(inFlow('relief.add', 'notes'), staff, async (ctx) => {
  const d = ctx.flow!.data as { name: string; category: roster.Category; phone: string | null };
  const notes = skipped(ctx) ? null : ctx.message.text;
  const id = await roster.addRecipient(
    ctx.deps.db,
    ctx.user.id,
    { name: d.name, category: d.category, phone: d.phone, notes },
    now(ctx),
  );
  await ctx.endFlow();
  await ctx.reply(ctx.t('relief.add.done', { name: d.name }), { reply_markup: ctx.mainMenu() });
  await showCard(ctx, id);
});

rosterBot.callbackQuery(RX.edit, staff, async (ctx) => {
  const rid = Number(ctx.match[1]);
  const field = ctx.match[2] as roster.EditableField;
  const r = await roster.getRecipient(ctx.deps.db, rid);
  if (!r) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('relief.edit', 'value', { rid, field });
  if (field === 'category')
    await ctx.reply(ctx.t('relief.edit.askCategory', { name: r.name }), { reply_markup: categoryKeyboard(ctx) });
  else
    await ctx.reply(ctx.t(`relief.edit.ask.${field}`, { name: r.name }), {
      reply_markup: field === 'name' ? undefined : skipKeyboard(ctx),
    });
});

async function saveEdit(ctx: BotContext, value: string) {
  const { rid, field } = ctx.flow!.data as { rid: number; field: roster.EditableField };
  try {
    await roster.editRecipient(ctx.deps.db, ctx.user.id, rid, field, value, now(ctx));
  } catch (e) {
    if (e instanceof InvalidInput) return void (await ctx.reply(ctx.t(`relief.edit.again.${field}`)));
    await ctx.endFlow();
    throw e;
  }
  await ctx.endFlow();
  await ctx.reply(ctx.t('relief.edit.done'), { reply_markup: ctx.mainMenu() });
  await showCard(ctx, rid);
}

pm.on('message:text').filter(inFlow('relief.edit', 'value'), staff, async (ctx) => {
  if (ctx.flow!.data.field === 'category') return void (await ctx.reply(ctx.t('relief.edit.useButtons')));
  await saveEdit(ctx, skipped(ctx) ? '' : ctx.message.text);
});
