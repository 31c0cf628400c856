import type { Logger } from '../logger';

/** A supervisor expects the process gone within seconds of SIGTERM. */
export const STOP_DEADLINE_MS = 10_000;

/**
 * SIGINT/SIGTERM → `stop()` once, then exit 0; exit 1 if stopping hangs past the deadline. The one graceful stop
 * shared by the bot (main.ts) and the playground.
 */
export function stopOnSignals(stop: () => Promise<void>, log: Logger, what = 'Linli'): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `stopping ${what}`);
    setTimeout(() => {
      log.error('stop took too long; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    try {
      await stop();
      log.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'stop failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void onSignal('SIGINT'));
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
}
