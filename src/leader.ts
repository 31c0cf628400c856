import type { InstanceLocks } from './db/locks';
import type { Logger } from './logger';
import type { Scheduler } from './scheduler';

/** How often an instance checks it still leads, or tries to: a dead leader is replaced within three of these. */
export const LEAD_CHECK_MS = 5_000;

/**
 * Cron jobs run on exactly one instance: the one holding the leader lock. When it dies its database session ends,
 * the lock is free, and the next instance to check takes it, runs every job once at once (jobs catch up on what
 * fell due meanwhile, and their dedupe keys keep anything from being sent twice), then runs them on schedule.
 */
export class Leadership {
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly locks: InstanceLocks,
    private readonly scheduler: Scheduler,
    private readonly log: Logger,
    private readonly everyMs = LEAD_CHECK_MS,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    const tick = () => {
      this.checking = this.check().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.everyMs).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  private async check(): Promise<void> {
    const now = await this.locks.lead();
    if (now && !this.leading) {
      this.leading = true;
      this.log.info('this instance leads: it runs the scheduled jobs');
      await this.scheduler.runAll();
      this.scheduler.start();
    } else if (!now && this.leading) {
      this.leading = false;
      this.log.warn('this instance lost the lead (its database session ended); another will run the jobs');
      await this.scheduler.stop();
    }
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.checking;
    if (this.leading) await this.scheduler.stop();
    this.leading = false;
  }
}
