import type { Context, Keyboard } from 'grammy';
import type { Locale } from '../config';
import type { TxHook } from '../db/tx';
import type { TFunction } from '../i18n';
import type { FlowDef, Role, StoredFlow, User } from '../identity';

/** A flow narrowed by `inFlow(def, ...steps)`: its step and data typed by the flow's definition. */
export interface ActiveFlow<D, S extends string> {
  name: string;
  step: S;
  data: D;
}

/** What the session middleware puts on every update: who, in which language, with which roles, in which flow. */
export interface LinliFlavor {
  user: User;
  roles: ReadonlySet<Role>;
  locale: Locale;
  t: TFunction;
  /** The flow in progress, checked against its definition when loaded; `inFlow()` narrows it. */
  flow: StoredFlow | null;
  /** Starts or moves the user's flow; persisted before the reply is sent. */
  setFlow: SetFlow;
  endFlow(): Promise<void>;
  /**
   * Ends the flow inside a service's transaction: pass it to the service call that completes the flow, so the change
   * and the end of the flow commit together (a crash cannot leave a confirmed flow open to be confirmed again).
   * `result` (what was made: `{ id: 42 }`) is kept so a repeated confirmation can say "already done as #42".
   */
  flowEnd(result?: Record<string, unknown>): TxHook;
  /** The user's last flow, finished (by flowEnd), with its result — until their next flow begins. */
  finished: { name: string; result: Record<string, unknown> } | null;
  /** The persistent main menu in the user's language, with the buttons of their roles. */
  mainMenu(): Keyboard;
}

export type SetFlow = <D, S extends string>(def: FlowDef<D, S>, step: NoInfer<S>, data: NoInfer<D>) => Promise<void>;

export type BotContext = Context & LinliFlavor;

/** A context inside a known flow step, as `inFlow(def, ...)` narrows it. */
export type InFlow<D, S extends string> = BotContext & { flow: ActiveFlow<D, S> };
