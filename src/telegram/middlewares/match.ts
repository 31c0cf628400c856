import { textsFor } from '../../i18n/match';
import type { FlowDef } from '../../identity';
import type { BotContext, InFlow } from '../context';

/** Filter: the message is the (translated) label of a button, in any language. */
export function isKeyText(key: string) {
  const texts = new Set(textsFor(key));
  return (ctx: BotContext) => typeof ctx.message?.text === 'string' && texts.has(ctx.message.text.trim());
}

/** Filter: the user is in this flow (optionally at one of the steps); narrows `ctx.flow` to the flow's types. */
export function inFlow<D, S extends string>(
  def: FlowDef<D, S>,
  ...steps: S[]
): <C extends BotContext>(ctx: C) => ctx is C & InFlow<D, S>;
/** @deprecated TRANSITION (issue 12): untyped flows of areas not yet moved. */
export function inFlow(name: string, ...steps: string[]): <C extends BotContext>(ctx: C) => boolean;
export function inFlow(nameOrDef: string | FlowDef<unknown, string>, ...steps: string[]) {
  const name = typeof nameOrDef === 'string' ? nameOrDef : nameOrDef.name;
  return (ctx: BotContext) => ctx.flow?.name === name && (steps.length === 0 || steps.includes(ctx.flow.step));
}
