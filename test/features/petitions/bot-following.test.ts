import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, buttons, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Following a petition over time (split from bot.test.ts): the time limits, a question and its answer, it
// happening again, and who answers for which community.

let tb: TestBot;
const HOUR = 3_600_000;
const DEPUTY = 7001; // 野鸭冲社区
const OTHER_DEPUTY = 7002; // 石子头社区
const STAFF = 7003;
let xiaoming: number; // compound 肖明组 (野鸭冲社区)

beforeAll(async () => {
  tb = await startBot();
  const compounds = await tb.services.residents.compounds();
  xiaoming = compounds.find((c) => c.nameZh === '肖明组')!.id;
  const communities = await tb.services.residents.communities();
  await tb.withRole(DEPUTY, 'deputy', { first_name: '周代表' });
  await tb.withRole(OTHER_DEPUTY, 'deputy', { first_name: '吴代表' });
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  const community = (zh: string) => communities.find((c) => c.nameZh === zh)!.id;
  await tb.services.petitions.assignDeputy(null, DEPUTY, community('野鸭冲社区'), null);
  await tb.services.petitions.assignDeputy(null, OTHER_DEPUTY, community('石子头社区'), null);
  await tb.app.features.find((f) => f.name === 'petitions')!.demo!();
});
afterAll(() => tb.stop());

/** What the outbox delivered to a chat since `mark`. */
async function received(chatId: number, mark: number) {
  await tb.delivered();
  return tb.api.callsTo(chatId, { after: mark }).filter((c) => c.method === 'sendMessage' || c.method === 'sendPhoto');
}
const sinceNow = () => tb.api.lastSeq();

describe('time limits', () => {
  it('the deputy is reminded, staff are alerted when the limit passes, and the resident can chase', async () => {
    const u = await tb.resident(7201, { compound: xiaoming });
    const p = await tb.services.petitions.file(7201, {
      category: 'safety',
      place: '幸福里 3 栋',
      latitude: null,
      longitude: null,
      description: '消防通道被电动车堵死了',
      photos: [],
      showName: false,
    });
    await tb.delivered();
    let mark = sinceNow();
    tb.clock.advance(2.5 * 24 * HOUR);
    await tb.runJobs();
    expect(texts(await received(DEPUTY, mark))).toContain(`提醒：反映 #${p.id}`);
    let out = await (await u.click(`pt:ch:${p.id}`)).reply();
    expect(JSON.stringify(out.map((c) => c.payload))).toContain('还没有超过时限');

    mark = sinceNow();
    tb.clock.advance(24 * HOUR);
    await tb.runJobs();
    await tb.runJobs(); // a second run sends nothing twice
    const staff = await received(STAFF, mark);
    expect(staff.filter((c) => texts([c]).includes(`超时未受理`)).length).toBe(1);
    const resident = await received(7201, mark);
    expect(buttons(resident).map((b) => b.callback_data)).toContain(`pt:ch:${p.id}`);

    mark = sinceNow();
    out = await (await u.click(`pt:ch:${p.id}`)).reply();
    expect(texts(out)).toContain('已催办');
    expect(texts(await received(DEPUTY, mark))).toContain('居民催办');
  });
});

describe('following up', () => {
  it('the deputy asks, the petitioner answers with a photo, and a neighbour says it happened again', async () => {
    const owner = await tb.resident(7301, { compound: xiaoming });
    const neighbour = await tb.resident(7302, { compound: xiaoming });
    const p = await tb.services.petitions.file(7301, {
      category: 'sanitation',
      place: '肖明组垃圾站',
      latitude: null,
      longitude: null,
      description: '垃圾站三天没有清运，气味很大',
      photos: [],
      showName: true,
    });
    await tb.services.petitions.cosign(p.id, 7302, false);
    await tb.delivered();
    const d = tb.user(DEPUTY, { first_name: '周代表' });
    let mark = sinceNow();
    let out = await (await d.click(`pt:d:in:${p.id}`)).reply();
    expect(texts(out)).toContain(`反映 #${p.id}`);
    out = await (await d.send('垃圾站在哪栋楼旁边？')).reply();
    expect(texts(out)).toContain(`已把问题发给居民（反映 #${p.id}）`);
    const asked = await received(7301, mark);
    expect(texts(asked)).toContain('哪栋楼旁边');
    expect(await received(7302, mark)).toEqual([]); // a question is for the petitioner only

    mark = sinceNow();
    out = await (await owner.click(button(asked, '补充情况'))).reply();
    expect(texts(out)).toContain(`请补充反映 #${p.id}`);
    out = await (await owner.photo({ caption: '在 5 栋旁边' })).reply();
    expect(texts(out)).toContain('已经把补充情况转给代表');
    const info = await received(DEPUTY, mark);
    expect(info.some((c) => c.method === 'sendPhoto')).toBe(true);
    expect(texts(info)).toContain('在 5 栋旁边');

    mark = sinceNow();
    out = await (await neighbour.click(`pt:ag:${p.id}`)).reply();
    out = await (await neighbour.send('今天又没清运')).reply();
    expect(texts(out)).toContain('这是第 1 次');
    expect(texts(await received(DEPUTY, mark))).toContain('又发生了');
    // a resident who does not follow it has no such button to press
    out = await (await tb.user(7103).click(`pt:ag:${p.id}`)).reply();
    expect(JSON.stringify(out.map((c) => c.payload))).toContain('过期');
  });
});
