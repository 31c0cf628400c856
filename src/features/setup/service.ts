import { recordAudit } from '../../identity';
import type { OutContent, OutMessage } from '../../outbox/service';
import type { Platform } from '../../platform';
import type { SetupStep } from '../../telegram/workbench';
import { CB } from './callbacks';
import { UnknownStep } from './errors';
import { setupCompleted, setupSkipped, setupStarted } from './policy';
import * as store from './store';

export interface SetupDeps {
  /** Every area's set-up steps, gathered lazily (the features include this one). */
  steps: () => readonly SetupStep[];
  /** Whether residents have somewhere to live yet (a deployment with places predates the walk-through). */
  hasPlaces: () => Promise<boolean>;
  /** Communities that are not the demo's (a real deployment's). */
  ownCommunities: () => Promise<string[]>;
  /** What those who wrote before the set-up are sent when it is finished, with the button to begin. */
  readyNotice: () => Promise<Extract<OutContent, { key: string }>>;
}

export interface StepState {
  step: SetupStep;
  done: boolean;
}

/** Setting the sub-district up in the chat: the steps of every area in order, and whether residents may begin. */
export type SetupService = ReturnType<typeof createSetupService>;

export function createSetupService({ db, clock, outbox, settings }: Platform, deps: SetupDeps) {
  const steps = () => [...deps.steps()].sort((a, b) => a.order - b.order);
  const isComplete = () => settings.isSet(setupCompleted);

  return {
    steps,
    isComplete,
    step(key: string): SetupStep {
      const s = steps().find((x) => x.key === key);
      if (!s) throw new UnknownStep();
      return s;
    },
    async states(): Promise<StepState[]> {
      return Promise.all(steps().map(async (step) => ({ step, done: await step.isDone() })));
    },
    /** The walk-through's next step: the first not done and not skipped; undefined when none is left. */
    async next(): Promise<SetupStep | undefined> {
      const skipped = new Set(settings.get(setupSkipped));
      for (const s of steps()) if (!skipped.has(s.key) && !(await s.isDone())) return s;
      return undefined;
    },
    /** Whether any step is still not done (skipped ones included): then residents are let in only by the button. */
    async anyLeft(): Promise<boolean> {
      for (const s of steps()) if (!(await s.isDone())) return true;
      return false;
    },
    /** The admin skips a step in the walk-through (audited, as every setting); it waits in ⚙️ 设置. */
    async skip(actorId: number, key: string): Promise<void> {
      this.step(key);
      const skipped = settings.get(setupSkipped);
      if (!skipped.includes(key)) await settings.set(actorId, setupSkipped, [...skipped, key]);
    },
    /**
     * Whether residents may begin: the set-up was finished, or — a deployment from before the walk-through existed —
     * nobody began it and there are places to live in.
     */
    async isReady(): Promise<boolean> {
      if (isComplete()) return true;
      if (settings.isSet(setupStarted)) return false;
      return deps.hasPlaces();
    },
    /**
     * Why this database holds a real deployment's data, which `seed demo` must not touch (fake residents, petitions
     * and ledger entries would be mixed with real ones, and ledger entries cannot be deleted); null when it holds none.
     */
    async realData(): Promise<string | null> {
      // (the demo marks itself complete, but only an admin in the chat starts the set-up)
      if (settings.isSet(setupStarted)) return 'the sub-district was set up in the chat';
      const own = await deps.ownCommunities();
      if (own.length) return `it has communities of its own (${own.slice(0, 3).join(', ')})`;
      return null;
    },
    /** The first admin begins the walk-through: from now on residents wait until it is finished. */
    async begin(actorId: number): Promise<void> {
      if (!settings.isSet(setupStarted)) await settings.set(actorId, setupStarted, clock.now().toISOString());
    },
    /** Someone who wrote before the set-up was finished: they are greeted when it is. */
    wait: (userId: number) => store.addWaiting(db, userId, clock.now().toISOString()),
    /**
     * Finishes the set-up: everyone who was told it is being prepared is sent the greeting, through the outbox, in
     * the transaction that records it (a restart loses nobody; a second call greets nobody twice).
     */
    async complete(actorId: number): Promise<{ greeted: number; already: boolean }> {
      if (isComplete()) return { greeted: 0, already: true };
      const notice: OutContent = { ...(await deps.readyNotice()), buttons: [[{ key: 'setup.begin', data: CB.hello }]] };
      const now = clock.now();
      const greeted = await db.transaction().execute(async (trx) => {
        const waiting = await store.listWaiting(trx);
        const msgs: OutMessage[] = waiting.map((userId) => ({
          dedupeKey: `setup:ready:${userId}`,
          chatId: userId,
          userId,
          category: 'personal',
          content: notice,
        }));
        await outbox.enqueue(trx, msgs, now);
        await store.clearWaiting(trx);
        if (!settings.isSet(setupStarted)) await settings.set(actorId, setupStarted, now.toISOString(), trx);
        await settings.set(actorId, setupCompleted, now.toISOString(), trx);
        await recordAudit(trx, { actorId, action: 'setup.complete', details: { greeted: msgs.length } }, now);
        return msgs.length;
      });
      return { greeted, already: false };
    },
  };
}
