import { Composer } from 'grammy';
import type { Identity } from '../identity';
import { commandsFor } from './commands';
import type { BotContext } from './context';
import type { Feature } from './feature';
import { cancelKeyboard } from './keyboards';
import { isKeyText } from './middlewares/match';

/** Whitespace, zero-width and other invisible format characters. */
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/gu;

/** /start with deep links, /help, /cancel and reachability: what every area relies on. */
export function coreBot(features: readonly Feature[], identity: Identity): Composer<BotContext> {
  const core = new Composer<BotContext>();

  // A user who blocks the bot cannot be written to; one who comes back can again.
  core.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (ctx.chat.type !== 'private') return;
    await identity.setReachable(ctx.from.id, status === 'member');
  });

  // A button with no message (inline mode, or a message too old for Telegram to send): there is no card to act on.
  core.on('callback_query').filter(
    (ctx) => ctx.callbackQuery.message === undefined,
    (ctx) => ctx.answerCallbackQuery({ text: ctx.t('common.expired') }),
  );

  const pm = core.chatType('private');

  // Telegram sends an edit as a new update; the flows and the FAQ read messages once, so say the edit was not read.
  pm.on('edited_message', (ctx) => ctx.reply(ctx.t('common.editedIgnored')));

  // Spaces or invisible characters only (a stray tap, a zero-width paste) outside a flow: nothing to look up, and
  // not "you're welcome". Inside a flow the step re-asks with its own example.
  pm.on('message:text').filter(
    (ctx) => ctx.flow === null && ctx.message.text.replace(INVISIBLE, '') === '',
    (ctx) => ctx.reply(ctx.t('common.blankText'), { reply_markup: ctx.mainMenu() }),
  );

  pm.command('cancel', async (ctx) => {
    const had = ctx.flow !== null;
    await ctx.endFlow();
    await ctx.reply(ctx.t(had ? 'common.cancelled' : 'common.nothingToCancel'), { reply_markup: ctx.mainMenu() });
  });
  pm.filter(isKeyText('common.cancelButton'), async (ctx) => {
    await ctx.endFlow();
    await ctx.reply(ctx.t('common.cancelled'), { reply_markup: ctx.mainMenu() });
  });

  const deepLinks = new Map<string, (ctx: BotContext, arg: string) => Promise<void>>();
  for (const f of features) for (const [prefix, fn] of Object.entries(f.deepLinks ?? {})) deepLinks.set(prefix, fn);
  const greet = features.find((f) => f.greet)?.greet;

  pm.command('start', async (ctx) => {
    await ctx.endFlow();
    const payload = ctx.match.trim();
    for (const [prefix, handle] of deepLinks) {
      if (payload.startsWith(prefix) && /^[\w-]{1,60}$/.test(payload)) return handle(ctx, payload.slice(prefix.length));
    }
    if (greet) await greet(ctx);
    else await ctx.reply(ctx.t('common.textHint'), { reply_markup: ctx.mainMenu() });
  });

  // The same few texts (per language and set of roles) for everyone: translate each once.
  const helpTexts = new Map<string, string>();
  const help = async (ctx: BotContext) => {
    const key = `${ctx.locale}|${[...ctx.roles].sort().join(',')}`;
    let text = helpTexts.get(key);
    if (text === undefined) {
      const lines = commandsFor(features, ctx.roles).map((c) => `/${c.command} — ${ctx.t(c.descKey)}`);
      text = ctx.t('common.help', { commands: lines.join('\n') });
      helpTexts.set(key, text);
    }
    await ctx.reply(text, { reply_markup: ctx.mainMenu() });
  };
  pm.command('help', help);
  pm.filter(isKeyText('residents.menu.help'), help);

  // Menu buttons and commands leave any flow in progress: the user chose to do something else.
  const menuTexts = features.flatMap((f) => f.menu ?? []).map((m) => isKeyText(m.key));
  pm.on('message:text').use(async (ctx, next) => {
    const isCommand = ctx.message.text.startsWith('/');
    if (ctx.flow && (isCommand || menuTexts.some((m) => m(ctx)))) await ctx.endFlow();
    await next();
  });
  return core;
}

/** Last in the chain: whatever nobody handled still gets an answer. */
export function unhandledBot(): Composer<BotContext> {
  const last = new Composer<BotContext>();
  last.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('common.expired') }));
  const pm = last.chatType('private');
  pm.on('message:text', async (ctx) => {
    if (ctx.message.text.startsWith('/'))
      return ctx.reply(ctx.t('common.unknownCommand'), { reply_markup: ctx.mainMenu() });
    await ctx.reply(ctx.t('common.textHint'), { reply_markup: ctx.mainMenu() });
  });
  pm.on('message', (ctx) =>
    ctx.flow
      ? ctx.reply(ctx.t('common.unexpectedInFlow'), { reply_markup: cancelKeyboard(ctx) })
      : ctx.reply(ctx.t('common.unsupported')),
  );
  return last;
}
