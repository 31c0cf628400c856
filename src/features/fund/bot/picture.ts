import { InputFile } from 'grammy';
import { type ChartSpec, renderChartAsync } from '../../../charts';
import type { BotContext } from '../../../telegram/context';
import type { InlineMarkup } from '../../../telegram/port';

/** A picture as a photo in the chat, with a caption and optional buttons. */
export async function sendPicture(
  ctx: BotContext,
  spec: ChartSpec,
  name: string,
  extra: { caption?: string; markup?: InlineMarkup } = {},
) {
  const { png } = await renderChartAsync(spec);
  await ctx.replyWithPhoto(new InputFile(png, `${name}.png`), { caption: extra.caption, reply_markup: extra.markup });
}
