import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { parseCsv } from '../../../src/features/fund/csv';
import {
  AlreadyReversed,
  ImportFailed,
  InsufficientFunds,
  InvalidEntry,
  PledgeConfirmed,
  ReversalOfReversal,
} from '../../../src/features/fund/errors';
import type { EntryInput } from '../../../src/features/fund/ledger';
import { formatYuan, parseYuan } from '../../../src/features/fund/money';
import { parsePeriod, reportRows } from '../../../src/features/fund/report';
import { createFundService, type FundService } from '../../../src/features/fund/service';
import { createPartnersService, type PartnersService } from '../../../src/features/partners/service';
import { legacyReportSources } from '../../../src/features/report-sources';
import { listAudit } from '../../../src/identity';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

const NOW = new Date('2025-03-10T04:00:00Z'); // 12:00 in Shanghai
let h: DbHandle;
let clock: ManualClock;
let platform: Platform;
let partners: PartnersService;
let fund: FundService;
beforeEach(async () => {
  h = await freshDb();
  clock = new ManualClock(NOW);
  platform = testPlatform(h.db, { clock });
  partners = createPartnersService(platform);
  fund = createFundService(platform, { partners, sources: legacyReportSources(h.db) });
  await platform.identity.grant(null, 900, 'staff');
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
  it('sums income by kind and spending by purpose for the month, the year and all time, to the fen', async () => {
    await fund.record(900, gift(1000.01, { date: '2024-12-31', kind: 'other' }), { source: 'bot' });
    await fund.record(900, gift(200.5, { date: '2025-01-15', kind: 'shop' }), { source: 'bot' });
    await fund.record(900, gift(300, { kind: 'consumption' }), { source: 'bot' });
    await fund.record(900, spend(150.25, 'facilities'), { source: 'bot' });
    const s = await fund.summary();
    expect(s.all.incomeTotal).toBe(100001 + 20050 + 30000);
    expect(s.year.incomeTotal).toBe(20050 + 30000);
    expect(s.month.income).toMatchObject({ consumption: 30000, shop: 0, other: 0 });
    expect(s.year.selfGenerated).toBe(20050);
    expect(s.month.expense.facilities).toBe(15025);
    expect(s.balance).toBe(100001 + 20050 + 30000 - 15025);
    expect(s.since).toBe('2024-12-31');
  });

  it('directed money is shown as restricted and cannot pay for another purpose', async () => {
    await fund.record(900, gift(500, { restrictedTo: 'relief' }), { source: 'bot' });
    await fund.record(900, gift(100), { source: 'bot' });
    let s = await fund.summary();
    expect(s.restricted.relief).toBe(50000);
    expect(s.free).toBe(10000);
    await expect(fund.record(900, spend(200, 'facilities'), { source: 'bot' })).rejects.toBeInstanceOf(
      InsufficientFunds,
    );
    await fund.record(900, spend(550, 'relief'), { source: 'bot' });
    s = await fund.summary();
    expect(s).toMatchObject({ balance: 5000, restrictedTotal: 0, free: 5000 });
  });

  it('an expense with no note, a future date or a zero amount is refused', async () => {
    await fund.record(900, gift(100), { source: 'bot' });
    await expect(fund.record(900, { ...spend(10), note: ' ' }, { source: 'bot' })).rejects.toBeInstanceOf(InvalidEntry);
    await expect(fund.record(900, spend(10, 'relief', '2025-03-11'), { source: 'bot' })).rejects.toBeInstanceOf(
      InvalidEntry,
    );
    await expect(fund.record(900, gift(0), { source: 'bot' })).rejects.toBeInstanceOf(InvalidEntry);
  });

  it('a mistake is corrected by a reversing entry, once, and the original stays', async () => {
    const id = await fund.record(900, gift(999), { source: 'bot' });
    const rev = await fund.reverse(900, id, '金额录错');
    expect((await fund.summary()).balance).toBe(0);
    await expect(fund.reverse(900, id, '再来一次')).rejects.toBeInstanceOf(AlreadyReversed);
    await expect(fund.reverse(900, rev, '冲正的冲正')).rejects.toBeInstanceOf(ReversalOfReversal);
    const audit = await listAudit(h.db, { action: 'fund.reverse' });
    expect(audit[0]?.subject).toBe(`fund_entry:${id}`);
  });

  it('the database refuses to edit or delete an entry, or to insert a reversal that does not mirror it', async () => {
    const id = await fund.record(900, gift(100), { source: 'bot' });
    await expect(sql`update fund_entries set amount_fen = 1 where id = ${id}`.execute(h.db)).rejects.toThrow(
      /immutable/,
    );
    await expect(sql`delete from fund_entries where id = ${id}`.execute(h.db)).rejects.toThrow(/immutable/);
    await expect(
      sql`insert into fund_entries
            (entry_date, direction, kind, amount_fen, donor_kind, reverses_id, source, recorded_at)
          values ('2025-03-01', 'income', 'directed', -5000, 'anonymous', ${id}, 'bot', 'x')`.execute(h.db),
    ).rejects.toThrow(/mirror/);
    expect((await fund.summary()).balance).toBe(10000);
  });

  it('donor names are listed only when the donor agreed', async () => {
    const partner = await partners.addPartner(900, {
      name: '乐乐超市',
      type: 'business',
      description: '',
      contact: '',
      offers: [],
    });
    await fund.record(900, gift(100, { donor: { kind: 'resident', name: '王阿姨', userId: null, public: true } }), {
      source: 'bot',
    });
    await fund.record(900, gift(100, { donor: { kind: 'resident', name: '李先生', userId: null, public: false } }), {
      source: 'bot',
    });
    await fund.record(900, gift(100, { donor: { kind: 'partner', partnerId: partner, public: true } }), {
      source: 'bot',
    });
    expect((await fund.publicDonors()).map((d) => d.name).sort()).toEqual(['乐乐超市', '王阿姨']);
  });
});

