import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { markup } from '../../../telegram/markup';
import { inFlow } from '../../../telegram/middlewares/match';
import { CB, parse, RX } from '../callbacks';
import { childFlow, commentFlow } from '../flows';
import { parseChildAge, parseChildName, parseShortText } from '../input';
import { activitiesPolicy } from '../policy';
import type { ActivitiesService } from '../service';
import { activityCard, signedUpText } from '../views/resident';
import { editHeld } from './cards';

/** A guardian signs a child up (name → age), once or for the whole series; feedback after an activity. */
export function childBot(service: ActivitiesService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  bot.callbackQuery(RX.child, async (ctx) => {
    const a = await service.checkChildSignup(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    const card = ctx.callbackQuery.message?.message_id;
    await ctx.setFlow(childFlow, 'name', { activityId: a.id, series: parse.flag(ctx.match), card });
    await ctx.reply(ctx.t('activities.child.askName', { min: a.ageMin ?? 0, max: a.ageMax ?? 17 }));
  });

  pm.on('message:text').filter(inFlow(childFlow, 'name'), async (ctx) => {
    const name = parseChildName(ctx.message.text);
    await ctx.setFlow(childFlow, 'age', { ...ctx.flow.data, name });
    await ctx.reply(ctx.t('activities.child.askAge', { name }));
  });

  pm.on('message:text').filter(inFlow(childFlow, 'age'), async (ctx) => {
    const { activityId, series, name, card } = ctx.flow.data;
    const child = { name: name ?? '', age: parseChildAge(ctx.message.text) };
    const results = series
      ? await service.signUpSeries(ctx.user.id, activityId, child, ctx.flowEnd())
      : [await service.signUpChild(ctx.user.id, activityId, child, ctx.flowEnd())];
    const v = await service.detail(ctx.user.id, activityId);
    if (v) await editHeld(ctx, card, activityCard(ctx, v));
    await ctx.reply(ctx.t('activities.child.done', { name: child.name, result: signedUpText(ctx, results) }), {
      reply_markup: markup([[{ text: ctx.t('activities.btn.open'), data: CB.open(activityId) }]]),
    });
  });

  // Feedback: one tap of stars, then a few words if they like.
  bot.callbackQuery(RX.rate, async (ctx) => {
    const stars = Number((ctx.match as RegExpMatchArray)[2]);
    const signupId = parse.id(ctx.match);
    await service.rate(ctx.user.id, signupId, stars);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('activities.feedback.thanks', { stars: '⭐'.repeat(stars) }), {
      reply_markup: markup([[{ text: ctx.t('activities.btn.comment'), data: CB.comment(signupId) }]]),
    });
  });
  bot.callbackQuery(RX.comment, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(commentFlow, 'text', { signupId: parse.id(ctx.match) });
    await ctx.reply(ctx.t('activities.feedback.askComment', { max: activitiesPolicy.limits.comment }));
  });
  pm.on('message:text').filter(inFlow(commentFlow, 'text'), async (ctx) => {
    const text = parseShortText(ctx.message.text, activitiesPolicy.limits.comment);
    await service.comment(ctx.user.id, ctx.flow.data.signupId, text, ctx.flowEnd());
    await ctx.reply(ctx.t('activities.feedback.commented'), { reply_markup: ctx.mainMenu() });
  });

  return bot;
}
