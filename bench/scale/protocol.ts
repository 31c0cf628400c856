// Messages between the scale benchmark (parent: fake Telegram and the driver) and the app it measures (child).
import type { Anatomy } from '../anatomy';
import type { MonthResult } from './month';
import type { StatementStat } from './probe';

export type ToChild =
  | { t: 'begin' }
  | { t: 'end' }
  | { t: 'jobs'; runs: number; only?: string }
  | { t: 'memory' }
  /** Ends the threads the app starts on demand (charts, spreadsheets, heavy reads), to see what they held. */
  | { t: 'end-threads' }
  | { t: 'rss' }
  | { t: 'explain'; items: { sql: string; args: unknown[] }[] }
  | { t: 'month'; days: number }
  | { t: 'stop' };

export interface JobRun {
  name: string;
  cron: string;
  run: number;
  ms: number;
  stallMs: number;
  sqlMs: number;
  statements: number;
  longestSqlMs: number;
  gcMaxMs: number;
  gcMs: number;
  /** Intl.DateTimeFormat objects created during the run, and the time creating them took. */
  formatters: number;
  formattersMs: number;
  top: StatementStat[];
  /** RSS of the process before and after the run. */
  rssBefore: number;
  rssAfter: number;
  /** Rows the run added to the outbox, to shared outbox contents and to the audit log. */
  deliveries: number;
  contents: number;
  audit: number;
  error: string | null;
}

export type FromChild =
  | {
      t: 'ready';
      openMs: number;
      busy: boolean;
      memoIntl: boolean;
      rss: number;
      jobs: { name: string; cron: string }[];
    }
  | { t: 'done'; id: number }
  | { t: 'begun' }
  | {
      t: 'ended';
      stallMs: number;
      sqlMs: number;
      statements: number;
      longestSqlMs: number;
      gcMaxMs: number;
      gcMs: number;
      formatters: number;
      formattersMs: number;
      top: StatementStat[];
    }
  | { t: 'jobs'; runs: JobRun[] }
  | {
      t: 'memory';
      rss: number;
      heapTotal: number;
      heapUsed: number;
      external: number;
      peakRss: number;
      /** The highest RSS since the previous memory request (the phase in between). */
      peakSinceLast: number;
      forcedGc: boolean;
      rssAnon?: number;
      rssFile?: number;
      /** RSS by holder (bench/anatomy.ts). */
      anatomy: Anatomy;
    }
  | { t: 'threads-ended' }
  | { t: 'rss'; rss: number; peak: number }
  | { t: 'plans'; plans: string[][] }
  | { t: 'month'; result: MonthResult }
  | { t: 'stopped'; peakRss: number; maxRss: number };
