import type { Composer } from 'grammy';
import type { JobSpec } from '../core/jobs';
import type { FlowDef, Role } from '../identity';
import type { BotContext } from './context';
import type { LiveAnswer, SetupStep, WorkbenchContribution } from './workbench';

export type CommandScope = 'all' | Role;

export interface CommandSpec {
  command: string;
  /** Locale key of the one-line description shown in Telegram's menu and /help. */
  descKey: string;
  scope: CommandScope;
}

export interface MenuItem {
  /** Locale key of the button label; the feature's composer handles that text with isKeyText(key). */
  key: string;
  order: number;
  /** Shown only to people holding one of these roles (admins count as staff); everyone when absent. */
  roles?: Role[];
}

export type { JobSpec } from '../core/jobs';

export interface CliCommand {
  /** e.g. 'faq import <file>' — shown in the CLI help. */
  usage: string;
  /** Resolves to the process exit code (nothing = 0); a thrown error exits 1 with its message. */
  run(args: string[], out: (line: string) => void): Promise<undefined | number>;
}

/** A Mini App the ☰ menu button beside a person's text box opens (the staff console, for the roles that use it). */
export interface MenuButtonSpec {
  /** Locale key of the button's label. */
  textKey: string;
  /** An https address Telegram opens inside the app. */
  url: string;
}

export interface Audience {
  /** Locale key of the button label staff see when choosing the audience. */
  labelKey: string;
  /** Telegram user ids of the recipients as of `now`. */
  userIds(now: Date): Promise<number[]>;
}

/**
 * One area as the bot, the scheduler and the CLI see it, built by the area's index.ts from the services it was
 * handed (see README, "How to add a feature").
 */
export interface Feature {
  name: string;
  composer?: Composer<BotContext>;
  /**
   * Sees every update first, after the session and before any command, flow or other area: the safety area's
   * emergency check, which must answer danger before anything takes the text as something else.
   */
  screen?: Composer<BotContext>;
  commands?: CommandSpec[];
  menu?: MenuItem[];
  /** Every flow the area declares: a stored flow is checked against its definition when it is loaded. */
  // biome-ignore lint/suspicious/noExplicitAny: a list of flows of different data types
  flows?: readonly FlowDef<any, string>[];
  jobs?: JobSpec[];
  /** Loads this area's demo data (playground, `seed demo`); safe to run twice. Returns a line for the CLI. */
  demo?: () => Promise<string>;
  /** Subcommands for `npm run cli -- <area> <verb>`; keys like 'faq import'. */
  cli?: Record<string, CliCommand>;
  /** /start payload prefixes this area answers, e.g. { p_: openPetition } for t.me/<bot>?start=p_42. */
  deepLinks?: Record<string, (ctx: BotContext, arg: string) => Promise<void>>;
  /** What a plain /start shows (the residents area greets); the first feature that has it answers. */
  greet?: (ctx: BotContext) => Promise<void>;
  /**
   * This area answers free text typed outside any flow (the FAQ). Other areas never see such messages: every one of
   * their text handlers is a flow step, and walking hundreds of handlers for each question was most of its cost.
   */
  answersFreeText?: boolean;
  /** Broadcast audiences this area can name, e.g. { 'market.booked': residents booked on the next market day }. */
  audiences?: Record<string, Audience>;
  /** What this area puts on the staff and deputy workbench: to-do lines, task buttons, imports, exports. */
  workbench?: WorkbenchContribution;
  /** The steps of setting up the sub-district in the chat that concern this area. */
  setup?: SetupStep[];
  /** Answers to free-text questions from this area's live data, which the FAQ offers before its entries. */
  liveAnswers?: LiveAnswer[];
  /**
   * The menu button this person's chat shows instead of the command list, if any (set with their command menu:
   * at start for privileged people, and whenever their roles change). The first feature that gives one wins.
   */
  menuButton?: (roles: ReadonlySet<Role>) => MenuButtonSpec | undefined;
}
