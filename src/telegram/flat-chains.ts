import { Composer, type Context, type Middleware, type MiddlewareFn, type MiddlewareObj } from 'grammy';
import { type Kinds, kindsOfUpdate, runsFor, tagUpdateKinds } from './update-kinds';

/** A middleware in a list, with the kinds of update it can act on when that is known (absent: any). */
type Fn = MiddlewareFn<never> & { kinds?: Kinds };
type Chained = Composer<never> & { flatChain?: Fn[] };

/** grammY's own "nothing here yet" handler: a Composer built without middleware starts with it. */
const PASS = new Composer<never>().middleware();

const asFunction = (mw: Middleware<never>): Fn =>
  typeof mw === 'function' ? mw : (ctx, next) => (mw as MiddlewareObj<never>).middleware()(ctx, next);

/** What grammY promises a middleware's caller: a promise, never a synchronous throw. */
function call(mw: Fn, ctx: never, next: () => Promise<void>): Promise<void> {
  try {
    const r = mw(ctx, next);
    return r instanceof Promise ? r : Promise.resolve();
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Runs `mws` in order with one `next` per run of the whole list: the list is walked by an index, so a middleware that
 * passes the update on (most of them: every filter that does not match) allocates nothing. Middleware that can only
 * act on other kinds of update (a button's handler, for a text) is left out before the walk: each kind of update
 * gets the list of what can act on it, made on first use and again whenever the list has grown.
 */
function sequence(mws: Fn[]): Fn {
  const byKinds = new Map<string, Fn[]>();
  let madeAt = mws.length;
  return (ctx, next) => {
    if (madeAt !== mws.length) {
      byKinds.clear();
      madeAt = mws.length;
    }
    const kinds = kindsOfUpdate(ctx);
    let list = byKinds.get(kinds.key);
    if (!list) {
      list = mws.filter((m) => runsFor(m.kinds, kinds));
      byKinds.set(kinds.key, list);
    }
    if (list.length === 0) return next();
    if (list.length === 1) return call(list[0]!, ctx, next);
    // The `next` each middleware gets, set as a property: tsx gives a closure bound to a name its name with a
    // defineProperty call each time one is made, and this one is made on every update for every Composer entered.
    const walk = { i: 0, next };
    const steps = list;
    walk.next = () => (walk.i === steps.length ? next() : call(steps[walk.i++]!, ctx, walk.next));
    return walk.next();
  };
}

/**
 * A Composer of `mws` kept as a list: grammY's constructor chains two or more with its async `concat` (an area's
 * Composer of sub-bots, a `filter` with several handlers), which costs the same two promises per layer as `use` did.
 */
export function flatComposer<C extends Context>(...mws: Middleware<C>[]): Composer<C> {
  const composer = new Composer<never>() as Chained;
  if (mws.length > 0) {
    composer.flatChain = (mws as Middleware<never>[]).map(asFunction);
    (composer as unknown as { handler: Fn }).handler =
      mws.length === 1 ? composer.flatChain[0]! : sequence(composer.flatChain);
  }
  return composer as unknown as Composer<C>;
}

let installed = false;

/**
 * grammY chains each `use` onto the previous one with an async wrapper and a fresh async `next` per layer and update:
 * the 300-odd layers a flow step passes (every area's `.on`, `.command`, `.callbackQuery`, `.filter`) cost two
 * promises and a closure each, awaited back one microtask at a time. That was about 45 % of the bot's allocation on
 * a petition step (bench -- updates, allocation sampling) and garbage collection was a third of its CPU. Here a
 * Composer keeps its middleware in a list run by `sequence`: same order, same `next` at the end, errors still
 * rejected to the caller. Unlike grammY it does not check that `next` is called at most once.
 * Installed once for the process, like `installDirectBranches`, so the areas' Composers use it too.
 */
export function installFlatChains(): void {
  if (installed) return;
  installed = true;
  const proto = Composer.prototype as unknown as {
    use(this: Chained, ...middleware: Middleware<never>[]): Composer<never>;
    filter(
      this: Chained,
      predicate: (ctx: never) => boolean | Promise<boolean>,
      ...middleware: Middleware<never>[]
    ): Composer<never>;
    branch(
      this: Chained,
      predicate: (ctx: never) => boolean | Promise<boolean>,
      yes: Middleware<never>,
      no: Middleware<never>,
    ): unknown;
  };
  // `on`, `command`, `callbackQuery`, `chatType` and the rest are `filter`s.
  proto.filter = function filter(predicate, ...middleware) {
    const composer = flatComposer(...middleware);
    this.branch(predicate, composer, PASS);
    return composer;
  };
  proto.use = function use(...middleware) {
    const composer = flatComposer(...middleware);
    const self = this as unknown as { handler: Fn };
    if (!this.flatChain) this.flatChain = self.handler === PASS ? [] : [self.handler];
    this.flatChain.push(asFunction(composer));
    self.handler = sequence(this.flatChain);
    return composer;
  };
  tagUpdateKinds(Composer.prototype, (composer) => (composer as Chained).flatChain);
}