describe('demo data', () => {
  it(
    'the founding donations are 100,500 yuan from 25 units and individuals, ' +
      '4,222 yuan self-generated, and seeding twice adds nothing',
    async () => {
      expect(await fund.loadDemo()).toBeGreaterThan(25);
      expect(await fund.loadDemo()).toBe(0);
      const founding = await h.db
        .selectFrom('fund_entries')
        .select([(eb) => eb.fn.sum<number>('amount_fen').as('fen'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('entry_date', '=', '2024-07-04')
        .executeTakeFirstOrThrow();
      expect({ fen: Number(founding.fen), n: Number(founding.n) }).toEqual({ fen: 10050000, n: 25 });
      const s = await fund.summary();
      expect(s.all.selfGenerated).toBe(422200);
      expect(s.balance).toBeGreaterThan(0);
    },
  );
});

describe('CSV', () => {
  const header = 'date,direction,kind,purpose,amount,donor_type,donor_name,donor_public,note,ref';

  it('imports a spreadsheet with a BOM, Chinese names and quoted notes, and exports it again', async () => {
    const csv = [
      `\ufeff${header}`,
      '2025-03-01,收入,定向捐,帮困,"1,000.50",居民,王阿姨,是,"她说：""给困难户""",a1',
      '2025-03-02,expense,,relief,200,,,,"慰问, 米油",a2',
      '',
    ].join('\r\n');
    expect(await fund.importCsv(csv)).toBe(2);
    const s = await fund.summary();
    expect(s).toMatchObject({ balance: 80050 });
    expect(s.restricted.relief).toBe(80050);
    const out = await fund.exportCsv();
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
    const csv = [
      header,
      '2025-03-01,income,directed,,100,anonymous,,,,',
      '2025-13-01,income,gift,,abc,partner,不存在的店,maybe,,',
      '2025-03-02,expense,,,50,,,,,',
      '',
    ].join('\n');
    const err = await fund.importCsv(csv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailed);
    const lines = (err as ImportFailed).errors.join('\n');
    expect(lines).toMatch(/row 3: date "2025-13-01"/);
    expect(lines).toMatch(/row 3: amount "abc"/);
    expect(lines).toMatch(/row 3: kind "gift"/);
    expect(lines).toMatch(/row 3: donor_public "maybe"/);
    expect(lines).toMatch(/row 3: partner "不存在的店"/);
    expect(lines).toMatch(/row 4: an expense needs a purpose/);
    expect(lines).not.toMatch(/row 2/);
    expect((await fund.summary()).all.incomeTotal).toBe(0);
  });

  it('importing the same file twice is refused by its refs', async () => {
    const csv = `${header}\n2025-03-01,income,directed,,100,anonymous,,,,r1\n`;
    await fund.importCsv(csv);
    await expect(fund.importCsv(csv)).rejects.toBeInstanceOf(ImportFailed);
    expect((await fund.summary()).balance).toBe(10000);
  });

  it('an import that would spend more than the fund has is rolled back whole', async () => {
    const csv = `${header}\n2025-03-01,income,other,,100,anonymous,,,,\n2025-03-02,expense,,other,500,,,,电费,\n`;
    await expect(fund.importCsv(csv)).rejects.toBeInstanceOf(ImportFailed);
    expect((await fund.summary()).all.incomeTotal).toBe(0);
  });
});

describe('monthly pledges', () => {
  beforeEach(async () => {
    await platform.identity.touch({ id: 501, first_name: '陈秀英' });
  });

  it('is reminded once on its day, and staff confirmation records the entry and thanks the donor', async () => {
    const id = await fund.createPledge(501, { amountFen: 5000, dayOfMonth: 15, showName: true });
    expect(await fund.remindDuePledges()).toBe(0); // the 15th has not come yet
    const the15th = new Date('2025-03-15T01:30:00Z'); // 09:30 in Shanghai
    expect(await fund.remindDuePledges(the15th)).toBe(1);
    expect(await fund.remindDuePledges(new Date('2025-03-20T01:30:00Z'))).toBe(0);
    expect(await platform.outbox.find(`fund:pledge-remind:${id}:2025-03`)).toBeDefined();
    expect((await fund.pendingMonths()).map((m) => [m.pledgeId, m.month])).toEqual([[id, '2025-03']]);
    clock.set(the15th);
    const entry = await fund.confirmMonth(900, id, '2025-03');
    await expect(fund.confirmMonth(900, id, '2025-03')).rejects.toBeInstanceOf(PledgeConfirmed);
    const s = await fund.summary();
    expect(s.month.income.monthly).toBe(5000);
    expect(entry).toBeGreaterThan(0);
    expect(await platform.outbox.find(`fund:pledge-thanks:${id}:2025-03`)).toBeDefined();
    expect(await fund.pendingMonths()).toEqual([]);
  });

  it('a reminder missed while the bot was down goes out once it is up; a cancelled pledge gets none', async () => {
    // the 5th has passed: the first month is April
    const id = await fund.createPledge(501, { amountFen: 2000, dayOfMonth: 5, showName: false });
    expect(await fund.remindDuePledges(new Date('2025-04-28T10:00:00Z'))).toBe(1);
    await fund.cancelPledge(501, id);
    expect(await fund.remindDuePledges(new Date('2025-05-06T10:00:00Z'))).toBe(0);
  });
});

describe('monthly statement', () => {
  it('is queued once per subscriber after the month ends, with the month’s numbers', async () => {
    await platform.identity.touch({ id: 601, first_name: 'A' });
    await fund.subscribe(601);
    await fund.record(900, gift(300, { date: '2025-03-05', kind: 'shop' }), { source: 'bot' });
    await fund.record(900, spend(100, 'groups', '2025-03-06'), { source: 'bot' });
    expect(await fund.queueMonthlyStatement(new Date('2025-03-31T10:00:00Z'))).toBe(0);
    const april1 = new Date('2025-04-01T02:00:00Z');
    expect(await fund.queueMonthlyStatement(april1)).toBe(1);
    expect(await fund.queueMonthlyStatement(april1)).toBe(0);
    const content = (await platform.outbox.find('fund:statement:2025-03:601'))!.content;
    expect('key' in content && content.key).toBe('fund.statement.text');
    expect('params' in content && content.params).toMatchObject({
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

describe('community report', () => {
  it('reads periods strictly and reports the fund and volunteer numbers of the period', async () => {
    expect(parsePeriod('2025-13')).toBeNull();
    expect(parsePeriod('25')).toBeNull();
    await fund.record(
      900,
      {
        direction: 'income',
        kind: 'shop',
        amountFen: 12345,
        date: '2025-03-02',
        donor: { kind: 'anonymous' },
        restrictedTo: null,
        note: '',
      },
      { source: 'bot' },
    );
    await fund.record(
      900,
      {
        direction: 'income',
        kind: 'other',
        amountFen: 100,
        date: '2025-02-02',
        donor: { kind: 'anonymous' },
        restrictedTo: null,
        note: '',
      },
      { source: 'bot' },
    );
    const march = await fund.report(parsePeriod('2025-03')!);
    expect(march.fund).toMatchObject({ incomeTotal: 12345, selfGenerated: 12345 });
    const year = Object.fromEntries(reportRows(await fund.report(parsePeriod('2025')!)));
    expect(year).toMatchObject({
      period: '2025',
      fund_income_yuan: '124.45',
      fund_self_generated_yuan: '123.45',
      market_days_held: 0,
      petitions_received: 0,
    });
  });
});
