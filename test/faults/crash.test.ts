import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config';
import { systemClock } from '../../src/core/clock';
import { openDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import type { DbOrTx } from '../../src/db/schema';
import { type Areas, createAreas } from '../../src/features';
import { seedCatalogue } from '../../src/features/market/demo';
import { saveFlow } from '../../src/identity/flows';
import { createPlatform, offlineTelegram, type Platform } from '../../src/platform';
import { FakeBotApi } from '../../src/playground/fake-api';
import { killAll, launch } from '../support/process';

// Issue 14 item 1: a crash right after a confirmation must not do the thing twice, nor lose it. For each area's
// confirm, people are put at that step (their flow row written as the bot writes it), all press confirm, the process
// is SIGKILLed 0–120 ms after the first of them is answered, restarted, and everyone presses confirm again. Telegram
// redelivers what the dead process had fetched but not confirmed. `npm run faults` runs the long version
// (FAULTS=full): up to 180 people and ten kills per area.

const FULL = process.env.FAULTS === 'full';
const ZONE = 'Asia/Shanghai';

/** A calendar day in the bot's zone, `days` from today (the child processes run on the real clock). */
const localDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));

interface Bed {
  db: DbOrTx;
  platform: Platform;
  services: Areas['services'];
}

/** One confirmation: how a person is put at it, the button that confirms, and how many times each person's thing exists. */
interface Confirm {
  area: string;
  people: number;
  kills: number;
  /** Once per database, before anyone is put at the step. */
  setup(bed: Bed): Promise<void>;
  /** Puts one person at the confirm step; returns the confirm button's data. */
  put(bed: Bed, id: number): Promise<string>;
  /** Per person: how many of their thing the database holds. */
  made(db: DbOrTx): Promise<Map<number, number>>;
}

const perPerson = (rows: { who: number | null; n: number | string | bigint }[]) =>
  new Map(rows.filter((r) => r.who !== null).map((r) => [Number(r.who), Number(r.n)]));

async function resident(bed: Bed, id: number) {
  await bed.platform.identity.touch({ id, first_name: `R${id}`, language_code: 'zh-hans' });
  const compound = (await bed.services.residents.compounds())[0]!;
  await bed.services.residents.setHome(id, compound.id);
}

async function staffMember(bed: Bed, id: number) {
  await bed.platform.identity.touch({ id, first_name: `S${id}`, language_code: 'zh-hans' });
  await bed.platform.identity.grant(null, id, 'staff');
}

const residentsDemo = async ({ services }: Bed, areas: Areas['features']) => {
  if ((await services.residents.compounds()).length === 0) await areas.find((f) => f.name === 'residents')!.demo!();
};

