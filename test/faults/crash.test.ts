import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config';
import { systemClock } from '../../src/core/clock';
import { openDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import { createAreas } from '../../src/features';
import { saveFlow } from '../../src/identity/flows';
import { createPlatform, offlineTelegram } from '../../src/platform';
import { FakeBotApi } from '../../src/playground/fake-api';
import { killAll, launch } from '../support/process';

// Issue 14 item 1: a crash right after "✅ 确认提交" must not file twice. Residents are put at the confirm step (their
// flow row written as the bot writes it), all press confirm, the process is SIGKILLed 0–120 ms later, restarted, and
// every resident presses confirm again. Telegram redelivers what the dead process had fetched but not confirmed.
// `npm run faults` runs the long version (FAULTS=full): 180 residents, ten kills.

const FULL = process.env.FAULTS === 'full';
const RESIDENTS = FULL ? 180 : 24;
const KILLS = FULL ? 10 : 2;

let api: FakeBotApi;
afterAll(async () => {
  killAll();
  await api?.close();
});

async function prepare(path: string, ids: number[]) {
  const h = openDatabase(path);
  await migrateToLatest(h.db);
  const config = createConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent' });
  const platform = createPlatform({
    db: h.db,
    config,
    clock: systemClock,
    log: pino({ level: 'silent' }),
    telegram: offlineTelegram,
  });
  const { features, services } = createAreas(platform);
  await features.find((f) => f.name === 'residents')!.demo!();
  const compound = (await services.residents.compounds())[0]!;
  for (const id of ids) {
    await platform.identity.touch({ id, first_name: `R${id}`, language_code: 'zh-hans' });
    await services.residents.setHome(id, compound.id);
    const data = {
      category: 'facilities',
      place: `${id} 号楼下`,
      description: `楼下路灯坏了一个月了（${id}）`,
      latitude: null,
      longitude: null,
      photos: [],
      showName: false,
    };
    await saveFlow(h.db, id, { name: 'petitions.new', step: 'confirm', data }, new Date());
  }
  await h.close();
}

async function petitionsOf(path: string) {
  const h = openDatabase(path);
  const rows = await h.db.selectFrom('petitions').select(['petitioner_id']).execute();
  await h.close();
  const per = new Map<number, number>();
  for (const r of rows) per.set(r.petitioner_id, (per.get(r.petitioner_id) ?? 0) + 1);
  return per;
}

describe('a crash at the confirmation', () => {
  it(`files each petition once: ${RESIDENTS} residents confirm, the process is killed ${KILLS} times`, async () => {
    // Every Telegram call takes 15 ms, as on a real network: any gap between two commits is wide enough to be hit.
    api = await FakeBotApi.start({ allLatencyMs: 15 });
    const path = join(mkdtempSync(join(tmpdir(), 'linli-crash-')), 'c.db');
    const env = { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_PATH: path };
    const per = Math.ceil(RESIDENTS / KILLS);
    for (let k = 0; k < KILLS; k++) {
      const ids = Array.from({ length: per }, (_, i) => 300_000 + k * 1000 + i);
      await prepare(path, ids);
      const bot = launch(env);
      await api.waitForCall((c) => c.method === 'setMyCommands', { timeoutMs: 15_000 });
      const users = ids.map((id) => api.user({ id, first_name: `R${id}`, language_code: 'zh-hans' }));
      for (const u of users) await u.click('pt:ok');
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)));
      bot.child.kill('SIGKILL');
      await bot.exited;
      // back up: what was fetched and not confirmed comes again, and everyone presses confirm once more
      const again = launch(env);
      await api.waitForCall((c) => c.method === 'setMyCommands', { timeoutMs: 15_000, after: api.lastSeq() });
      for (const u of users) await (await u.click('pt:ok')).reply({ timeoutMs: 15_000 });
      const filed = await petitionsOf(path);
      const twice = ids.filter((id) => (filed.get(id) ?? 0) > 1);
      const none = ids.filter((id) => (filed.get(id) ?? 0) === 0);
      expect(twice, 'filed twice').toEqual([]);
      expect(none, 'confirmed but never filed').toEqual([]);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
  }, 180_000);
});
