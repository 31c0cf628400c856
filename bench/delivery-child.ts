// A delivery worker in its own process, so the broadcast benchmark can SIGKILL it half way.
// Configured by the same environment as the bot; exits 0 when the outbox has nothing left to send.
import { pino } from 'pino';
import { createConfig } from '../src/config';
import { systemClock } from '../src/core/clock';
import { openDatabase } from '../src/db/client';
import { migrateToLatest } from '../src/db/migrate';
import { createPlatform, offlineTelegram } from '../src/platform';
import { DeliveryWorker } from '../src/telegram/delivery/worker';

const config = createConfig(process.env);
const h = openDatabase(config.DATABASE_PATH);
await migrateToLatest(h.db);
const log = pino({ level: 'warn' });
const platform = createPlatform({ db: h.db, config, clock: systemClock, log, telegram: offlineTelegram });
const worker = new DeliveryWorker(platform);
const t0 = performance.now();
worker.start();
for (;;) {
  await new Promise((r) => setTimeout(r, 200));
  // an index lookup: a full count every 200 ms would itself stall the worker it measures
  if (!(await platform.outbox.hasPending())) break;
}
await worker.stop();
await h.close();
process.stdout.write(
  `${JSON.stringify({
    elapsedMs: performance.now() - t0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb: process.memoryUsage().heapUsed / 1048576,
    stats: worker.stats,
  })}\n`,
);
process.exit(0);
