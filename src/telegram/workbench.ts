import type { Locale } from '../config';
import type { Sheet, Table } from '../core/sheets';
import type { TxHook } from '../db/tx';
import type { TFunction } from '../i18n';
import type { Role, User } from '../identity';
import type { BotContext } from './context';
import type { InlineMarkup } from './port';

// What an area offers the staff and deputy workbench (issue 15): its to-do lines, its task buttons, its imports and
// its exports. The workbench area gathers them from every feature and draws the menus; the area keeps the rules.

/** A line of someone's to-do list: what waits for them, how many, and the button that opens it. */
export interface Todo {
  /** Locale key with `{{count}}` (and `params`), e.g. 'faq.todo.handoffs' → "未回复的居民问题：{{count}} 个". */
  key: string;
  count: number;
  params?: Record<string, string | number>;
  /** Callback data of the area's own handler that opens the list. */
  data: string;
}

/** A task button: staff and deputies reach every task of theirs by tapping, never by typing a command. */
export interface Task {
  /** Locale key of the label. */
  key: string;
  /** Callback data of the area's handler that starts the task (checked for the role again there). */
  data: string;
  roles: Role[];
  order: number;
}

/** A period a report or an export is for, picked with buttons. */
export type Period = { kind: 'month'; month: string } | { kind: 'year'; year: string } | { kind: 'day'; date: string };

export interface ImportCheck {
  /** Rows that would be added and updated; nothing is written by the check. */
  add: number;
  update: number;
  /** Every problem, with the file's own row number (1 = the header), in the reader's language. */
  problems: { row: number; message: string }[];
}

/** A file staff send to load many rows at once: checked in full first, then applied all or nothing. */
export interface Importer {
  key: string;
  /** Locale key of the button label ("救助名单"). */
  labelKey: string;
  /** Locale key of the columns the file needs, shown before the upload. */
  columnsKey: string;
  roles: Role[];
  check(rows: Table, t: TFunction): Promise<ImportCheck>;
  /** Writes every row or none (it checks again); `done` ends the uploader's flow in the same transaction. */
  apply(actor: User, rows: Table, done?: TxHook): Promise<{ added: number; updated: number }>;
}

/** A table staff can download as XLSX and CSV, in their own language. */
export interface Exporter {
  key: string;
  labelKey: string;
  roles: Role[];
  /** Which period the export is for, if any: picked with buttons before it is built. */
  period?: 'month' | 'month-or-year' | 'day';
  /** For a day: the days worth offering (market days, upcoming ones first); else the last eight days. */
  days?: () => Promise<string[]>;
  sheets(t: TFunction, period: Period | null): Promise<Sheet[]>;
  /** File name without extension, e.g. `relief-2026-12`. */
  fileName(period: Period | null): string;
}

export interface WorkbenchContribution {
  todos?: (user: User, roles: ReadonlySet<Role>) => Promise<Todo[]>;
  tasks?: Task[];
  imports?: Importer[];
  exports?: Exporter[];
}

/**
 * A step of setting up the sub-district in the chat (issue 15), offered by the area it concerns: the first admin is
 * walked through every step not yet done, in order, and can redo any of them later from ⚙️ 设置. The step is the
 * area's own conversation; when it is finished, the area's last message offers the setup area's "➡️ 下一步" button
 * (callback data `SETUP_NEXT`), which moves on to the next step that is not done.
 */
export interface SetupStep {
  /** e.g. 'market.venues'. */
  key: string;
  order: number;
  /** Locale key of the step's name in lists and progress ("市集场地"). */
  titleKey: string;
  /** Whether the deployment already has what this step asks for (set in the chat, or by configuration). */
  isDone(): Promise<boolean>;
  /** Starts the step in the admin's chat (the area checks the role again in its handlers). */
  start(ctx: BotContext): Promise<void>;
}

/** Callback data of the "➡️ 下一步" button an area's finished step offers. */
export const SETUP_NEXT = 'su:next';

/**
 * An answer to a free-text question that comes from live data rather than a fixed FAQ entry ("这周有什么活动" →
 * this week's calendar). The FAQ asks every feature's live answers before looking up its entries.
 */
export interface LiveAnswer {
  key: string;
  /** Whether this question is for this answer; `text` is normalised (core/chinese.ts `normalize`). */
  matches(text: string): boolean;
  /** The card to send, or null to let the FAQ answer after all (nothing live to say). */
  answer(user: User, t: TFunction, locale: Locale): Promise<{ text: string; markup?: InlineMarkup } | null>;
}
