import type { FlowDef } from '../../../identity';
import type { BotContext, InFlow } from '../../../telegram/context';
import { inFlow } from '../../../telegram/middlewares/match';

/**
 * `inFlow` for grammY's `filter` after `.on('message:text')`. The foundation's guard narrows a plain BotContext, and
 * grammY's `filter` only narrows to a subtype of the context it already has (a private text message), so the flow's
 * types were lost there. Generic over the context, this keeps both. (Made generic, `inFlow` itself would do.)
 */
export const atStep =
  <D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) =>
  <C extends BotContext>(ctx: C): ctx is C & InFlow<D, S> =>
    inFlow(def, ...steps)(ctx);
