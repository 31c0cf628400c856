import { Composer, type Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { installDirectBranches } from '../../src/telegram/filter-branches';
import { flatComposer, installFlatChains } from '../../src/telegram/flat-chains';
import { textContext } from '../support/text-context';

installDirectBranches();
installFlatChains();

const update = textContext;

describe('middleware chains walked by index', () => {
  it('runs middleware in order, nested composers included, and ends with the caller’s next', async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    c.use(async (_ctx, next) => {
      seen.push('first');
      await next();
      seen.push('first after');
    });
    c.on('message:text').use((_ctx, next) => {
      seen.push('on text');
      return next();
    });
    c.filter(
      (ctx) => ctx.message?.text === 'other',
      () => void seen.push('not this one'),
    );
    c.use((_ctx, next) => next());
    await c.middleware()(update('a'), async () => void seen.push('caller next'));
    expect(seen).toEqual(['first', 'on text', 'caller next', 'first after']);
  });

  it('stops where a middleware does not call next, and still runs the next update from the start', async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    c.filter(
      (ctx) => ctx.message?.text === 'stop',
      () => void seen.push('stopped'),
    );
    c.use(() => void seen.push('reached the end'));
    for (const text of ['stop', 'go', 'stop']) await c.middleware()(update(text), async () => {});
    expect(seen).toEqual(['stopped', 'reached the end', 'stopped']);
  });

  it('gives next() a promise even when what follows is synchronous', async () => {
    const c = new Composer<Context>();
    let got: unknown;
    c.use((_ctx, next) => {
      got = next();
      return got as Promise<void>;
    });
    c.use(() => {});
    await c.middleware()(update('x'), async () => {});
    expect(got).toBeInstanceOf(Promise);
  });

  it('rejects to the caller whether a middleware throws at once or later, and lets an earlier one catch it', async () => {
    const c = new Composer<Context>();
    const caught: string[] = [];
    c.use((_ctx, next) =>
      next().catch((err: Error) => {
        caught.push(err.message);
        throw err;
      }),
    );
    c.filter(
      (ctx) => ctx.message?.text === 'sync',
      () => {
        throw new Error('thrown at once');
      },
    );
    c.use(async () => {
      throw new Error('thrown later');
    });
    await expect(c.middleware()(update('sync'), async () => {})).rejects.toThrow('thrown at once');
    await expect(c.middleware()(update('async'), async () => {})).rejects.toThrow('thrown later');
    expect(caught).toEqual(['thrown at once', 'thrown later']);
  });

  it('sees middleware added after the chain was first run', async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    c.use((_ctx, next) => next());
    await c.middleware()(update('x'), async () => void seen.push('end before'));
    c.use(() => void seen.push('added later'));
    await c.middleware()(update('x'), async () => void seen.push('end after'));
    expect(seen).toEqual(['end before', 'added later']);
  });

  it('runs a Composer of several bots in order, each passing on to the next, and it can still grow', async () => {
    const seen: string[] = [];
    const bot = (name: string) => {
      const b = new Composer<Context>();
      b.filter(
        (ctx) => ctx.message?.text === name,
        () => void seen.push(`${name} handled`),
      );
      return b;
    };
    const area = flatComposer<Context>(bot('staff'), bot('resident'));
    area.use(() => void seen.push('area end'));
    for (const text of ['resident', 'staff', 'other']) await area.middleware()(update(text), async () => {});
    expect(seen).toEqual(['resident handled', 'staff handled', 'area end']);
    const failing = flatComposer<Context>(bot('x'), async () => {
      throw new Error('from the second bot');
    });
    await expect(failing.middleware()(update('y'), async () => {})).rejects.toThrow('from the second bot');
  });
});
