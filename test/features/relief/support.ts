import { sql } from 'kysely';
import type { ManualClock } from '../../../src/core/clock';
import type { Db } from '../../../src/db/schema';
import { createRelief } from '../../../src/features/relief';
import { demoRoster } from '../../../src/features/relief/demo';
import { CATEGORY_ZH } from '../../../src/features/relief/recipients';
import type { ReliefService } from '../../../src/features/relief/service';
import type { Recipient } from '../../../src/features/relief/store';
import { createResidentsService } from '../../../src/features/residents/service';
import type { Role } from '../../../src/identity';
import type { Outbox } from '../../../src/outbox/service';
import type { Platform } from '../../../src/platform';
import { testPlatform } from '../../support/platform';

/** The monthly cycle's times as these tests assume them (the configuration defaults, spelled out). */
export const reliefEnv = {
  TIMEZONE: 'Asia/Shanghai',
  RELIEF_ANNOUNCE_DAYS_BEFORE: '3',
  RELIEF_ANNOUNCE_TIME: '09:00',
  RELIEF_MORNING_TIME: '08:00',
  RELIEF_AFTERNOON_TIME: '15:00',
  RELIEF_EVENING_TIME: '19:00',
  RELIEF_SUMMARY_TIME: '08:30',
};

/** The relief area on a test database, with the clock the tests move. */
export function reliefOn(db: Db, clock: ManualClock) {
  const platform = testPlatform(db, { clock, env: reliefEnv });
  const { service, feature } = createRelief(platform, { residents: createResidentsService(platform) });
  return { platform, relief: service, feature };
}

/** Beijing wall-clock time → instant. */
export const bj = (local: string) => new Date(`${local}+08:00`);

/** The demo roster as a spreadsheet would export it: Chinese headers and labels, a BOM, CRLF. */
export function rosterCsv(extraRows: string[] = []): string {
  const rows = demoRoster().map((r) =>
    [r.name, CATEGORY_ZH[r.category], r.phone ?? '', r.notes ? `"${r.notes}"` : ''].join(','),
  );
  return `\uFEFF姓名,类别,电话,备注\r\n${[...rows, ...extraRows].join('\r\n')}\r\n`;
}

export async function person(platform: Platform, id: number, firstName: string, role?: Role): Promise<number> {
  await platform.identity.touch({ id, first_name: firstName, language_code: 'zh-hans' });
  if (role) await platform.identity.grant(null, id, role);
  return id;
}

/** The outbox rows of this area, with their content as relief queues it (a key, parameters, buttons). */
export async function reliefDeliveries(outbox: Outbox) {
  return (await outbox.list({ dedupePrefix: 'relief:' })).map((d) => ({
    ...d,
    content: d.content as {
      key: string;
      params?: Record<string, any>;
      buttons?: { data?: string; key: string }[][];
    },
  }));
}

/** Moves the clock, then acts: the services read the time from it. */
export const atTime =
  (clock: ManualClock) =>
  <T>(local: string | Date, act: () => Promise<T>): Promise<T> => {
    clock.set(typeof local === 'string' ? bj(local) : local);
    return act();
  };

/**
 * The demo roster with three people: a links themself and names a proxy who opens their own link; b has no Telegram
 * but a family member links as proxy; c is not linked.
 */
export async function linkedRoster(relief: ReliefService, platform: Platform, clock: ManualClock) {
  const at = atTime(clock);
  await at('2025-05-20T10:00:00', () => relief.importRoster(null, rosterCsv()));
  await relief.seedFestivals();
  const staff = await person(platform, 900, '刘干事', 'staff');
  const [a, b, c] = (await relief.roster()).slice(0, 3) as [Recipient, Recipient, Recipient];
  const la = await at('2025-05-25T10:00:00', () => relief.createRecipientLink(staff, a.id));
  await person(platform, 501, 'A');
  await at('2025-05-25T11:00:00', () => relief.redeemLink(501, la.code, null));
  const pa = await at('2025-05-25T12:00:00', () => relief.nameProxy(501, a.id, '李明'));
  await person(platform, 503, 'A的儿子');
  await at('2025-05-25T13:00:00', () => relief.redeemLink(503, pa.code, null));
  const lb = await at('2025-05-26T10:00:00', () => relief.createRecipientLink(staff, b.id));
  await person(platform, 502, 'B的女儿');
  await at('2025-05-26T11:00:00', () => relief.redeemLink(502, lb.code, '张红'));
  return { staff, a, b, c };
}

/** Rows in every table: a job run that adds nothing leaves these as they were. */
export async function tableSizes(db: Db): Promise<Record<string, number>> {
  // Kysely's introspection lists the tables on SQLite and PostgreSQL alike (its own migration tables included).
  const tables = (await db.introspection.getTables()).map((t) => ({ name: t.name }));
  const out: Record<string, number> = {};
  for (const { name } of tables)
    out[name] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0]!.n);
  return out;
}
