import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { inFlow, isKeyText } from '../../../telegram/middlewares/match';
import type { ResidentsService } from '../../residents/service';
import { parse, RX } from '../callbacks';
import { deskFlow, drillFlow } from '../flows';
import { parseDuration, parsePeople, parseShortText } from '../input';
import { activitiesPolicy } from '../policy';
import type { ActivitiesService } from '../service';
import {
  confirmCard,
  deskCard,
  drillText,
  manageCard,
  matchesCard,
  panelCard,
  rosterCard,
  summaryCard,
  todayCard,
} from '../views/staff';
import { actorOf, manager, staffOnly as staff } from './actor';
import { send } from './cards';
import { createBot } from './create';
import { editBot } from './edit';

/**
 * Staff: the activities to manage, an activity's panel, publishing and cancelling, the desk, a drill, the summary;
 * whether partners may run activities of their own. Partners (when staff allow it) reach the same list and panels
 * from their menu for their own activities; the desk, the drill and the names on the roster stay with staff.
 */
export function staffBot(service: ActivitiesService, places: Pick<ResidentsService, 'compounds' | 'compound'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const actor = actorOf;

  const showList = async (ctx: BotContext, page: number, edit: boolean) => {
    const list = await service.manageList(actor(ctx));
    const opts = { staff: actor(ctx).staff, partnersMayCreate: service.partnersMayCreate() };
    return send(ctx, manageCard(ctx, list, page, opts), edit);
  };
  pm.command('activities_manage', staff, (ctx) => showList(ctx, 0, false));
  pm.filter(isKeyText('activities.menu.partner')).use(manager, (ctx) => showList(ctx, 0, false));
  bot.callbackQuery(RX.list, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, parse.id(ctx.match), true);
  });
  bot.callbackQuery(RX.partnersToggle, staff, async (ctx) => {
    await service.setPartnersMayCreate(ctx.user.id, !service.partnersMayCreate());
    await ctx.answerCallbackQuery();
    await showList(ctx, 0, true);
  });

  /** The panel of an activity as it is now (only one's own, for a partner). */
  async function showPanel(ctx: BotContext, id: number, edit: boolean, notice?: string) {
    const a = await service.managed(actor(ctx), id);
    const staffView = actor(ctx).staff;
    const opts = {
      staff: staffView,
      today: a.date === service.todayDate(),
      drillDue: staffView && service.drillDue(a),
    };
    return send(ctx, panelCard(ctx, a, await service.counts(id), service.state(a), opts, notice), edit);
  }
  bot.use(createBot(service, places, showPanel), editBot(service, showPanel));
  bot.callbackQuery(RX.panel, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.flow && [deskFlow.name, drillFlow.name].includes(ctx.flow.name)) await ctx.endFlow();
    await showPanel(ctx, parse.id(ctx.match), true);
  });

  bot.callbackQuery(RX.publish, manager, async (ctx) => {
    const a = await service.publishable(actor(ctx), parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmCard(ctx, a, 'publish', ctx.t(`activities.audience.${a.audience}`)), true);
  });
  bot.callbackQuery(RX.publishYes, manager, async (ctx) => {
    const a = await service.publish(actor(ctx), parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await showPanel(ctx, a.id, true, ctx.t('activities.manage.published'));
  });

  bot.callbackQuery(RX.cancelActivity, manager, async (ctx) => {
    const a = await service.managed(actor(ctx), parse.id(ctx.match));
    const c = await service.counts(a.id);
    await ctx.answerCallbackQuery();
    const extra = ctx.t('activities.manage.holders', { count: c.booked + c.waiting });
    await send(ctx, confirmCard(ctx, a, 'cancel', extra), true);
  });
  bot.callbackQuery(RX.cancelActivityYes, manager, async (ctx) => {
    const a = await service.cancel(actor(ctx), parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await showPanel(ctx, a.id, true, ctx.t('activities.manage.cancelled'));
  });

  bot.callbackQuery(RX.roster, staff, async (ctx) => {
    const a = await service.activity(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    const lines = await service.lines(await service.signups(a.id));
    await send(ctx, rosterCard(ctx, a, lines, parse.id(ctx.match, 2)), true);
  });
  bot.callbackQuery(RX.summary, manager, async (ctx) => {
    const a = await service.managed(actor(ctx), parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, summaryCard(ctx, await service.summary(a.id)), true);
  });

  // ── the desk: today's activities; a code, a phone's last four digits or a name; walk-ins ───────────────────────
  bot.callbackQuery(RX.today, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await send(ctx, todayCard(ctx, await service.todays()));
  });
  const openDesk = async (ctx: BotContext, id: number, notice?: string) => {
    await ctx.setFlow(deskFlow, 'find', { activityId: id });
    await send(ctx, deskCard(ctx, await service.activity(id), await service.counts(id), notice));
  };
  bot.callbackQuery(RX.desk, staff, async (ctx) => {
    const id = parse.id(ctx.match);
    await service.deskActivity(id);
    await ctx.answerCallbackQuery();
    await openDesk(ctx, id);
  });
  pm.on('message:text').filter(inFlow(deskFlow, 'find'), staff, async (ctx) => {
    const { activityId } = ctx.flow.data;
    const found = await service.find(activityId, ctx.message.text);
    if (found.kind === 'one') {
      const r = await service.checkIn(ctx.user.id, found.signup.id, 'code');
      return openDesk(ctx, activityId, ctx.t('activities.desk.checkedIn', { name: r.name }));
    }
    await send(ctx, matchesCard(ctx, await service.lines(found.signups)));
  });
  bot.callbackQuery(RX.checkIn, staff, async (ctx) => {
    const r = await service.checkIn(ctx.user.id, parse.id(ctx.match), 'search');
    await ctx.answerCallbackQuery({ text: ctx.t('activities.desk.checkedIn', { name: r.name }) });
    await openDesk(ctx, r.activity.id, ctx.t('activities.desk.checkedIn', { name: r.name }));
  });
  bot.callbackQuery(RX.walkIn, staff, async (ctx) => {
    const id = parse.id(ctx.match);
    await ctx.answerCallbackQuery();
    await ctx.setFlow(deskFlow, 'walkIn', { activityId: id });
    await ctx.reply(ctx.t('activities.desk.askWalkIn'));
  });
  pm.on('message:text').filter(inFlow(deskFlow, 'walkIn'), staff, async (ctx) => {
    const { activityId } = ctx.flow.data;
    const name = parseShortText(ctx.message.text, activitiesPolicy.limits.walkInName);
    await service.walkIn(ctx.user.id, activityId, name);
    await openDesk(ctx, activityId, ctx.t('activities.desk.walkedIn', { name }));
  });

  // ── a drill's outcome: how many took part, how long it took ──────────────────────────────────────────────────
  bot.callbackQuery(RX.drill, staff, async (ctx) => {
    const a = await service.activity(parse.id(ctx.match));
    if (!service.drillDue(a))
      return ctx.answerCallbackQuery({ text: ctx.t('activities.errors.notStarted'), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(drillFlow, 'people', { activityId: a.id });
    await ctx.reply(ctx.t('activities.drill.askPeople'));
  });
  pm.on('message:text').filter(inFlow(drillFlow, 'people'), staff, async (ctx) => {
    const people = parsePeople(ctx.message.text);
    await ctx.setFlow(drillFlow, 'time', { ...ctx.flow.data, people });
    await ctx.reply(ctx.t('activities.drill.askTime'));
  });
  pm.on('message:text').filter(inFlow(drillFlow, 'time'), staff, async (ctx) => {
    const { activityId, people } = ctx.flow.data;
    const seconds = parseDuration(ctx.message.text);
    await service.recordDrill(ctx.user.id, activityId, people ?? 0, seconds, ctx.flowEnd());
    await showPanel(ctx, activityId, false, drillText(ctx, people ?? 0, seconds));
  });

  return bot;
}
