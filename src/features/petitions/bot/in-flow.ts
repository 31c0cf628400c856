import type { FlowDef } from '../../../identity';
import type { ActiveFlow, BotContext } from '../../../telegram/context';
import { inFlow } from '../../../telegram/middlewares/match';

/**
 * `inFlow` for a handler's own context type. The foundation's guard narrows a plain BotContext; grammY's `filter`
 * only takes a guard whose result extends the context it filters (a callback or message context), so there it fell
 * back to a boolean filter and `ctx.flow` stayed untyped. This keeps the context and adds the typed flow.
 * TODO(issue 12): fold into telegram/middlewares/match.ts (the foundation) and delete this file.
 */
export function at<D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) {
  const test = inFlow(def, ...steps);
  return <C extends BotContext>(ctx: C): ctx is C & { flow: ActiveFlow<D, S> } => test(ctx);
}
