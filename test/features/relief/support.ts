import type { Db } from '../../../src/db/schema';
import { CATEGORY_ZH } from '../../../src/features/relief/roster';
import { demoRoster } from '../../../src/features/relief/seed';
import type { Policy } from '../../../src/features/relief/settings';
import * as residents from '../../../src/features/residents/service';

export const policy: Policy = {
  timezone: 'Asia/Shanghai',
  announceDaysBefore: 3,
  announceTime: '09:00',
  morningTime: '08:00',
  afternoonTime: '15:00',
  eveningTime: '19:00',
  summaryTime: '08:30',
};

/** Beijing wall-clock time → instant. */
export const bj = (local: string) => new Date(`${local}+08:00`);

/** The demo roster as a spreadsheet would export it: Chinese headers and labels, a BOM, CRLF. */
export function rosterCsv(extraRows: string[] = []): string {
  const rows = demoRoster().map((r) =>
    [r.name, CATEGORY_ZH[r.category], r.phone ?? '', r.notes ? `"${r.notes}"` : ''].join(','),
  );
  return `\uFEFF姓名,类别,电话,备注\r\n${[...rows, ...extraRows].join('\r\n')}\r\n`;
}

export async function person(db: Db, id: number, firstName: string, role?: 'staff' | 'admin'): Promise<number> {
  await residents.touchUser(
    db,
    { id, first_name: firstName, language_code: 'zh-hans' },
    new Date('2025-01-01T00:00:00Z'),
  );
  if (role) await residents.grantRole(db, null, id, role, new Date('2025-01-01T00:00:00Z'));
  return id;
}

export async function reliefDeliveries(db: Db) {
  const rows = await db
    .selectFrom('deliveries')
    .selectAll()
    .where('dedupe_key', 'like', 'relief:%')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    content: JSON.parse(r.content ?? '{}') as {
      key: string;
      params?: Record<string, any>;
      buttons?: { data?: string; key: string }[][];
    },
  }));
}
