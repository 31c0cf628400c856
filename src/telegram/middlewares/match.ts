import { textsFor } from '../../i18n/match';
import type { BotContext } from '../context';

/** Filter: the message is the (translated) label of a menu button. */
export function isKeyText(key: string) {
  const texts = new Set(textsFor(key));
  return (ctx: BotContext) => typeof ctx.message?.text === 'string' && texts.has(ctx.message.text.trim());
}

/** Filter: the user is in the named flow (optionally at one of the steps). */
export function inFlow(name: string, ...steps: string[]) {
  return (ctx: BotContext) => ctx.flow?.name === name && (steps.length === 0 || steps.includes(ctx.flow.step));
}
