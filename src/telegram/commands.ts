import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { i18n } from 'i18next';
import type { Locale } from '../config';
import { LOCALES } from '../i18n';
import { hasAny, type Role } from '../identity';
import type { CommandSpec, Feature } from './feature';

/** Commands a user with these roles may use, in menu order. */
export function commandsFor(features: readonly Feature[], roles: ReadonlySet<string>): CommandSpec[] {
  const specs = features
    .flatMap((f) => f.commands ?? [])
    .filter((c) => c.scope === 'all' || hasAny(roles, [c.scope as Role]));
  // A command offered to two roles (the console, for staff and deputies) is listed once.
  return specs.filter((c, i) => specs.findIndex((o) => o.command === c.command) === i);
}

const render = (specs: CommandSpec[], i18n: i18n, lng: Locale): BotCommand[] =>
  specs.map((c) => ({ command: c.command, description: i18n.getFixedT(lng)(c.descKey).slice(0, 256) }));

/** Everyone's menu, once per language; the deployment default also for unknown languages. */
export async function publishDefaultCommands(
  api: Api,
  features: readonly Feature[],
  i18n: i18n,
  defaultLocale: Locale,
): Promise<void> {
  const specs = commandsFor(features, new Set());
  await api.setMyCommands(render(specs, i18n, defaultLocale));
  for (const lng of LOCALES)
    await api.setMyCommands(render(specs, i18n, lng), { language_code: lng === 'zh-CN' ? 'zh' : 'en' });
}

/**
 * Staff, deputy and admin commands appear only in that person's own chat (chat scope). A resident who chose a
 * language gets the menu in it too: Telegram's default menu follows the app's language, not the one chosen here.
 */
export async function publishUserCommands(
  api: Api,
  features: readonly Feature[],
  i18n: i18n,
  userId: number,
  roles: ReadonlySet<string>,
  lng: Locale,
  chosenLanguage = false,
): Promise<void> {
  const scope = { type: 'chat' as const, chat_id: userId };
  if (roles.size === 0 && !chosenLanguage) await api.deleteMyCommands({ scope });
  else await api.setMyCommands(render(commandsFor(features, roles), i18n, lng), { scope });
  await publishMenuButton(api, features, i18n, userId, roles, lng);
}

/**
 * The chat's menu button: a feature's Mini App for the roles it names (the staff console), else Telegram's default.
 * Only when some feature offers one at all: most deployments never make this call.
 */
async function publishMenuButton(
  api: Api,
  features: readonly Feature[],
  i18n: i18n,
  userId: number,
  roles: ReadonlySet<string>,
  lng: Locale,
): Promise<void> {
  const offers = features.flatMap((f) => (f.menuButton ? [f.menuButton] : []));
  if (offers.length === 0) return;
  const spec = offers.map((o) => o(roles as ReadonlySet<Role>)).find((b) => b !== undefined);
  const menu_button = spec
    ? { type: 'web_app' as const, text: i18n.getFixedT(lng)(spec.textKey), web_app: { url: spec.url } }
    : { type: 'default' as const };
  await api.setChatMenuButton({ chat_id: userId, menu_button });
}
