import type { FlowDef } from '../../../identity';
import type { ActiveFlow, BotContext } from '../../../telegram/context';
import { inFlow } from '../../../telegram/middlewares/match';

/**
 * `inFlow(def, ...steps)` for a context grammY has already narrowed (a callback query, a text message). The
 * foundation's guard is typed on BotContext, so after `.callbackQuery()` or `.on()` grammY cannot use it to narrow
 * `ctx.flow`; this generic form keeps both narrowings.
 */
export const within = <D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) => {
  const is = inFlow(def, ...steps);
  return <C extends BotContext>(ctx: C): ctx is C & { flow: ActiveFlow<D, S> } => is(ctx);
};
