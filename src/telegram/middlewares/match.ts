import { textsFor } from '../../i18n/match';
import type { FlowDef } from '../../identity';
import type { BotContext, InFlow } from '../context';

/** Filter: the message is the (translated) label of a button, in any language. */
export function isKeyText(key: string) {
  const texts = new Set(textsFor(key));
  return (ctx: BotContext) => typeof ctx.message?.text === 'string' && texts.has(ctx.message.text.trim());
}

/** Filter: the user is in this flow (optionally at one of the steps); narrows `ctx.flow` to the flow's types. */
export function inFlow<D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) {
  return <C extends BotContext>(ctx: C): ctx is C & InFlow<D, S> =>
    ctx.flow?.name === def.name && (steps.length === 0 || (steps as string[]).includes(ctx.flow.step));
}

/** Filter: the user's last flow of this kind is finished — a confirmation arriving again for work already done. */
export function finished<D, S extends string>(def: FlowDef<D, S>) {
  return <C extends BotContext>(ctx: C): ctx is C & { finished: { name: string; result: Record<string, unknown> } } =>
    ctx.flow === null && ctx.finished?.name === def.name;
}
