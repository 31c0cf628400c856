import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PledgeConfirmed } from '../../../src/features/fund/errors';
import { type FundWorld, fundWorld, gift, spend, tableSizes } from './world';

const NOW = new Date('2025-03-10T04:00:00Z'); // 12:00 in Shanghai
let w: FundWorld;
beforeEach(async () => {
  w = await fundWorld(NOW);
});
afterEach(() => w.h.close());

describe('monthly pledges', () => {
  beforeEach(async () => {
    await w.platform.identity.touch({ id: 501, first_name: '陈秀英' });
  });

  it('is reminded once on its day, and staff confirmation records the entry and thanks the donor', async () => {
    const id = await w.fund.createPledge(501, { amountFen: 5000, dayOfMonth: 15, showName: true });
    expect(await w.fund.remindDuePledges()).toBe(0); // the 15th has not come yet
    const the15th = new Date('2025-03-15T01:30:00Z'); // 09:30 in Shanghai
    expect(await w.fund.remindDuePledges(the15th)).toBe(1);
    expect(await w.fund.remindDuePledges(new Date('2025-03-20T01:30:00Z'))).toBe(0);
    expect(await w.platform.outbox.find(`fund:pledge-remind:${id}:2025-03`)).toBeDefined();
    expect((await w.fund.pendingMonths()).map((m) => [m.pledgeId, m.month])).toEqual([[id, '2025-03']]);
    w.clock.set(the15th);
    const entry = await w.fund.confirmMonth(900, id, '2025-03');
    await expect(w.fund.confirmMonth(900, id, '2025-03')).rejects.toBeInstanceOf(PledgeConfirmed);
    const s = await w.fund.summary();
    expect(s.month.income.monthly).toBe(5000);
    expect(entry).toBeGreaterThan(0);
    expect(await w.platform.outbox.find(`fund:pledge-thanks:${id}:2025-03`)).toBeDefined();
    expect(await w.fund.pendingMonths()).toEqual([]);
  });

  it('a reminder missed while the bot was down goes out once it is up; a cancelled pledge gets none', async () => {
    // the 5th has passed: the first month is April
    const id = await w.fund.createPledge(501, { amountFen: 2000, dayOfMonth: 5, showName: false });
    expect(await w.fund.remindDuePledges(new Date('2025-04-28T10:00:00Z'))).toBe(1);
    await w.fund.cancelPledge(501, id);
    expect(await w.fund.remindDuePledges(new Date('2025-05-06T10:00:00Z'))).toBe(0);
  });
});

describe('monthly statement', () => {
  it('is queued once per subscriber after the month ends, with the month’s numbers', async () => {
    await w.platform.identity.touch({ id: 601, first_name: 'A' });
    await w.fund.subscribe(601);
    await w.fund.record(900, gift(300, { date: '2025-03-05', kind: 'shop' }), { source: 'bot' });
    await w.fund.record(900, spend(100, 'groups', '2025-03-06'), { source: 'bot' });
    expect(await w.fund.queueMonthlyStatement(new Date('2025-03-31T10:00:00Z'))).toBe(0);
    const april1 = new Date('2025-04-01T02:00:00Z');
    expect(await w.fund.queueMonthlyStatement(april1)).toBe(1);
    expect(await w.fund.queueMonthlyStatement(april1)).toBe(0);
    const content = (await w.platform.outbox.find('fund:statement:2025-03:601'))!.content;
    expect('key' in content && content.key).toBe('fund.statement.text');
    expect('params' in content && content.params).toMatchObject({
      month: '2025-03',
      income: '300.00',
      expense: '100.00',
      balance: '200.00',
      free: '200.00',
      yearIncome: '300.00',
      allExpense: '100.00',
      // each line names its amount; a kind or purpose with nothing is left out, not printed as 0.00
      in_shop: { $t: 'fund.statement.line', params: { amount: '300.00' } },
      selfGenerated: { $t: 'fund.statement.line', params: { amount: '300.00' } },
      out_groups: { $t: 'fund.statement.line', params: { amount: '100.00' } },
      in_directed: '',
      out_relief: '',
    });
  });
});

describe('the jobs, run again', () => {
  it(
    'a second run of the reminder and statement jobs adds no rows anywhere, ' + 'even after the outbox was pruned',
    async () => {
      for (const id of [501, 502]) await w.platform.identity.touch({ id, first_name: `P${id}` });
      await w.fund.createPledge(501, { amountFen: 5000, dayOfMonth: 15, showName: true });
      await w.fund.createPledge(502, { amountFen: 1000, dayOfMonth: 25, showName: false });
      await w.fund.subscribe(501);
      await w.fund.record(900, gift(300, { date: '2025-03-05' }), { source: 'bot' });
      const apr26 = new Date('2025-04-26T02:00:00Z'); // 10:00 in Shanghai
      const run = async (now: Date) => (await w.fund.remindDuePledges(now)) + (await w.fund.queueMonthlyStatement(now));
      // April's reminders of both pledges (the 15th and the 25th have come) and March's statement
      expect(await run(apr26)).toBe(3);
      const after = await tableSizes(w.h.db);
      expect(await run(apr26)).toBe(0);
      expect(await tableSizes(w.h.db)).toEqual(after);
      // the outbox forgets delivered rows after its retention: the jobs' own records keep them from coming back
      for (const d of await w.platform.outbox.list({})) expect(d.state).toBe('queued');
      await w.platform.outbox.recordOutcomes(
        (await w.platform.outbox.claimDue(apr26, 10)).map((r, i) => ({ kind: 'sent', id: r.id, messageId: i + 1 })),
        apr26,
      );
      expect(await w.platform.outbox.prune(new Date('2025-06-01T00:00:00Z'))).toBe(3);
      const pruned = await tableSizes(w.h.db);
      expect(await run(apr26)).toBe(0);
      expect(await tableSizes(w.h.db)).toEqual(pruned);
    },
  );
});