function confirms(features: () => Areas['features']): Confirm[] {
  let desk = 0;
  return [
    {
      area: 'filing a petition',
      people: FULL ? 180 : 24,
      kills: FULL ? 10 : 2,
      setup: (bed) => residentsDemo(bed, features()),
      async put(bed, id) {
        await resident(bed, id);
        const data = {
          category: 'facilities',
          place: `${id} 号楼下`,
          description: `楼下路灯坏了一个月了（${id}）`,
          latitude: null,
          longitude: null,
          photos: [],
          showName: false,
        };
        await saveFlow(bed.db, id, { name: 'petitions.new', step: 'confirm', data }, new Date());
        return 'pt:ok';
      },
      made: async (db) =>
        perPerson(
          await db
            .selectFrom('petitions')
            .select((eb) => ['petitioner_id as who', eb.fn.countAll().as('n')])
            .groupBy('petitioner_id')
            .execute(),
        ),
    },
    {
      area: 'booking a market service',
      people: FULL ? 180 : 12,
      kills: FULL ? 10 : 1,
      async setup(bed) {
        await residentsDemo(bed, features());
        const { market, residents } = bed.services;
        await seedCatalogue(bed.db);
        const compound = (await residents.compounds())[0]!;
        const venue = await market.addVenue(null, {
          nameZh: '荷塘花园 3 栋前广场',
          nameEn: null,
          address: '',
          compoundId: compound.id,
          latitude: null,
          longitude: null,
        });
        const appliance = (await market.services()).find((s) => s.code === 'appliance')!;
        const id = await market.createMarket(null, {
          date: localDay(3),
          startsAt: '09:00',
          endsAt: '12:00',
          venueId: venue.id,
          services: [{ serviceId: appliance.id, capacity: 500 }],
        });
        await market.publishMarket(null, id);
      },
      async put(bed, id) {
        await resident(bed, id);
        const offer = await bed.db.selectFrom('market_offers').select('id').executeTakeFirstOrThrow();
        const data = { offerId: offer.id, mode: 'book', details: `收音机没声音（${id}）`, askPhoto: true };
        await saveFlow(bed.db, id, { name: 'market.book', step: 'photo', data }, new Date());
        return 'mk:ps';
      },
      made: async (db) =>
        perPerson(
          await db
            .selectFrom('market_bookings')
            .where('status', 'in', ['booked', 'waiting'])
            .select((eb) => ['user_id as who', eb.fn.countAll().as('n')])
            .groupBy('user_id')
            .execute(),
        ),
    },
    {
      area: 'recording a relief pickup at the desk',
      people: FULL ? 160 : 12,
      kills: FULL ? 10 : 1,
      async setup() {
        await features().find((f) => f.name === 'relief')!.demo!();
      },
      async put(bed, id) {
        await staffMember(bed, id);
        // Each desk volunteer records the next recipient of the demo roster.
        const rows = await bed.db.selectFrom('relief_recipients').select('id').orderBy('id').execute();
        return `rl:cy:${rows[desk++ % rows.length]!.id}:c`;
      },
      made: async (db) =>
        perPerson(
          await db
            .selectFrom('relief_pickups')
            .select((eb) => ['staff_id as who', eb.fn.countAll().as('n')])
            .groupBy('staff_id')
            .execute(),
        ),
    },
    {
      area: 'saving a fund entry',
      people: FULL ? 180 : 12,
      kills: FULL ? 10 : 1,
      setup: async () => {},
      async put(bed, id) {
        await staffMember(bed, id);
        const data = {
          direction: 'income',
          kind: 'other',
          donorKind: 'anonymous',
          purpose: null,
          amountFen: 10_000 + (id % 1000),
          date: localDay(0),
          note: `门口募捐箱（${id}）`,
        };
        await saveFlow(bed.db, id, { name: 'fund.add', step: 'confirm', data }, new Date());
        return 'fd:y';
      },
      made: async (db) =>
        perPerson(
          await db
            .selectFrom('fund_entries')
            .select((eb) => ['recorded_by as who', eb.fn.countAll().as('n')])
            .groupBy('recorded_by')
            .execute(),
        ),
    },
    {
      area: 'sending a broadcast',
      people: FULL ? 60 : 12,
      kills: FULL ? 10 : 1,
      setup: (bed) => residentsDemo(bed, features()),
      async put(bed, id) {
        await staffMember(bed, id);
        // A draft's key is eight characters, as newDraftKey makes them.
        const data = {
          key: `k${String(id).padStart(7, '0')}`,
          text: `明天 8:00–12:00 停水（${id}）`,
          entities: [],
          photo: null,
          audience: 'all',
        };
        await saveFlow(bed.db, id, { name: 'notices.compose', step: 'confirm', data }, new Date());
        return `nt:go:${data.key}`;
      },
      made: async (db) =>
        perPerson(
          await db
            .selectFrom('notice_broadcasts')
            .select((eb) => ['created_by as who', eb.fn.countAll().as('n')])
            .groupBy('created_by')
            .execute(),
        ),
    },
  ];
}

let api: FakeBotApi;
afterAll(async () => {
  killAll();
  await api?.close();
});

