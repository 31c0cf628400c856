import { createApp } from './app';
import { type Config, ConfigError, createConfig, loadDotEnv } from './config';
import { MigrationFailed } from './db/migrate';
import { createLogger } from './logger';

const STOP_DEADLINE_MS = 10_000;

function readConfig(): Config {
  try {
    loadDotEnv();
    return createConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.message.split('\n')) console.error(`Configuration error — ${line}`);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.BOT_TOKEN) {
    const { startPlayground } = await import('./playground/start');
    await startPlayground(config);
    return;
  }
  const log = createLogger(config.LOG_LEVEL, config.BOT_TOKEN);
  let app;
  try {
    app = await createApp(config, { log });
  } catch (err) {
    if (err instanceof MigrationFailed) {
      console.error(`Database error — ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  await app.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Whatever happens, do not hang: a supervisor expects the process gone within seconds.
    setTimeout(() => {
      log.error('stop took too long; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    await app.stop();
    log.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(`Linli could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
