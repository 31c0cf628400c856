import { InputFile } from 'grammy';
import { type ChartSpec, type Rendered, renderChartAsync } from '../../../charts';
import type { BotContext } from '../../../telegram/context';
import type { InlineMarkup } from '../../../telegram/port';

/** A picture as a photo in the chat, with a caption and optional buttons. */
export async function sendPicture(
  ctx: BotContext,
  spec: ChartSpec | Promise<Rendered>,
  name: string,
  extra: { caption?: string; markup?: InlineMarkup } = {},
) {
  const { png } = await (spec instanceof Promise ? spec : renderChartAsync(spec));
  await ctx.replyWithPhoto(new InputFile(png, `${name}.png`), { caption: extra.caption, reply_markup: extra.markup });
}

/**
 * Starts drawing now, for a picture sent after other messages: the chart thread draws while they go out. A failure
 * surfaces where the picture is awaited (sendPicture), not as an unhandled rejection meanwhile.
 */
export function drawAhead(spec: ChartSpec): Promise<Rendered> {
  const drawing = renderChartAsync(spec);
  drawing.catch(() => {});
  return drawing;
}