/** Opens the deployment's database as the bot would, for setting people up and counting between runs. */
async function withBed<T>(path: string, fn: (bed: Bed, features: Areas['features']) => Promise<T>): Promise<T> {
  const h = openDatabase(path);
  await migrateToLatest(h.db);
  const config = createConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent' });
  const log = pino({ level: 'silent' });
  const platform = createPlatform({ db: h.db, config, clock: systemClock, log, telegram: offlineTelegram });
  const { features, services } = createAreas(platform);
  try {
    return await fn({ db: h.db, platform, services }, features);
  } finally {
    await h.close();
  }
}

describe('a crash at the confirmation does it once: never twice, never lost', () => {
  let features: Areas['features'] = [];
  // A case that failed half way leaves no process polling with the token into the next one.
  afterEach(() => killAll());
  for (const c of confirms(() => features)) {
    it(
      `${c.area}: ${c.people} people confirm, the process is killed ${c.kills === 1 ? 'once' : `${c.kills} times`}`,
      async () => {
        // Every Telegram call takes 15 ms, as on a real network: any gap between two commits is wide enough to be hit.
        api ??= await FakeBotApi.start({ allLatencyMs: 15 });
        const path = join(mkdtempSync(join(tmpdir(), 'linli-crash-')), 'c.db');
        const env = { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_PATH: path };
        await withBed(path, (bed, f) => {
          features = f;
          return c.setup(bed);
        });
        const per = Math.ceil(c.people / c.kills);
        const tally = { people: 0, doneBeforeKill: 0 };
        for (let k = 0; k < c.kills; k++) {
          const ids = Array.from({ length: per }, (_, i) => 300_000 + k * 1000 + i);
          const buttons = await withBed(path, async (bed) => {
            const out: string[] = [];
            for (const id of ids) out.push(await c.put(bed, id));
            return out;
          });
          const bot = launch(env);
          await api.waitForCall((call) => call.method === 'setMyCommands', { timeoutMs: 15_000, after: api.lastSeq() });
          const users = ids.map((id) => api.user({ id, first_name: `P${id}`, language_code: 'zh-hans' }));
          const mark = api.lastSeq();
          for (const [i, u] of users.entries()) await u.click(buttons[i]!);
          // The kill lands while confirmations are being handled: after the first answer, 0–120 ms later.
          const asked = new Set(ids);
          await api.waitForCall((call) => call.chatId !== null && asked.has(call.chatId), {
            after: mark,
            timeoutMs: 15_000,
          });
          await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)));
          bot.child.kill('SIGKILL');
          await bot.exited;
          const beforeKill = await withBed(path, (bed) => c.made(bed.db));
          tally.doneBeforeKill += ids.filter((id) => beforeKill.has(id)).length;
          // back up: what was fetched and not confirmed comes again, and everyone presses confirm once more
          const again = launch(env);
          await api.waitForCall((call) => call.method === 'setMyCommands', { timeoutMs: 15_000, after: api.lastSeq() });
          for (const [i, u] of users.entries()) await (await u.click(buttons[i]!)).reply({ timeoutMs: 15_000 });
          const made = await withBed(path, (bed) => c.made(bed.db));
          expect(
            ids.filter((id) => (made.get(id) ?? 0) > 1),
            'done twice',
          ).toEqual([]);
          expect(
            ids.filter((id) => (made.get(id) ?? 0) === 0),
            'confirmed but never done',
          ).toEqual([]);
          again.child.kill('SIGTERM');
          expect(await again.exited).toBe(0);
          tally.people += ids.length;
        }
        // The figures for the closing note: how many were done by the killed process, and how many only after it.
        if (FULL)
          console.info(
            `${c.area}: ${tally.people} confirmed, ${tally.doneBeforeKill} done before the kill, 0 twice, 0 lost`,
          );
      },
      FULL ? 900_000 : 240_000,
    );
  }
});
