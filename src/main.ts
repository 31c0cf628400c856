import { createApp } from './app';
import { type Config, ConfigError, createConfig, loadDotEnv } from './config';
import { PortInUse } from './core/port-in-use';
import { stopOnSignals } from './core/shutdown';
import { MigrationFailed } from './db/migrate';
import { createLogger } from './logger';

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
    const { playgroundRefusal } = await import('./playground/guard');
    const refusal = playgroundRefusal(process.env, config);
    if (refusal) {
      console.error(`Playground refused — ${refusal}`);
      process.exit(1);
    }
    const { startPlayground } = await import('./playground/start');
    await startPlayground(config);
    return;
  }
  const log = createLogger(config.LOG_LEVEL, config.BOT_TOKEN);
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config, {
      log,
      onFatal: (reason) => {
        console.error(`Linli stopped — ${reason}`);
        void app.stop().finally(() => process.exit(1));
      },
    });
  } catch (err) {
    if (err instanceof MigrationFailed) {
      console.error(`Database error — ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  // Before start: a supervisor may stop us while Telegram is still being reached.
  stopOnSignals(() => app.stop(), log);
  await app.start();
}

main().catch((err) => {
  if (err instanceof PortInUse) {
    console.error(`Configuration error — ${err.message}`);
    process.exit(1);
  }
  console.error(`Linli could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
