import type { Composer } from 'grammy';
import type { Role } from '../features/residents/roles';
import type { BotContext, Deps } from './context';

export type CommandScope = 'all' | Role;

export interface CommandSpec {
  command: string;
  /** Locale key of the one-line description shown in Telegram's menu and /help. */
  descKey: string;
  scope: CommandScope;
}

export interface MenuItem {
  /** Locale key of the button label; the feature's composer handles that text with hearsKey(key). */
  key: string;
  order: number;
}

export interface JobSpec {
  name: string;
  /** node-cron expression, evaluated in config.TIMEZONE. */
  cron: string;
  run(now: Date): Promise<void>;
}

export interface CliCommand {
  /** e.g. 'faq import <file>' — shown in the CLI help. */
  usage: string;
  /** Resolves to the process exit code (nothing = 0); a thrown error exits 1 with its message. */
  run(args: string[], deps: CliDeps): Promise<void | number>;
}

export type CliDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'log'> & { out: (line: string) => void };

/** One vertical slice as the bot, the scheduler and the CLI see it. */
export interface Feature {
  name: string;
  composer: Composer<BotContext>;
  commands?: CommandSpec[];
  menu?: MenuItem[];
  jobs?: (deps: Deps) => JobSpec[];
  /** Loads this area's demo data; must be safe to run twice. Returns a line for the CLI. */
  seedDemo?: (deps: CliDeps) => Promise<string>;
  /** Subcommands for `npm run cli -- <area> <verb>`; keys like 'faq import'. */
  cli?: Record<string, CliCommand>;
  /** /start payload prefixes this area answers, e.g. { p_: openPetition } for t.me/<bot>?start=p_42. */
  deepLinks?: Record<string, (ctx: BotContext, arg: string) => Promise<void>>;
  /**
   * This area answers free text typed outside any flow (the FAQ). Other areas never see such messages: every one of
   * their text handlers is a flow step, and walking hundreds of handlers for each question was most of its cost.
   */
  answersFreeText?: boolean;
  /** Broadcast audiences this area can name, e.g. { 'market.booked': residents booked on the next market day }. */
  audiences?: Record<string, Audience>;
}

export interface Audience {
  /** Locale key of the button label staff see when choosing the audience. */
  labelKey: string;
  /** Telegram user ids of the recipients as of `now`; `tz` is the deployment's time zone for calendar dates. */
  userIds(db: Deps['db'], now: Date, tz: string): Promise<number[]>;
}
