import { Composer, Context } from 'grammy';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { installDirectBranches } from '../../src/telegram/filter-branches';
import { installFlatChains } from '../../src/telegram/flat-chains';
import { queryKinds } from '../../src/telegram/update-kinds';
import { textContext } from '../support/text-context';

installDirectBranches();
installFlatChains();

const chat = { id: 1, type: 'private' as const, first_name: 'x' };
const from = { id: 1, is_bot: false, first_name: 'x' };
const contextOf = (update: Update) => new Context(update, {} as never, {} as never);
const press = (data: string) =>
  contextOf({
    update_id: 2,
    callback_query: { id: 'q', from, chat_instance: 'c', data, message: { message_id: 1, date: 0, chat } },
  });
const post = (text: string) =>
  contextOf({
    update_id: 3,
    channel_post: { message_id: 1, date: 0, chat: { id: -1, type: 'channel', title: 'c' }, text },
  });

/** A chain with a handler of every kind it meets, each saying what it saw and passing the update on. */
function recording() {
  const seen: string[] = [];
  const c = new Composer<Context>();
  const note = (what: string) => (_ctx: Context, next: () => Promise<void>) => {
    seen.push(what);
    return next();
  };
  c.callbackQuery('go', note('button go'));
  c.on('message:text', note('message text'));
  c.on(':text', note('any text'));
  c.on(['callback_query:data', 'message:text'], note('button or text'));
  c.callbackQuery(/^x/, note('button x'));
  c.use(note('everything'));
  return { c, seen };
}

describe('middleware left out for updates of another kind', () => {
  it('runs for a text, a button and a channel post exactly what grammY would run, in the same order', async () => {
    const { c, seen } = recording();
    const run = async (ctx: Context) => {
      seen.length = 0;
      await c.middleware()(ctx, async () => void seen.push('caller next'));
      return [...seen];
    };
    expect(await run(textContext('hi'))).toEqual([
      'message text',
      'any text',
      'button or text',
      'everything',
      'caller next',
    ]);
    expect(await run(press('go'))).toEqual(['button go', 'button or text', 'everything', 'caller next']);
    expect(await run(press('xy'))).toEqual(['button or text', 'button x', 'everything', 'caller next']);
    expect(await run(post('hi'))).toEqual(['any text', 'everything', 'caller next']);
    // The same kind again, once its list is made.
    expect(await run(textContext('again'))).toEqual(await run(textContext('hi')));
  });

  it('sees a button handler added after the chain has already run for texts and buttons', async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    c.on('message:text', (_ctx, next) => next());
    await c.middleware()(textContext('a'), async () => void seen.push('text passed'));
    await c.middleware()(press('late'), async () => void seen.push('button passed'));
    c.callbackQuery('late', () => void seen.push('late handler'));
    await c.middleware()(press('late'), async () => void seen.push('button passed again'));
    expect(seen).toEqual(['text passed', 'button passed', 'late handler']);
  });

  it('still runs a message handler for a message handed back with a mark of its own on the update', async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    c.on('message:text', () => void seen.push('handled'));
    const replayed = textContext('carry on');
    (replayed.update as unknown as Record<string, unknown>).replay = 'emergency';
    await c.middleware()(replayed, async () => void seen.push('passed on'));
    expect(seen).toEqual(['handled']);
  });

  it('names the kinds of a query only where the query names them itself', () => {
    expect(queryKinds('message:text')).toEqual(['message']);
    expect(queryKinds(['message:text', 'message:caption', 'callback_query:data'])).toEqual([
      'message',
      'callback_query',
    ]);
    expect(queryKinds(':text')).toBeUndefined();
    expect(queryKinds(['message:photo', 'msg:text'])).toBeUndefined();
    expect(queryKinds('edit')).toBeUndefined();
  });
});
