import { Composer, InlineKeyboard } from 'grammy';
import type { Identity, Role } from '../identity';
import type { BotContext } from '../telegram/context';
import type { Feature } from '../telegram/feature';
import { requireRole } from '../telegram/middlewares/guard';
import { CONSOLE_ROLES } from './policy';

export interface ConsoleBotDeps {
  identity: Identity;
  /** CONSOLE_PUBLIC_URL, when the console is reachable over HTTPS from outside the server. */
  publicUrl: string | undefined;
  /** Where the console listens (its own network only, when there is no public address). */
  localUrl(): string;
}

/**
 * The console's part of the bot: /console sends a one-time login link (ten minutes, single use); with a public
 * HTTPS address it also offers the console as a Mini App, and staff and deputies get it behind the ☰ menu button.
 */
const OPEN_CONSOLE = 'cs:open';

export function consoleFeature({ identity, publicUrl, localUrl }: ConsoleBotDeps): Feature {
  const bot = new Composer<BotContext>();
  const sendLink = async (ctx: BotContext) => {
    const { token } = await identity.logins.createLink(ctx.user.id);
    const base = publicUrl ?? localUrl();
    const link = `${base}/login/${token}`;
    if (!publicUrl) {
      await ctx.reply(ctx.t('console.bot.linkLocal', { link }), { link_preview_options: { is_disabled: true } });
      return;
    }
    const kb = new InlineKeyboard()
      .webApp(ctx.t('console.bot.openHere'), `${publicUrl}/app`)
      .row()
      .url(ctx.t('console.bot.openBrowser'), link);
    await ctx.reply(ctx.t('console.bot.link', { link }), {
      reply_markup: kb,
      link_preview_options: { is_disabled: true },
    });
  };
  bot.chatType('private').command('console', requireRole(...CONSOLE_ROLES), sendLink);
  // The same link from a button on the workbench: nobody has to know the command.
  bot.callbackQuery(OPEN_CONSOLE, requireRole(...CONSOLE_ROLES), async (ctx) => {
    await ctx.answerCallbackQuery();
    await sendLink(ctx);
  });
  return {
    name: 'console',
    composer: bot,
    workbench: { tasks: [{ key: 'console.bot.task', data: OPEN_CONSOLE, roles: [...CONSOLE_ROLES], order: 90 }] },
    commands: CONSOLE_ROLES.map((scope) => ({ command: 'console', descKey: 'console.bot.command', scope })),
    menuButton: publicUrl
      ? (roles: ReadonlySet<Role>) =>
          CONSOLE_ROLES.some((r) => roles.has(r)) || roles.has('admin')
            ? { textKey: 'console.bot.menuButton', url: `${publicUrl}/app` }
            : undefined
      : undefined,
  };
}
