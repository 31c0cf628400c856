import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyReversed,
  InsufficientFunds,
  InvalidEntry,
  ReversalOfReversal,
} from '../../../src/features/fund/errors';
import { formatYuan, parseYuan } from '../../../src/features/fund/money';
import { parsePeriod, reportRows } from '../../../src/features/fund/report';
import { listAudit } from '../../../src/identity';
import { type FundWorld, fundWorld, gift, spend } from './world';

const NOW = new Date('2025-03-10T04:00:00Z'); // 12:00 in Shanghai
let w: FundWorld;
beforeEach(async () => {
  w = await fundWorld(NOW);
});
afterEach(() => w.h.close());

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
    await w.fund.record(900, gift(1000.01, { date: '2024-12-31', kind: 'other' }), { source: 'bot' });
    await w.fund.record(900, gift(200.5, { date: '2025-01-15', kind: 'shop' }), { source: 'bot' });
    await w.fund.record(900, gift(300, { kind: 'consumption' }), { source: 'bot' });
    await w.fund.record(900, spend(150.25, 'facilities'), { source: 'bot' });
    const s = await w.fund.summary();
    expect(s.all.incomeTotal).toBe(100001 + 20050 + 30000);
    expect(s.year.incomeTotal).toBe(20050 + 30000);
    expect(s.month.income).toMatchObject({ consumption: 30000, shop: 0, other: 0 });
    expect(s.year.selfGenerated).toBe(20050);
    expect(s.month.expense.facilities).toBe(15025);
    expect(s.balance).toBe(100001 + 20050 + 30000 - 15025);
    expect(s.since).toBe('2024-12-31');
  });

  it('directed money is shown as restricted and cannot pay for another purpose', async () => {
    await w.fund.record(900, gift(500, { restrictedTo: 'relief' }), { source: 'bot' });
    await w.fund.record(900, gift(100), { source: 'bot' });
    let s = await w.fund.summary();
    expect(s.restricted.relief).toBe(50000);
    expect(s.free).toBe(10000);
    await expect(w.fund.record(900, spend(200, 'facilities'), { source: 'bot' })).rejects.toBeInstanceOf(
      InsufficientFunds,
    );
    await w.fund.record(900, spend(550, 'relief'), { source: 'bot' });
    s = await w.fund.summary();
    expect(s).toMatchObject({ balance: 5000, restrictedTotal: 0, free: 5000 });
  });

  it('an expense with no note, a future date or a zero amount is refused', async () => {
    await w.fund.record(900, gift(100), { source: 'bot' });
    await expect(w.fund.record(900, { ...spend(10), note: ' ' }, { source: 'bot' })).rejects.toBeInstanceOf(
      InvalidEntry,
    );
    await expect(w.fund.record(900, spend(10, 'relief', '2025-03-11'), { source: 'bot' })).rejects.toBeInstanceOf(
      InvalidEntry,
    );
    await expect(w.fund.record(900, gift(0), { source: 'bot' })).rejects.toBeInstanceOf(InvalidEntry);
  });

  it('a mistake is corrected by a reversing entry, once, and the original stays', async () => {
    const id = await w.fund.record(900, gift(999), { source: 'bot' });
    const rev = await w.fund.reverse(900, id, '金额录错');
    expect((await w.fund.summary()).balance).toBe(0);
    await expect(w.fund.reverse(900, id, '再来一次')).rejects.toBeInstanceOf(AlreadyReversed);
    await expect(w.fund.reverse(900, rev, '冲正的冲正')).rejects.toBeInstanceOf(ReversalOfReversal);
    const audit = await listAudit(w.h.db, { action: 'fund.reverse' });
    expect(audit[0]?.subject).toBe(`fund_entry:${id}`);
  });

  it('the database refuses to edit or delete an entry, or to insert a reversal that does not mirror it', async () => {
    const id = await w.fund.record(900, gift(100), { source: 'bot' });
    await expect(sql`update fund_entries set amount_fen = 1 where id = ${id}`.execute(w.h.db)).rejects.toThrow(
      /immutable/,
    );
    await expect(sql`delete from fund_entries where id = ${id}`.execute(w.h.db)).rejects.toThrow(/immutable/);
    await expect(
      sql`insert into fund_entries
            (entry_date, direction, kind, amount_fen, donor_kind, reverses_id, source, recorded_at)
          values ('2025-03-01', 'income', 'directed', -5000, 'anonymous', ${id}, 'bot', 'x')`.execute(w.h.db),
    ).rejects.toThrow(/mirror/);
    expect((await w.fund.summary()).balance).toBe(10000);
  });

  it('donor names are listed only when the donor agreed', async () => {
    const partner = await w.partners.addPartner(900, {
      name: '乐乐超市',
      type: 'business',
      description: '',
      contact: '',
      offers: [],
    });
    await w.fund.record(900, gift(100, { donor: { kind: 'resident', name: '王阿姨', userId: null, public: true } }), {
      source: 'bot',
    });
    await w.fund.record(900, gift(100, { donor: { kind: 'resident', name: '李先生', userId: null, public: false } }), {
      source: 'bot',
    });
    await w.fund.record(900, gift(100, { donor: { kind: 'partner', partnerId: partner, public: true } }), {
      source: 'bot',
    });
    expect((await w.fund.publicDonors()).map((d) => d.name).sort()).toEqual(['乐乐超市', '王阿姨']);
  });
});

describe('demo data', () => {
  it(
    'the founding donations are 100,500 yuan from 25 units and individuals, ' +
      'all directed; 4,222 yuan self-generated by February, months up to today, and seeding twice adds nothing',
    async () => {
      expect(await w.fund.loadDemo()).toBeGreaterThan(25);
      expect(await w.fund.loadDemo()).toBe(0);
      const founding = await w.h.db
        .selectFrom('fund_entries')
        .select([(eb) => eb.fn.sum<number>('amount_fen').as('fen'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('entry_date', '=', '2024-07-04')
        .executeTakeFirstOrThrow();
      expect({ fen: Number(founding.fen), n: Number(founding.n) }).toEqual({ fen: 10050000, n: 25 });
      const s = await w.fund.summary();
      expect(s.founding).toEqual({ date: '2024-07-04', fen: 10050000, donors: 25 });
      expect(s.all.income.directed).toBe(10050000);
      expect(s.all.income.other).toBe(0);
      // the recorded first months made 4,222 yuan on the shelf; the ordinary months since reach up to today
      expect(s.all.selfGenerated - s.month.selfGenerated).toBe(422200);
      expect(s.month.income.monthly).toBe(5000); // the 10th of this month
      expect(s.year.incomeTotal).toBeGreaterThan(0);
      expect(s.balance).toBeGreaterThan(0);
    },
  );
});

describe('community report', () => {
  it('reads periods strictly and reports the fund and volunteer numbers of the period', async () => {
    expect(parsePeriod('2025-13')).toBeNull();
    expect(parsePeriod('25')).toBeNull();
    await w.fund.record(
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
    await w.fund.record(
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
    const march = await w.fund.report(parsePeriod('2025-03')!);
    expect(march.fund).toMatchObject({ incomeTotal: 12345, selfGenerated: 12345 });
    const year = Object.fromEntries(reportRows(await w.fund.report(parsePeriod('2025')!)));
    expect(year).toMatchObject({
      period: '2025',
      fund_income_yuan: '124.45',
      fund_self_generated_yuan: '123.45',
      market_days_held: 0,
      petitions_received: 0,
    });
  });
});
