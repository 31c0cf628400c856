// One instance of the real app (src/app.ts) in its own process, so the instances benchmark can SIGKILL it.
// Configured by the environment like `npm start`; prints one JSON line when started ({ ready, instance }), then its
// log lines (JSON, info and above) for the parent to read: who leads the scheduler, what went wrong.
import { createApp } from '../src/app';
import { createConfig } from '../src/config';
import { createLogger } from '../src/logger';

const config = createConfig(process.env);
const log = createLogger('info', config.BOT_TOKEN);
const app = await createApp(config, { log, cron: process.env.BENCH_CRON === '1' });
await app.start();
process.stdout.write(`${JSON.stringify({ ready: app.webhookPort(), instance: await app.instanceId() })}\n`);
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
