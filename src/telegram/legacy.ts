// TRANSITION (issue 12): the shapes areas used before services were handed in. Deleted with the last legacy area.
import type { Api, Composer } from 'grammy';
import type { i18n } from 'i18next';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { Db } from '../db/schema';
import type { Logger } from '../logger';
import type { BotContext } from './context';
import type { CommandSpec, JobSpec, MenuItem } from './feature';

export interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  botUsername: () => string;
  wakeDelivery: () => void;
  forgetBroadcast: (broadcastId: number) => void;
  api: () => Api;
  publishCommandsFor: (userId: number) => Promise<void>;
}

export type CliDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'log'> & { out: (line: string) => void };

export interface LegacyFeature {
  name: string;
  composer: Composer<BotContext>;
  commands?: CommandSpec[];
  menu?: MenuItem[];
  jobs?: (deps: Deps) => JobSpec[];
  seedDemo?: (deps: CliDeps) => Promise<string>;
  cli?: Record<string, LegacyCliCommand>;
  deepLinks?: Record<string, (ctx: BotContext, arg: string) => Promise<void>>;
  answersFreeText?: boolean;
  audiences?: Record<string, { labelKey: string; userIds(db: Db, now: Date, tz: string): Promise<number[]> }>;
}

export interface LegacyCliCommand {
  usage: string;
  // biome-ignore lint/suspicious/noConfusingVoidType: the legacy verbs return nothing or an exit code
  run(args: string[], deps: CliDeps): Promise<void | number>;
}

export type LegacyAudience = NonNullable<LegacyFeature['audiences']>[string];
