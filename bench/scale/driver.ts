// The scale benchmark's hands: people in Telegram (the fake Bot API of this process) sending one update at a time to
// the app in the child process, each timed from the update being queued to the bot's last reply for it arriving.
import type { ChildProcess } from 'node:child_process';
import type { FakeBotApi, FakeUser, RecordedCall, Sent } from '../../src/playground/fake-api';
import type { StatementStat } from './probe';
import type { FromChild, ToChild } from './protocol';

/** Requests to the child one at a time, and its "update handled" signals. */
export class ChildLink {
  private waiting: { type: string; resolve: (m: FromChild) => void; reject: (e: Error) => void } | undefined;
  private done = new Set<number>();
  private doneWaiters = new Map<number, () => void>();
  exited: string | undefined;

  constructor(readonly child: ChildProcess) {
    child.on('message', (m: FromChild) => {
      if (m.t === 'done') {
        const w = this.doneWaiters.get(m.id);
        if (w) {
          this.doneWaiters.delete(m.id);
          w();
        } else this.done.add(m.id);
        return;
      }
      const w = this.waiting;
      if (w && w.type === m.t) {
        this.waiting = undefined;
        w.resolve(m);
      }
    });
    child.on('exit', (code, signal) => {
      this.exited = `the app process exited (${signal ?? code})`;
      this.waiting?.reject(new Error(this.exited));
    });
  }

  next<T extends FromChild['t']>(type: T): Promise<Extract<FromChild, { t: T }>> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    return new Promise((resolve, reject) => {
      this.waiting = { type, resolve: resolve as (m: FromChild) => void, reject };
    });
  }

  request<T extends FromChild['t']>(msg: ToChild, reply: T): Promise<Extract<FromChild, { t: T }>> {
    const p = this.next(reply);
    this.child.send(msg);
    return p;
  }

  handled(updateId: number, timeoutMs: number): Promise<void> {
    if (this.done.delete(updateId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.doneWaiters.delete(updateId);
        reject(new Error(`update ${updateId} not handled within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.doneWaiters.set(updateId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export interface StepSample {
  /** Update queued → the bot's last call for that chat (the whole answer arrived). */
  ms: number;
  /** Update queued → the bot's first call for that chat. */
  firstMs: number;
  stallMs: number;
  sqlMs: number;
  statements: number;
  /** The longest single SQL statement, and the longest GC pause, in the window. */
  longestSqlMs: number;
  gcMaxMs: number;
  /** Intl.DateTimeFormat objects the app created while handling it. */
  formatters: number;
  formattersMs: number;
  top: StatementStat[];
  calls: number;
}

export type InlineButton = { text: string; callback_data?: string; url?: string };

export const buttonsOf = (calls: RecordedCall[]): InlineButton[] =>
  calls.flatMap((c) =>
    ((c.payload.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard ?? []).flat(),
  );

/** Callback data of the buttons in these calls that match. */
export const dataOf = (calls: RecordedCall[], re: RegExp) =>
  buttonsOf(calls)
    .map((b) => b.callback_data ?? '')
    .filter((d) => re.test(d));

export const textOf = (calls: RecordedCall[]) =>
  calls
    .map((c) => String(c.payload.text ?? c.payload.caption ?? ''))
    .join('\n')
    .replace(/<[^>]+>/g, '');

/** The first button matching `re`, or an error saying what the bot showed instead. */
export function need(calls: RecordedCall[], re: RegExp, what: string): string {
  const d = dataOf(calls, re)[0];
  if (d === undefined)
    throw new Error(`${what}: no button ${re} after "${textOf(calls).slice(0, 160).replace(/\n/g, ' ')}"`);
  return d;
}

export class Driver {
  measuring = false;
  readonly samples = new Map<string, StepSample[]>();
  private stamps = new Map<number, number>();

  constructor(
    readonly api: FakeBotApi,
    private readonly link: ChildLink,
  ) {
    api.on('call', (c: RecordedCall) => this.stamps.set(c.seq, performance.now()));
    api.settle = (id, timeoutMs) => link.handled(id, timeoutMs);
  }

  /** One update, timed: `name` may depend on what the bot answered (a button that books at once, or asks more). */
  async step(
    name: string | ((calls: RecordedCall[]) => string),
    user: FakeUser,
    act: () => Promise<Sent>,
  ): Promise<RecordedCall[]> {
    await this.link.request({ t: 'begin' }, 'begun');
    // Only this update's calls matter; the outbox worker's sends to thousands of others are let go.
    this.api.calls.length = 0;
    this.stamps.clear();
    const t0 = performance.now();
    const sent = await act();
    const all = await sent.reply({ timeoutMs: 120_000 });
    const done = performance.now();
    const w = await this.link.request({ t: 'end' }, 'ended');
    const calls = all.filter((c) => c.chatId === user.id);
    const first = calls.length ? (this.stamps.get(calls[0]!.seq) ?? done) : done;
    const last = calls.length ? (this.stamps.get(calls.at(-1)!.seq) ?? done) : done;
    const label = typeof name === 'string' ? name : name(calls);
    if (this.measuring) {
      const list = this.samples.get(label) ?? [];
      list.push({
        ms: last - t0,
        firstMs: first - t0,
        stallMs: w.stallMs,
        sqlMs: w.sqlMs,
        statements: w.statements,
        longestSqlMs: w.longestSqlMs,
        gcMaxMs: w.gcMaxMs,
        formatters: w.formatters,
        formattersMs: w.formattersMs,
        top: w.top,
        calls: calls.length,
      });
      this.samples.set(label, list);
    }
    return calls;
  }

  say(name: string, user: FakeUser, text: string) {
    return this.step(name, user, () => user.send(text));
  }

  press(name: string | ((calls: RecordedCall[]) => string), user: FakeUser, data: string) {
    return this.step(name, user, () => user.click(data));
  }
}
