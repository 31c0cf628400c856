import type { Api, Context, Keyboard } from 'grammy';
import type { i18n } from 'i18next';
import type { Config, Locale } from '../config';
import type { Clock } from '../core/clock';
import type { Db, UserRow } from '../db/schema';
import type { Flow } from '../features/flows/service';
import type { TFunction } from '../i18n';
import type { Logger } from '../logger';

/** What every handler can reach: built once in the composition root. */
export interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  /** The bot's @username, known after getMe; used for deep links. */
  botUsername: () => string;
  /** Tells the delivery worker that new rows are queued, so it need not wait for its next poll. */
  wakeDelivery: () => void;
  /** A broadcast was stopped: the worker drops what it had claimed of it but not yet sent. */
  forgetBroadcast: (broadcastId: number) => void;
  /** Bot API without auto-retry, for background work (command menus after a role change). */
  api: () => Api;
  /** Shows a user the command menu of their roles (after a role change). Never throws. */
  publishCommandsFor: (userId: number) => Promise<void>;
}

export interface LinliFlavor {
  deps: Deps;
  user: UserRow;
  roles: ReadonlySet<string>;
  locale: Locale;
  t: TFunction;
  flow: Flow | null;
  /** Starts or moves the user's flow; persisted before the reply is sent. */
  setFlow(name: string, step: string, data?: Record<string, unknown>): Promise<void>;
  endFlow(): Promise<void>;
  /** The persistent main menu in the user's language. */
  mainMenu(): Keyboard;
}

export type BotContext = Context & LinliFlavor;
