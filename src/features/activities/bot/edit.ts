import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { inFlow } from '../../../telegram/middlewares/match';
import { parse, RX } from '../callbacks';
import { editFlow } from '../flows';
import { exampleDate, parseBilingual, parseCapacity, parseDate, parseHours, placeAddress } from '../input';
import { activitiesPolicy } from '../policy';
import type { ActivitiesService, ActivityInput } from '../service';
import { actorOf, manager } from './actor';

/**
 * Staff (or the partner, their own) change one thing of an activity from its panel: d date · h hours · p place (typed,
 * or a venue or pin) · c places. A new time or place reaches everyone signed up at once; more places move the line up.
 */
export function editBot(
  service: ActivitiesService,
  showPanel: (ctx: BotContext, id: number, edit: boolean, notice?: string) => Promise<unknown>,
) {
  const bot = new Composer<BotContext>();

  /** The change, told to everyone signed up when it is a new time or place; then the panel as it is now. */
  async function apply(ctx: BotContext, activityId: number, patch: Partial<ActivityInput>) {
    const a = await service.change(actorOf(ctx), activityId, patch, ctx.flowEnd());
    const c = await service.counts(a.id);
    const told = patch.capacity === undefined && a.status === 'published' ? c.booked + c.waiting : 0;
    await showPanel(ctx, a.id, false, ctx.t('activities.edit.done', { count: told }));
  }

  bot.callbackQuery(RX.edit, manager, async (ctx) => {
    const a = await service.managed(actorOf(ctx), parse.id(ctx.match));
    const what = parse.edit(ctx.match);
    await ctx.answerCallbackQuery();
    await ctx.setFlow(editFlow, what, { activityId: a.id });
    await ctx.reply(ctx.t(`activities.edit.ask.${what}`, { example: exampleDate(service.todayDate()) }));
  });
  bot
    .chatType('private')
    .on('message:text')
    .filter(inFlow(editFlow), manager, async (ctx) => {
      const text = ctx.message.text;
      const { activityId } = ctx.flow.data;
      let patch: Partial<ActivityInput>;
      switch (ctx.flow.step) {
        case 'd':
          patch = { date: parseDate(text, service.todayDate()) };
          break;
        case 'h': {
          const [startsAt, endsAt] = parseHours(text);
          patch = { startsAt, endsAt };
          break;
        }
        case 'p': {
          const p = parseBilingual(text, activitiesPolicy.limits.place);
          patch = { placeZh: p.zh, placeEn: p.en, placeAddress: null, latitude: null, longitude: null };
          break;
        }
        default:
          patch = { capacity: parseCapacity(text) };
      }
      await apply(ctx, activityId, patch);
    });

  // A new place on the map: a venue is the new place (its name and address); a bare pin moves the point, the name
  // stays. At the other questions a pin is not an answer.
  const pm = bot.chatType('private');
  pm.on(['message:venue', 'message:location'])
    .filter(inFlow(editFlow, 'p'), manager)
    .use(async (ctx) => {
      const venue = ctx.message.venue;
      const sent = venue?.location ?? ctx.message.location;
      const point = await service.checkPoint(sent ?? { latitude: Number.NaN, longitude: Number.NaN });
      const named = venue && parseBilingual(venue.title, activitiesPolicy.limits.place);
      const patch: Partial<ActivityInput> = named
        ? { placeZh: named.zh, placeEn: named.en, placeAddress: placeAddress(venue.address), ...point }
        : { placeAddress: null, ...point };
      await apply(ctx, ctx.flow.data.activityId, patch);
    });
  pm.on('message:location')
    .filter(inFlow(editFlow), manager)
    .use((ctx) => ctx.reply(ctx.t('activities.create.locationNotNow')));
  return bot;
}
