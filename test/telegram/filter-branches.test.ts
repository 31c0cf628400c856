import { Composer, type Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { installDirectBranches } from '../../src/telegram/filter-branches';
import { textContext } from '../support/text-context';

installDirectBranches();

const update = textContext;

describe('filters without a Composer per update', () => {
  it('runs a handler only when its filter holds, sync or async, and passes everything else on in order', async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    c.filter(
      (ctx) => ctx.message?.text === 'a',
      () => void seen.push('sync a'),
    );
    c.filter(
      async (ctx) => ctx.message?.text === 'b',
      () => void seen.push('async b'),
    );
    c.on('message:text').filter(
      (ctx) => ctx.message.text === 'c',
      async (_ctx, next) => {
        seen.push('c then next');
        await next();
      },
    );
    c.use(() => void seen.push('fallthrough'));
    for (const text of ['a', 'b', 'c', 'd']) await c.middleware()(update(text), async () => {});
    expect(seen).toEqual(['sync a', 'async b', 'c then next', 'fallthrough', 'fallthrough']);
  });

  it('sees handlers added to a filter after it was installed, and surfaces their errors', async () => {
    const c = new Composer<Context>();
    const inner = c.filter(() => true);
    inner.use(() => {
      throw new Error('from a handler added later');
    });
    await expect(c.middleware()(update('x'), async () => {})).rejects.toThrow('from a handler added later');
  });

  it('falls back to the other side of a branch when the predicate does not hold', async () => {
    const c = new Composer<Context>();
    const seen: string[] = [];
    c.branch(
      (ctx) => ctx.message?.text === 'yes',
      () => void seen.push('yes'),
      () => void seen.push('no'),
    );
    await c.middleware()(update('yes'), async () => {});
    await c.middleware()(update('nope'), async () => {});
    expect(seen).toEqual(['yes', 'no']);
  });
});
