import type { Config } from '../config';
import { isLoopback } from './web/server';

/**
 * `npm start` without BOT_TOKEN runs the playground, where anyone at the page acts as the admin persona. On a
 * machine configured for a real deployment a missing token is a mistake, not a wish to play: refuse, in one line.
 */
export function playgroundRefusal(env: Record<string, string | undefined>, config: Config): string | null {
  const deployed = [
    env.NODE_ENV === 'production' ? 'NODE_ENV=production' : null,
    env.DATABASE_PATH ? 'DATABASE_PATH' : null,
    config.ADMIN_IDS.length ? 'ADMIN_IDS' : null,
  ].filter(Boolean);
  const names = deployed.join(', ');
  if (deployed.length)
    return (
      `BOT_TOKEN is empty but ${names} ${deployed.length > 1 ? 'are' : 'is'} set: this looks like a deployment, so ` +
      `the playground will not start. Set BOT_TOKEN to run the bot, or unset ${names} to try the playground.`
    );
  if (!isLoopback(config.PLAYGROUND_HOST) && !config.PLAYGROUND_PUBLIC)
    return (
      `PLAYGROUND_HOST=${config.PLAYGROUND_HOST} would let anyone on the network act as the admin persona; ` +
      'set PLAYGROUND_PUBLIC=1 if that is really meant.'
    );
  return null;
}
