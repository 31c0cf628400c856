import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client';
import { listAudit } from '../../../src/features/audit/store';
import { contentOf, findDelivery } from '../../../src/features/delivery/service';
import { exportCsv, ImportFailed, importCsv, parseCsv } from '../../../src/features/fund/csv';
import { formatYuan, parseYuan } from '../../../src/features/fund/money';
import {
  cancelPledge,
  confirmPledgeMonth,
  createPledge,
  PledgeConfirmed,
  remindDuePledges,
  unconfirmedMonths,
} from '../../../src/features/fund/pledges';
import { seedDemoLedger } from '../../../src/features/fund/seed';
import {
  AlreadyReversed,
  type EntryInput,
  fundSummary,
  InsufficientFunds,
  InvalidEntry,
  publicDonors,
  ReversalOfReversal,
  recordEntry,
  reverseEntry,
} from '../../../src/features/fund/service';
import { queueMonthlyStatement, subscribe } from '../../../src/features/fund/statement';
import { addPartner } from '../../../src/features/partners/service';
import * as residents from '../../../src/features/residents/service';
import { freshDb } from '../../support/db';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2025-03-10T04:00:00Z'); // 12:00 in Shanghai
let h: DbHandle;
beforeEach(async () => {
  h = await freshDb();
  await residents.grantRole(h.db, null, 900, 'staff', NOW);
});
afterEach(() => h.close());

const gift = (yuan: number, extra: Partial<Extract<EntryInput, { direction: 'income' }>> = {}): EntryInput => ({
  direction: 'income',
  kind: 'directed',
  amountFen: yuan * 100,
  date: '2025-03-01',
  donor: { kind: 'anonymous' },
  restrictedTo: null,
  note: '',
  ...extra,
});
const spend = (
  yuan: number,
  purpose: 'relief' | 'facilities' | 'groups' | 'other' = 'relief',
  date = '2025-03-02',
): EntryInput => ({ direction: 'expense', purpose, amountFen: yuan * 100, date, note: '慰问品' });

describe('money', () => {
  it('reads amounts the way staff type them and writes them with two decimals', () => {
    expect(parseYuan('100')).toBe(10000);
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('¥88.08元')).toBe(8808);
    for (const bad of ['', '0', '-5', '1.234', 'abc', '12e3', '99999999999']) expect(parseYuan(bad)).toBeNull();
    expect(formatYuan(10050000)).toBe('100,500.00');
    expect(formatYuan(-8808)).toBe('-88.08');
  });
});

