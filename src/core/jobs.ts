/** A scheduled job: a catch-up function run by cron in config.TIMEZONE (see src/scheduler.ts). */
export interface JobSpec {
  name: string;
  /** node-cron expression, evaluated in config.TIMEZONE. */
  cron: string;
  run(now: Date): Promise<void>;
}
