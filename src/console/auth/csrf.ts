import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Every form carries a token a foreign page cannot know. A browser session has its own (stored with it); a Mini App
// opening has none stored, so its token is derived from Telegram's signature of that opening with a key of ours.

/** The key Mini App form tokens are made with: from the bot token, so it needs no storage and no configuration. */
export const formKey = (botToken: string) => createHmac('sha256', botToken).update('linli console forms').digest();

export const miniAppCsrf = (key: Buffer, initDataHash: string) =>
  createHmac('sha256', key).update(`csrf:${initDataHash}`).digest('base64url').slice(0, 32);

/** Constant-time: how many characters matched must not show in the answer's timing. */
export function sameToken(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** For the tests and the emulator: a token nobody could guess. */
export const randomToken = () => randomBytes(24).toString('base64url');
