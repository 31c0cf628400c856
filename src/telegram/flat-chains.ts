import { Composer, type Middleware, type MiddlewareFn, type MiddlewareObj } from 'grammy';

type Fn = MiddlewareFn<never>;
type Chained = Composer<never> & { flatChain?: Fn[] };

/** grammY's own "nothing here yet" handler: a Composer built without middleware starts with it. */
const PASS = new Composer<never>().middleware();

const asFunction = (mw: Middleware<never>): Fn =>
  typeof mw === 'function' ? mw : (ctx, next) => (mw as MiddlewareObj<never>).middleware()(ctx, next);

/**
 * Runs `mws` in order with one `next` per run of the whole list: the list is walked by an index, so a middleware that
 * passes the update on (most of them: every filter that does not match) allocates nothing.
 */
function sequence(mws: Fn[]): Fn {
  return (ctx, next) => {
    // The `next` each middleware gets, set as a property: tsx gives a closure bound to a name its name with a
    // defineProperty call each time one is made, and this one is made on every update for every Composer entered.
    const walk = { i: 0, next };
    walk.next = (): Promise<void> => {
      if (walk.i === mws.length) return next();
      // What grammY promises the middleware before: a promise, never a synchronous throw.
      try {
        const r = mws[walk.i++]!(ctx, walk.next);
        return r instanceof Promise ? r : Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    };
    return walk.next();
  };
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
  };
  proto.use = function use(...middleware) {
    const composer = new Composer<never>(...middleware);
    const self = this as unknown as { handler: Fn };
    if (!this.flatChain) this.flatChain = self.handler === PASS ? [] : [self.handler];
    this.flatChain.push(asFunction(composer));
    self.handler = sequence(this.flatChain);
    return composer;
  };
}
