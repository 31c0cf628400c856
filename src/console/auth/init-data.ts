import { validate } from '@telegram-apps/init-data-node';
import type { TelegramProfile } from '../../identity';
import { consolePolicy } from '../policy';

export type InitDataProblem = 'malformed' | 'signature' | 'expired' | 'future';

/** Telegram's Mini App data did not prove who is asking; `claimed` is the user id it names, unverified. */
export class InitDataRefused extends Error {
  constructor(
    readonly problem: InitDataProblem,
    readonly claimed: number | null,
  ) {
    super(`initData refused: ${problem}`);
  }
}

export interface VerifiedInitData {
  profile: TelegramProfile;
  authDate: Date;
  /** Telegram's signature of this data: the console's form token for this opening is derived from it. */
  hash: string;
}

function claimedUser(params: URLSearchParams): (TelegramProfile & { id: number }) | null {
  try {
    const u = JSON.parse(params.get('user') ?? 'null') as Record<string, unknown> | null;
    if (!u || !Number.isSafeInteger(u.id) || (u.id as number) <= 0) return null;
    const str = (k: string) => (typeof u[k] === 'string' ? (u[k] as string) : undefined);
    return {
      id: u.id as number,
      first_name: str('first_name'),
      last_name: str('last_name'),
      username: str('username'),
      language_code: str('language_code'),
    };
  } catch {
    return null;
  }
}

/**
 * Checks a Mini App's initData as Telegram's documentation says: the HMAC with the bot token (by the maintained
 * library), then its age against our clock (injected, so tests and the playground can move it): at most an hour old.
 */
export function verifyInitData(raw: string, botToken: string, now: Date): VerifiedInitData {
  if (raw.length === 0 || raw.length > consolePolicy.initDataMaxChars) throw new InitDataRefused('malformed', null);
  const params = new URLSearchParams(raw);
  const user = claimedUser(params);
  const claimed = user?.id ?? null;
  try {
    // The library's own expiry reads the system clock; ours is checked below.
    validate(params, botToken, { expiresIn: 0 });
  } catch {
    throw new InitDataRefused('signature', claimed);
  }
  const authSec = Number(params.get('auth_date'));
  if (!user || !Number.isSafeInteger(authSec)) throw new InitDataRefused('malformed', claimed);
  const ageSec = now.getTime() / 1000 - authSec;
  if (ageSec > consolePolicy.initDataMaxAgeSec) throw new InitDataRefused('expired', claimed);
  if (ageSec < -consolePolicy.initDataSkewSec) throw new InitDataRefused('future', claimed);
  return { profile: user, authDate: new Date(authSec * 1000), hash: params.get('hash') ?? '' };
}
