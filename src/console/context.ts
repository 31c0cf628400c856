import type { Hono } from 'hono';
import type { Locale } from '../config';
import type { Areas } from '../features';
import type { Role, User } from '../identity';
import type { Platform } from '../platform';

/** A console text in the reader's language, plain (the page escapes it once, as it escapes everything). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Who is asking, established on the server for every request: by a browser session or by Telegram's signature. */
export interface Viewer {
  user: User;
  roles: ReadonlySet<Role>;
  /** 'link': a browser signed in with a login link (cookie); 'miniapp': opened in Telegram (signed initData). */
  door: 'link' | 'miniapp';
  /** The token every form of this viewer carries. */
  csrf: string;
}

export interface ConsoleEnv {
  Variables: {
    viewer: Viewer | null;
    locale: Locale;
    t: Translate;
  };
}

export type ConsoleApp = Hono<ConsoleEnv>;

/** What the console is built with: the platform and the services every area built once (the same as the bot's). */
export interface ConsoleDeps {
  platform: Platform;
  services: Areas['services'];
  /** Where staff reach the console (CONSOLE_PUBLIC_URL, or the address it listens on). */
  baseUrl(): string;
  /**
   * Records a refusal nobody can be named for (a forged signature, a used login link), at most so often a minute:
   * a flood of forgeries stays a trickle in the audit log, with how many were left out.
   */
  refuseAnonymous(what: string, details: Record<string, unknown>): Promise<void>;
}
