// One instance of the real app (src/app.ts) in its own process, so the instances benchmark can SIGKILL it.
// Configured by the environment like `npm start`; prints one JSON line when started ({ ready, instance }), then its
// log lines (JSON, info and above) for the parent to read: who leads the scheduler, what went wrong.
import { createApp } from '../src/app';
import { createConfig } from '../src/config';
import { createLogger } from '../src/logger';

const config = createConfig(process.env);
const log = createLogger('info', config.BOT_TOKEN);
// BENCH_JOB_CRON: {"job name": "cron spec"} — a job on a schedule of seconds, so a bench need not wait minutes.
const jobCron = JSON.parse(process.env.BENCH_JOB_CRON ?? '{}') as Record<string, string>;
const app = await createApp(config, { log, cron: process.env.BENCH_CRON === '1', jobCron });
await app.start();
process.stdout.write(`${JSON.stringify({ ready: app.webhookPort(), instance: await app.instanceId() })}\n`);
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
