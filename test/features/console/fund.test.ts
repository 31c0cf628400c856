import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementParams } from '../../../src/features/fund/service/statement';
import { listAudit } from '../../../src/identity/audit';
import { ADMIN, type ConsoleWorld, consoleWorld, DEPUTY, RESIDENT } from './support';

const DAY = 86_400_000;
const ids = (page: string) => [...page.matchAll(/<td>#(\d+)<\/td>/g)].map((m) => Number(m[1]));
const anonymous = { kind: 'anonymous' as const };

describe("the console's fund: ledger filters, directed money, pledges and the monthly statement", () => {
  let w: ConsoleWorld;
  let directedFeb: number;
  let freeMar: number;
  let spentMar: number;
  const get = async (path: string, userId = ADMIN) => w.request(path, { initData: w.initData(userId) });
  const text = async (path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    w = await consoleWorld();
    const { fund } = w.areas.services;
    const meta = { source: 'bot' as const };
    const income = { direction: 'income' as const, kind: 'directed' as const, donor: anonymous, note: '' };
    directedFeb = await fund.record(
      ADMIN,
      { ...income, amountFen: 10_000, date: '2026-02-10', restrictedTo: 'relief' },
      meta,
    );
    freeMar = await fund.record(
      ADMIN,
      { ...income, kind: 'other', amountFen: 5_000, date: '2026-03-05', restrictedTo: null },
      meta,
    );
    spentMar = await fund.record(
      ADMIN,
      { direction: 'expense', purpose: 'other', amountFen: 2_000, date: '2026-03-06', note: 'tea' },
      meta,
    );
  });
  afterAll(() => w.close());

  it('the ledger narrows by month, by date range, by income or spending, by purpose and by directed or not', async () => {
    expect(ids(await text('/fund'))).toEqual([spentMar, freeMar, directedFeb]);
    expect(ids(await text('/fund?month=2026-02'))).toEqual([directedFeb]);
    expect(ids(await text('/fund?from=2026-03-05&to=2026-03-05'))).toEqual([freeMar]);
    expect(ids(await text('/fund?direction=expense'))).toEqual([spentMar]);
    expect(ids(await text('/fund?purpose=relief'))).toEqual([directedFeb]);
    expect(ids(await text('/fund?restricted=yes'))).toEqual([directedFeb]);
    expect(ids(await text('/fund?restricted=no'))).toEqual([freeMar]);
    expect(ids(await text('/fund?month=2026-03&direction=income'))).toEqual([freeMar]);
  });

  it('a date that cannot be read is named in a polite line and leaves the ledger unfiltered', async () => {
    const page = await text('/fund?from=yesterday');
    expect(page).toContain('class="notice error"');
    expect(page).toContain('yesterday');
    expect(ids(page)).toEqual([spentMar, freeMar, directedFeb]);
  });

  it('directed money is shown apart: what is left of each purpose and what is free to use', async () => {
    const page = await text('/fund');
    const card = page.slice(
      page.indexOf('id="restricted"'),
      page.indexOf('</section>', page.indexOf('id="restricted"')),
    );
    expect(card).toContain('<td>帮困</td>');
    expect(card).toContain('100.00');
    // 100 + 50 − 20 = 130 in the fund, 100 of it directed, 30 free.
    expect(card).toContain('结余 130.00 元');
    expect(card).toContain('可自由使用 30.00 元');
  });

  it("the pledges page lists monthly donors with whether this month's money came in", async () => {
    const { fund } = w.areas.services;
    // 10 March: a pledge due on the 20th starts this month, one due on the 5th next month.
    const early = await fund.createPledge(ADMIN, { amountFen: 3_000, dayOfMonth: 5, showName: false });
    const late = await fund.createPledge(RESIDENT, { amountFen: 2_000, dayOfMonth: 20, showName: false });
    let page = await text('/fund/pledges');
    expect(page).toContain('class="pledge-ahead">还没到日子');
    expect(page).not.toContain('pledge-received');
    w.clock.advance(11 * DAY);
    expect(await fund.remindDuePledges()).toBe(1);
    page = await text('/fund/pledges');
    expect(page).toContain('class="pledge-waiting">已提醒，未收到');
    await fund.confirmMonth(ADMIN, late, '2026-03');
    page = await text('/fund/pledges');
    const row = (id: number) => page.slice(page.indexOf(`<td>#${id}</td>`)).split('</tr>')[0]!;
    expect(row(late)).toContain('已收到');
    expect(row(late)).toContain('Resident');
    expect(row(early)).toContain('还没到日子');
    w.clock.advance(-11 * DAY);
  });

  it("the statement page shows the chat's statement of a month and its picture", async () => {
    const s = await w.areas.services.fund.statement('2026-02');
    const params = statementParams(s);
    const page = await text('/fund/statement?month=2026-02');
    expect(page).toContain(`本月收入 ${params.income} 元`);
    expect(page).toContain(`其中定向资金 ${params.restricted} 元`);
    expect(page).toContain('src="/fund/statement/2026-02.svg"');
    const picture = await get('/fund/statement/2026-02.svg');
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toContain('image/svg+xml');
    expect(await picture.text()).toContain('<svg');
  });

  it('residents and deputies are refused every new fund page, and each refusal is recorded', async () => {
    const paths = ['/fund?month=2026-02', '/fund/pledges', '/fund/statement', '/fund/statement/2026-02.svg'];
    for (const who of [RESIDENT, DEPUTY])
      for (const path of paths) expect((await get(path, who)).status, `${who} ${path}`).toBe(403);
    const denied = (await listAudit(w.h.db, { action: 'denied', limit: 50 })).map((a) => a.subject ?? '');
    expect(denied.filter((s) => s.startsWith('console:GET /fund'))).toHaveLength(paths.length * 2);
  });

  it('an entry reversed from another month shows as reversed, with no second reversal offered', async () => {
    await w.areas.services.fund.reverse(ADMIN, directedFeb, 'typed twice');
    const page = await text('/fund?month=2026-02');
    expect(ids(page)).toEqual([directedFeb]);
    expect(page).toContain('<td>已冲正</td>');
    expect(page).not.toContain(`action="/fund/${directedFeb}/reverse"`);
  });
});
