import type { FlowDef } from '../../../identity';
import type { ActiveFlow, BotContext } from '../../../telegram/context';
import { inFlow } from '../../../telegram/middlewares/match';

/**
 * `inFlow` for a context grammY has already narrowed (a callback query, a text message). The foundation's guard is
 * typed on BotContext, and grammY's `filter` narrows only to a subtype of the context it holds, so there the flow's
 * data would stay untyped. TRANSITION: goes when telegram/middlewares/match.ts's inFlow is generic in the context.
 */
export const atStep =
  <D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) =>
  <C extends BotContext>(ctx: C): ctx is C & { flow: ActiveFlow<D, S> } =>
    inFlow(def, ...steps)(ctx);
