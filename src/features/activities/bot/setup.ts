import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { markup } from '../../../telegram/markup';
import { requireRole } from '../../../telegram/middlewares/guard';
import { SETUP_NEXT } from '../../../telegram/workbench';
import { CB, parse, RX } from '../callbacks';
import type { ActivitiesService } from '../service';

export const SETUP_STEP = 'activities.partners';

/**
 * The set-up step of this area: whether partners may create and publish activities of their own — one tap, the
 * same setting staff turn over later on the activities panel. Everything else an activity needs is asked when it is
 * created.
 */
export function setupBot(service: ActivitiesService) {
  const bot = new Composer<BotContext>();
  const admin = requireRole('admin');

  async function start(ctx: BotContext) {
    await ctx.reply(ctx.t('activities.setup.ask'), {
      reply_markup: markup([
        [{ text: ctx.t('activities.setup.allow'), data: CB.setupPartners(true) }],
        [{ text: ctx.t('activities.setup.deny'), data: CB.setupPartners(false) }],
      ]),
    });
  }

  bot.callbackQuery(RX.setupPartners, admin, async (ctx) => {
    const allow = parse.flag(ctx.match, 1);
    await service.setPartnersMayCreate(ctx.user.id, allow);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(allow ? 'activities.setup.savedOn' : 'activities.setup.savedOff'), {
      reply_markup: markup([[{ text: ctx.t('activities.setup.next'), data: SETUP_NEXT }]]),
    });
  });

  return { composer: bot, start };
}
