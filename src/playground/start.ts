import type { Config } from '../config';

/** Without a token there is nothing to connect to yet: say how to get one. (The playground will live here.) */
export async function startPlayground(_config: Config): Promise<void> {
  console.error(
    'BOT_TOKEN is not set. Create a bot with @BotFather in Telegram (send /newbot), copy the token it gives you, and put BOT_TOKEN=<token> in .env or the environment.',
  );
  process.exit(1);
}