describe('the ledger', () => {
  it('sums income by kind and expenses by purpose for the month, the year and since the start, to the fen', async () => {
    await recordEntry(h.db, 900, gift(1000.01, { date: '2024-12-31', kind: 'other' }), { source: 'bot' }, NOW, TZ);
    await recordEntry(h.db, 900, gift(200.5, { date: '2025-01-15', kind: 'shop' }), { source: 'bot' }, NOW, TZ);
    await recordEntry(h.db, 900, gift(300, { kind: 'consumption' }), { source: 'bot' }, NOW, TZ);
    await recordEntry(h.db, 900, spend(150.25, 'facilities'), { source: 'bot' }, NOW, TZ);
    const s = await fundSummary(h.db, NOW, TZ);
    expect(s.all.incomeTotal).toBe(100001 + 20050 + 30000);
    expect(s.year.incomeTotal).toBe(20050 + 30000);
    expect(s.month.income).toMatchObject({ consumption: 30000, shop: 0, other: 0 });
    expect(s.year.selfGenerated).toBe(20050);
    expect(s.month.expense.facilities).toBe(15025);
    expect(s.balance).toBe(100001 + 20050 + 30000 - 15025);
    expect(s.since).toBe('2024-12-31');
  });

  it('directed money is shown as restricted and cannot pay for another purpose', async () => {
    await recordEntry(h.db, 900, gift(500, { restrictedTo: 'relief' }), { source: 'bot' }, NOW, TZ);
    await recordEntry(h.db, 900, gift(100), { source: 'bot' }, NOW, TZ);
    let s = await fundSummary(h.db, NOW, TZ);
    expect(s.restricted.relief).toBe(50000);
    expect(s.free).toBe(10000);
    await expect(recordEntry(h.db, 900, spend(200, 'facilities'), { source: 'bot' }, NOW, TZ)).rejects.toBeInstanceOf(
      InsufficientFunds,
    );
    await recordEntry(h.db, 900, spend(550, 'relief'), { source: 'bot' }, NOW, TZ);
    s = await fundSummary(h.db, NOW, TZ);
    expect(s).toMatchObject({ balance: 5000, restrictedTotal: 0, free: 5000 });
  });

  it('an expense with no note, a future date or a zero amount is refused', async () => {
    await recordEntry(h.db, 900, gift(100), { source: 'bot' }, NOW, TZ);
    await expect(
      recordEntry(h.db, 900, { ...spend(10), note: ' ' }, { source: 'bot' }, NOW, TZ),
    ).rejects.toBeInstanceOf(InvalidEntry);
    await expect(
      recordEntry(h.db, 900, spend(10, 'relief', '2025-03-11'), { source: 'bot' }, NOW, TZ),
    ).rejects.toBeInstanceOf(InvalidEntry);
    await expect(recordEntry(h.db, 900, gift(0), { source: 'bot' }, NOW, TZ)).rejects.toBeInstanceOf(InvalidEntry);
  });

  it('a mistake is corrected by a reversing entry, once, and the original stays', async () => {
    const id = await recordEntry(h.db, 900, gift(999), { source: 'bot' }, NOW, TZ);
    const rev = await reverseEntry(h.db, 900, id, '金额录错', NOW, TZ);
    expect((await fundSummary(h.db, NOW, TZ)).balance).toBe(0);
    await expect(reverseEntry(h.db, 900, id, '再来一次', NOW, TZ)).rejects.toBeInstanceOf(AlreadyReversed);
    await expect(reverseEntry(h.db, 900, rev, '冲正的冲正', NOW, TZ)).rejects.toBeInstanceOf(ReversalOfReversal);
    const audit = await listAudit(h.db, { action: 'fund.reverse' });
    expect(audit[0]?.subject).toBe(`fund_entry:${id}`);
  });

  it('the database itself refuses to edit or delete an entry, or to insert a reversal that does not mirror it', async () => {
    const id = await recordEntry(h.db, 900, gift(100), { source: 'bot' }, NOW, TZ);
    await expect(sql`update fund_entries set amount_fen = 1 where id = ${id}`.execute(h.db)).rejects.toThrow(
      /immutable/,
    );
    await expect(sql`delete from fund_entries where id = ${id}`.execute(h.db)).rejects.toThrow(/immutable/);
    await expect(
      sql`insert into fund_entries (entry_date, direction, kind, amount_fen, donor_kind, reverses_id, source, recorded_at)
          values ('2025-03-01', 'income', 'directed', -5000, 'anonymous', ${id}, 'bot', 'x')`.execute(h.db),
    ).rejects.toThrow(/mirror/);
    expect((await fundSummary(h.db, NOW, TZ)).balance).toBe(10000);
  });

  it('donor names are listed only when the donor agreed', async () => {
    const partner = await addPartner(
      h.db,
      900,
      { name: '乐乐超市', type: 'business', description: '', contact: '', offers: [] },
      NOW,
    );
    await recordEntry(
      h.db,
      900,
      gift(100, { donor: { kind: 'resident', name: '王阿姨', userId: null, public: true } }),
      { source: 'bot' },
      NOW,
      TZ,
    );
    await recordEntry(
      h.db,
      900,
      gift(100, { donor: { kind: 'resident', name: '李先生', userId: null, public: false } }),
      { source: 'bot' },
      NOW,
      TZ,
    );
    await recordEntry(
      h.db,
      900,
      gift(100, { donor: { kind: 'partner', partnerId: partner, public: true } }),
      { source: 'bot' },
      NOW,
      TZ,
    );
    expect((await publicDonors(h.db)).map((d) => d.name).sort()).toEqual(['乐乐超市', '王阿姨']);
  });
});

