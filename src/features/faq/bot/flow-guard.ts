import type { FlowDef } from '../../../identity';
import type { ActiveFlow, BotContext } from '../../../telegram/context';
import { inFlow } from '../../../telegram/middlewares/match';

/**
 * `inFlow(def, ...steps)` as a guard grammY's `filter()` narrows with: generic over the context it is given, so a
 * `message:text` context stays one and gains the flow's typed step and data.
 * WORKAROUND (issue 12): the guard of telegram/middlewares/match.ts is typed on BotContext alone, which is no
 * subtype of a filtered context, so `filter()` falls back to its boolean overload and `ctx.flow` stays untyped.
 * Made generic there, this file goes.
 */
export function inStep<D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) {
  const test = inFlow(def, ...steps);
  return <C extends BotContext>(ctx: C): ctx is C & { flow: ActiveFlow<D, S> } => test(ctx);
}
