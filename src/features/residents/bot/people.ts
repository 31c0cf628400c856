import { Composer } from 'grammy';
import { displayName } from '../../../core/names';
import { isMenuLabel } from '../../../i18n/match';
import type { Role } from '../../../identity';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { CB, RX } from '../callbacks';
import { peopleFlow } from '../flows';
import type { ResidentsService } from '../service';
import { type Card, confirmRevoke, peopleCard, personCard, roleName } from '../views';

/**
 * The admin's people list (issue 15): everyone with a role, or whoever a typed search finds; a person's card toggles
 * each role with a button (taking one away asks first). No one types an id. Every handler checks the admin again.
 */
export function peopleBot(residents: ResidentsService, { telegram }: Pick<Platform, 'telegram'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const admin = requireRole('admin');
  const { people } = residents;

  const show = (ctx: BotContext, card: Card, edit: boolean) =>
    edit
      ? ctx.editMessageText(card.text, { reply_markup: card.markup })
      : ctx.reply(card.text, { reply_markup: card.markup });

  async function holders(ctx: BotContext, page: number, edit: boolean) {
    await show(ctx, peopleCard(ctx.t, { kind: 'holders' }, await people.roleHolders(), page), edit);
  }
  async function found(ctx: BotContext, query: string, page: number, edit: boolean) {
    const r = await people.search(query);
    await show(ctx, peopleCard(ctx.t, { kind: 'found', query, more: r.more }, r.people, page), edit);
  }
  /** The last search, while the admin is still in it (for paging and the person card's way back). */
  const lastQuery = (ctx: BotContext) => (inFlow(peopleFlow)(ctx) ? ctx.flow.data.query : undefined);

  // Opening the list starts the search: whatever the admin types next is looked up, until they do something else.
  async function openList(ctx: BotContext, page: number, edit: boolean) {
    await ctx.setFlow(peopleFlow, 'query', {});
    await holders(ctx, page, edit);
  }
  pm.command('roles', admin, (ctx) => openList(ctx, 0, false));
  bot.callbackQuery(RX.people, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openList(ctx, Number(ctx.match[1]), true);
  });
  bot.callbackQuery(RX.search, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(peopleFlow, 'query', {});
    await ctx.reply(ctx.t('residents.people.askQuery'));
  });
  // Typed text is a search, unless it is a main-menu button (its area answers it).
  const query = (ctx: { message: { text: string } }) => !isMenuLabel(ctx.message.text);
  pm.on('message:text')
    .filter(query)
    .filter(inFlow(peopleFlow, 'query'), admin, async (ctx) => {
      const query = ctx.message.text.trim();
      await found(ctx, query, 0, false);
      await ctx.setFlow(peopleFlow, 'query', { query });
    });
  bot.callbackQuery(RX.found, admin, async (ctx) => {
    const query = lastQuery(ctx);
    if (query === undefined) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await found(ctx, query, Number(ctx.match[1]), true);
  });

  async function showPerson(ctx: BotContext, userId: number, toast?: string) {
    const person = await people.person(userId);
    if (!person) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery(toast ? { text: toast } : undefined);
    const back = lastQuery(ctx) === undefined ? CB.people(0) : CB.found(0);
    const card = personCard(ctx.t, ctx.locale, person, await residents.homeOf(person.user), ctx.user.id, back);
    await show(ctx, card, true);
  }
  bot.callbackQuery(RX.person, admin, (ctx) => showPerson(ctx, Number(ctx.match[1])));

  bot.callbackQuery(RX.grant, admin, async (ctx) => {
    const [uid, role] = [Number(ctx.match[1]), ctx.match[2] as Role];
    const person = await people.person(uid);
    if (!person) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const added = await people.grant(ctx.user.id, uid, role);
    const toast = ctx.t(added ? 'residents.roles.granted' : 'residents.roles.alreadyHeld', {
      user: displayName(person.user),
      role: roleName(ctx.t, role),
    });
    await showPerson(ctx, uid, toast);
    // The command menu follows the role: the person sees (or loses) the commands of it in their own chat.
    if (added) await telegram.publishCommandsFor(uid);
  });

  bot.callbackQuery(RX.revoke, admin, async (ctx) => {
    const person = await people.person(Number(ctx.match[1]));
    if (!person) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await show(ctx, confirmRevoke(ctx.t, person, ctx.match[2] as Role), true);
  });

  // The confirmation is checked again: the admin may have lost the role since the first tap.
  bot.callbackQuery(RX.revokeYes, admin, async (ctx) => {
    const [uid, role] = [Number(ctx.match[1]), ctx.match[2] as Role];
    const person = await people.person(uid);
    if (!person) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const removed = await people.revoke(ctx.user.id, uid, role);
    const toast = ctx.t(removed ? 'residents.roles.revoked' : 'residents.roles.notHeld', {
      user: displayName(person.user),
      role: roleName(ctx.t, role),
    });
    await showPerson(ctx, uid, toast);
    if (removed) await telegram.publishCommandsFor(uid);
  });

  bot.callbackQuery(RX.revokeNo, admin, (ctx) => showPerson(ctx, Number(ctx.match[1])));

  return bot;
}
