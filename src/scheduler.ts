import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from './core/clock';
import type { JobSpec } from './core/jobs';
import type { Logger } from './logger';

/**
 * Jobs are catch-up functions: each asks "what is due as of now?" and queues it under a dedupe key,
 * so a missed minute or a restart never loses a reminder and running twice never sends twice.
 */
export class Scheduler {
  private tasks: ScheduledTask[] = [];
  constructor(
    private readonly jobs: JobSpec[],
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly timezone: string,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      const task = cron.schedule(job.cron, () => this.runJob(job), {
        timezone: this.timezone,
        noOverlap: true,
        name: job.name,
      });
      this.tasks.push(task);
    }
  }

  /** Runs every job once now (the playground's clock control and tests use this). */
  async runAll(): Promise<void> {
    for (const job of this.jobs) await this.runJob(job);
  }

  private async runJob(job: JobSpec): Promise<void> {
    try {
      await job.run(this.clock.now());
    } catch (err) {
      this.log.error({ err, job: job.name }, 'scheduled job failed');
    }
  }

  async stop(): Promise<void> {
    for (const t of this.tasks) await t.stop();
    this.tasks = [];
  }
}