describe('demo data', () => {
  it('the founding donations are 100,500 yuan from 25 units and individuals, 4,222 yuan self-generated, and seeding twice adds nothing', async () => {
    expect(await seedDemoLedger(h.db, NOW, TZ)).toBeGreaterThan(25);
    expect(await seedDemoLedger(h.db, NOW, TZ)).toBe(0);
    const founding = await h.db
      .selectFrom('fund_entries')
      .select([(eb) => eb.fn.sum<number>('amount_fen').as('fen'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('entry_date', '=', '2024-07-04')
      .executeTakeFirstOrThrow();
    expect({ fen: Number(founding.fen), n: Number(founding.n) }).toEqual({ fen: 10050000, n: 25 });
    const s = await fundSummary(h.db, NOW, TZ);
    expect(s.all.selfGenerated).toBe(422200);
    expect(s.balance).toBeGreaterThan(0);
  });
});

describe('CSV', () => {
  const header = 'date,direction,kind,purpose,amount,donor_type,donor_name,donor_public,note,ref';

  it('imports a spreadsheet with a BOM, Chinese names and quoted notes, and exports it again', async () => {
    const csv = `\ufeff${header}\r\n2025-03-01,收入,定向捐,帮困,"1,000.50",居民,王阿姨,是,"她说：""给困难户""",a1\r\n2025-03-02,expense,,relief,200,,,,"慰问, 米油",a2\r\n`;
    expect(await importCsv(h.db, csv, NOW, TZ)).toBe(2);
    const s = await fundSummary(h.db, NOW, TZ);
    expect(s).toMatchObject({ balance: 80050 });
    expect(s.restricted.relief).toBe(80050);
    const out = await exportCsv(h.db);
    const rows = parseCsv(out);
    expect(rows[1]).toEqual(
      expect.arrayContaining([
        '2025-03-01',
        'income',
        'directed',
        'relief',
        '1000.50',
        'resident',
        '王阿姨',
        'yes',
        '她说："给困难户"',
        'a1',
      ]),
    );
    expect(rows[2]).toEqual(expect.arrayContaining(['慰问, 米油']));
  });

  it('a file with any bad row imports nothing and names every problem with its row', async () => {
    const csv = `${header}\n2025-03-01,income,directed,,100,anonymous,,,,\n2025-13-01,income,gift,,abc,partner,不存在的店,maybe,,\n2025-03-02,expense,,,50,,,,,\n`;
    const err = await importCsv(h.db, csv, NOW, TZ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailed);
    const lines = (err as ImportFailed).errors.join('\n');
    expect(lines).toMatch(/row 3: date "2025-13-01"/);
    expect(lines).toMatch(/row 3: amount "abc"/);
    expect(lines).toMatch(/row 3: kind "gift"/);
    expect(lines).toMatch(/row 3: donor_public "maybe"/);
    expect(lines).toMatch(/row 3: partner "不存在的店"/);
    expect(lines).toMatch(/row 4: an expense needs a purpose/);
    expect(lines).not.toMatch(/row 2/);
    expect((await fundSummary(h.db, NOW, TZ)).all.incomeTotal).toBe(0);
  });

  it('importing the same file twice is refused by its refs', async () => {
    const csv = `${header}\n2025-03-01,income,directed,,100,anonymous,,,,r1\n`;
    await importCsv(h.db, csv, NOW, TZ);
    await expect(importCsv(h.db, csv, NOW, TZ)).rejects.toBeInstanceOf(ImportFailed);
    expect((await fundSummary(h.db, NOW, TZ)).balance).toBe(10000);
  });

  it('an import that would spend more than the fund has is rolled back whole', async () => {
    const csv = `${header}\n2025-03-01,income,other,,100,anonymous,,,,\n2025-03-02,expense,,other,500,,,,电费,\n`;
    await expect(importCsv(h.db, csv, NOW, TZ)).rejects.toBeInstanceOf(ImportFailed);
    expect((await fundSummary(h.db, NOW, TZ)).all.incomeTotal).toBe(0);
  });
});

describe('monthly pledges', () => {
  beforeEach(async () => {
    await residents.touchUser(h.db, { id: 501, first_name: '陈秀英' }, NOW);
  });

  it('is reminded once on its day, and staff confirmation records the entry and thanks the donor', async () => {
    const id = await createPledge(h.db, 501, { amountFen: 5000, dayOfMonth: 15, showName: true }, NOW, TZ);
    expect(await remindDuePledges(h.db, NOW, TZ)).toBe(0); // the 15th has not come yet
    const the15th = new Date('2025-03-15T01:30:00Z'); // 09:30 in Shanghai
    expect(await remindDuePledges(h.db, the15th, TZ)).toBe(1);
    expect(await remindDuePledges(h.db, new Date('2025-03-20T01:30:00Z'), TZ)).toBe(0);
    expect(await findDelivery(h.db, `fund:pledge-remind:${id}:2025-03`)).toBeDefined();
    expect((await unconfirmedMonths(h.db)).map((m) => [m.pledge_id, m.month])).toEqual([[id, '2025-03']]);
    const entry = await confirmPledgeMonth(h.db, 900, id, '2025-03', the15th, TZ);
    await expect(confirmPledgeMonth(h.db, 900, id, '2025-03', the15th, TZ)).rejects.toBeInstanceOf(PledgeConfirmed);
    const s = await fundSummary(h.db, the15th, TZ);
    expect(s.month.income.monthly).toBe(5000);
    expect(entry).toBeGreaterThan(0);
    expect(await findDelivery(h.db, `fund:pledge-thanks:${id}:2025-03`)).toBeDefined();
    expect(await unconfirmedMonths(h.db)).toEqual([]);
  });

  it('a reminder missed while the bot was down is sent when it comes back, and a cancelled pledge is not reminded', async () => {
    const id = await createPledge(h.db, 501, { amountFen: 2000, dayOfMonth: 5, showName: false }, NOW, TZ); // first month: April
    expect(await remindDuePledges(h.db, new Date('2025-04-28T10:00:00Z'), TZ)).toBe(1);
    await cancelPledge(h.db, 501, id, NOW);
    expect(await remindDuePledges(h.db, new Date('2025-05-06T10:00:00Z'), TZ)).toBe(0);
  });
});

describe('monthly statement', () => {
  it('is queued once per subscriber after the month ends, with the month’s numbers', async () => {
    await residents.touchUser(h.db, { id: 601, first_name: 'A' }, NOW);
    await subscribe(h.db, 601, NOW);
    await recordEntry(h.db, 900, gift(300, { date: '2025-03-05', kind: 'shop' }), { source: 'bot' }, NOW, TZ);
    await recordEntry(h.db, 900, spend(100, 'groups', '2025-03-06'), { source: 'bot' }, NOW, TZ);
    expect(await queueMonthlyStatement(h.db, new Date('2025-03-31T10:00:00Z'), TZ)).toBe(0);
    const april1 = new Date('2025-04-01T02:00:00Z');
    expect(await queueMonthlyStatement(h.db, april1, TZ)).toBe(1);
    expect(await queueMonthlyStatement(h.db, april1, TZ)).toBe(0);
    const row = await findDelivery(h.db, 'fund:statement:2025-03:601');
    const content = (await contentOf(h.db, row!)) as any;
    expect(content.key).toBe('fund.statement.text');
    expect(content.params).toMatchObject({
      month: '2025-03',
      income: '300.00',
      expense: '100.00',
      selfGenerated: '300.00',
      balance: '200.00',
      in_shop: '300.00',
      out_groups: '100.00',
    });
  });
});
