import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { readTable } from '../../../src/core/sheets';
import { seedCatalogue } from '../../../src/features/market/demo';
import type { MarketService } from '../../../src/features/market/service';
import { listAudit } from '../../../src/identity';
import type { RecordedCall } from '../../../src/playground/fake-api/types';
import { alertOf as alert, button, buttons, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { addVenue } from './support';

// The market on the staff workbench (issue 15): today's queue as a to-do line, the tasks as buttons, and the market
// day's list as a download for a day picked with buttons.
const STAFF = 7501;
const WANG = 7601;
const at = (local: string) => new Date(`${local}+08:00`);

let tb: TestBot;
let market: MarketService;
let marketId: number;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-29T10:00:00')) });
  market = tb.services.market;
  await seedCatalogue(tb.db);
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(WANG, { first_name: '王阿姨' });
  const venueId = await addVenue(market, (await tb.services.residents.compounds())[0]!.id, '荷塘花园 3 栋前广场');
  const knife = (await market.services()).find((s) => s.code === 'knife')!;
  marketId = await market.createMarket(STAFF, {
    date: '2026-12-05',
    startsAt: '09:00',
    endsAt: '12:00',
    venueId,
    services: [{ serviceId: knife.id }],
  });
  await market.publishMarket(STAFF, marketId);
  await market.book(WANG, (await market.offers(marketId))[0]!.id, {});
});
afterAll(() => tb.stop());

const home = async () => (await tb.user(STAFF).send('🧰 工作台')).reply();
const docs = (out: RecordedCall[]) => out.filter((c) => c.method === 'sendDocument');

describe('the market on the staff workbench', () => {
  it('every market task is a button; "new market day" asks for the date with date buttons', async () => {
    const out = await home();
    for (const label of ['新建市集', '市集管理', '今天的市集队列', '市集服务目录', '市集场地']) button(out, label);
    expect(buttons(out).some((b) => b.text.startsWith('今天的市集队列：'))).toBe(false);
    const next = await tap(tb.user(STAFF), button(out, '新建市集'));
    expect(texts(next)).toContain('点下面的日期');
    expect(buttons(next).some((b) => b.text === '12月12日（周六）')).toBe(true);
    await tb.user(STAFF).command('/cancel');
  });

  it('the evening before, the coming market day is offered first and its list downloads to print', async () => {
    const staff = tb.user(STAFF);
    tb.clock.set(at('2026-12-04T18:30:00'));
    let out = await home();
    out = await tap(staff, button(out, '下载表格'));
    out = await tap(staff, button(out, '市集当天名单'));
    // market days only, the coming one first: no list of empty calendar days to search through
    expect(
      buttons(out)
        .filter((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.text))
        .map((b) => b.text),
    ).toEqual(['2026-12-05']);
    out = await tap(staff, button(out, '2026-12-05'));
    const rows = await readTable(tb.api.chats.file(docs(out)[0]!.result.document.file_id)!.bytes);
    expect(rows[1]).toContain('磨刀-01');
  });

  it('on market day the to-do list starts with today’s queue, and its line opens the queue', async () => {
    tb.clock.set(at('2026-12-05T09:30:00'));
    let out = await home();
    expect(buttons(out)[0]!.text).toBe('今天的市集队列：还有 1 个号等着');
    out = await tap(tb.user(STAFF), button(out, '今天的市集队列：'));
    expect(texts(out)).toContain('2026-12-05 市集：请选服务');
    button(out, '磨刀');
  });

  it('the market day’s list downloads as XLSX and CSV for a day picked with buttons, audited', async () => {
    const staff = tb.user(STAFF);
    let out = await home();
    out = await tap(staff, button(out, '下载表格'));
    out = await tap(staff, button(out, '市集当天名单'));
    out = await tap(staff, button(out, '2026-12-05'));
    const files = docs(out);
    expect(files.map((d) => d.result.document.file_name)).toEqual(['market-2026-12-05.xlsx', 'market-2026-12-05.csv']);
    const rows = await readTable(tb.api.chats.file(files[0]!.result.document.file_id)!.bytes);
    expect(rows[0]).toContain('号码');
    expect(rows[1]).toContain('磨刀-01');
    const audit = await listAudit(tb.db, { action: 'export', actorId: STAFF });
    expect(audit.some((a) => a.subject === 'market')).toBe(true);
  });

  it('an old button for a day without a market day sends no file and names the last days one was held', async () => {
    const staff = tb.user(STAFF);
    tb.clock.set(at('2026-12-08T10:00:00'));
    const out = await tap(staff, 'wb:ex:market:d2026-12-07');
    expect(docs(out)).toHaveLength(0);
    expect(texts(out) + (alert(out) ?? '')).toContain('2026-12-05');
  });

  it('residents are refused the workbench’s market buttons, forged too', async () => {
    const wang = tb.user(WANG, { first_name: '王阿姨' });
    const forged = ['mk:tq', 'mk:new', 'mk:adm', 'mk:adm:1', 'mk:cat:0', 'mk:vn:0', `mk:x:${marketId}`];
    for (const data of forged) expect(alert(await tap(wang, data)), data).toContain('只对社区工作人员开放');
    expect(alert(await tap(wang, 'wb:ex:market:d2026-12-05'))).toContain('只对社区工作人员开放');
    expect(docs(await tap(wang, 'wb:ex:market:d2026-12-05'))).toHaveLength(0);
    expect((await listAudit(tb.db, { actorId: WANG, action: 'denied' })).length).toBeGreaterThanOrEqual(forged.length);
  });
});
