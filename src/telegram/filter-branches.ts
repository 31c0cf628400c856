import { Composer, type Middleware, type MiddlewareObj } from 'grammy';

type Predicate = (ctx: never) => boolean | Promise<boolean>;
type AnyMiddleware = Middleware<never>;

const asFunction = (mw: AnyMiddleware): ((ctx: never, next: () => Promise<void>) => unknown) =>
  typeof mw === 'function' ? mw : (ctx, next) => (mw as MiddlewareObj<never>).middleware()(ctx, next);

let installed = false;

/**
 * Every `.on()`, `.command()`, `.callbackQuery()` and `.filter()` in every area is a grammY `branch`, and grammY runs a
 * branch through `lazy`: per update and per branch, a new Composer, a chain of closures and an awaited predicate even
 * when it answered synchronously. A free-text flow step passes about 300 such branches before its handler (a petition
 * description: 314, bench -- updates), and that allocation was a large share of the bot's CPU and of its garbage
 * collection. This branch does the same — the true side when the predicate holds, else the false side, with the same
 * `next` — without the per-update Composer, and without a microtask when the predicate is synchronous.
 * Installed once for the process; grammY's own `branch` is replaced, so every Composer (the areas' too) uses it.
 */
export function installDirectBranches(): void {
  if (installed) return;
  installed = true;
  const proto = Composer.prototype as unknown as {
    branch(this: Composer<never>, predicate: Predicate, yes: AnyMiddleware, no: AnyMiddleware): Composer<never>;
  };
  proto.branch = function branch(predicate, yes, no) {
    const onTrue = asFunction(yes);
    const onFalse = asFunction(no);
    return this.use((ctx, next) => {
      const holds = predicate(ctx);
      if (typeof holds === 'boolean') return (holds ? onTrue(ctx, next) : onFalse(ctx, next)) as never;
      return Promise.resolve(holds).then((ok) => (ok ? onTrue(ctx, next) : onFalse(ctx, next))) as never;
    });
  };
}
