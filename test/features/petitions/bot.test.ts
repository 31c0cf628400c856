import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, texts, waitForMessage } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

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

describe('a resident files a petition and follows it to the end', () => {
  let id = 0;

  it('emergencies get the numbers to call at once and nothing is filed', async () => {
    const u = await tb.resident(7100, { compound: xiaoming });
    let out = await (await u.send('📣 我要反映')).reply();
    expect(texts(out)).toContain('119');
    await (await u.click(button(out, '积水'))).reply();
    out = await (await u.send('肖明组涵洞，有个老人被困在车里了')).reply();
    expect(texts(out)).toContain('119');
    expect(texts(out)).toContain('120');
    expect(texts(out)).toContain('没有作为您正在填写的内容提交');
    expect(await tb.services.petitions.mine(7100)).toEqual([]);
    const mark = tb.api.lastSeq();
    await (await u.click(button(out, '现在没有危险'))).reply();
    // carries on with the place as typed: the text goes back to the flow, which asks the next question
    await waitForMessage(tb, 7100, '发送我的位置', mark);
    await (await u.command('/cancel')).reply();
  });

  it('with a location and a photo, the deputy of the community receives it with the contact and buttons', async () => {
    const u = await tb.resident(7101, { compound: xiaoming, first_name: '肖大爷' });
    await tb.services.residents.setPhone(7101, '13812345678');
    const mark = sinceNow();
    let out = await (await u.send('📣 我要反映')).reply();
    out = await (await u.click(button(out, '积水'))).reply();
    expect(texts(out)).toContain('问题在哪里');
    out = await (await u.send('肖')).reply();
    expect(texts(out)).toContain('例如'); // too short: asked again with an example
    out = await (await u.send('肖明组铁路涵洞')).reply();
    expect(
      out
        .at(-1)!
        .payload.reply_markup.keyboard.flat()
        .some((b: { request_location?: boolean }) => b.request_location),
    ).toBe(true);
    out = await (await u.location(27.8705, 113.1702)).reply();
    expect(texts(out)).toContain('位置已收到');
    out = await (await u.send('一下雨涵洞就积水 <b>到膝盖</b>，电动车和行人都过不去，每天一千多人要绕路')).reply();
    // the demo data already has the culvert: it is offered first
    expect(texts(out)).toContain('同一个问题');
    expect(texts(out)).toContain('肖明组铁路涵洞');
    out = await (await u.click(button(out, '不是同一个问题'))).reply();
    expect(texts(out)).toContain('有照片吗');
    out = await (await u.photo()).reply();
    expect(texts(out)).toContain('收到第 1 张照片');
    out = await (await u.click(button(out, '照片发完了'))).reply();
    out = await (await u.click(button(out, '显示我的名字'))).reply();
    expect(texts(out)).toContain('请确认');
    expect(texts(out)).toContain('&lt;b&gt;到膝盖'); // resident text is escaped, never formatting
    out = await (await u.click(button(out, '确认提交'))).reply();
    const filed = /#(\d+)/.exec(texts(out));
    expect(filed).not.toBeNull();
    id = Number(filed![1]);
    expect(texts(out)).toContain(`start=p_${id}`);

    const got = await received(DEPUTY, mark);
    expect(texts(got)).toContain(`新的居民反映 #${id}`);
    expect(texts(got)).toContain('13812345678');
    expect(texts(got)).toContain('&lt;b&gt;到膝盖');
    expect(got.some((c) => c.method === 'sendPhoto')).toBe(true);
    expect(buttons(got).map((b) => b.callback_data)).toEqual(
      expect.arrayContaining([`pt:d:ak:${id}`, `pt:d:sm:${id}`]),
    );
    expect(buttons(got).some((b) => b.url?.includes('113.170200,27.870500'))).toBe(true);
    expect(await received(OTHER_DEPUTY, mark)).toEqual([]);
  });

  it('a neighbour writing about the same culvert is offered to co-sign instead', async () => {
    const u = await tb.resident(7102, { compound: xiaoming, first_name: '陈奶奶' });
    let out = await (await u.send('📣 我要反映')).reply();
    await (await u.click(button(out, '积水'))).reply();
    await (await u.send('肖明组涵洞')).reply();
    await (await u.send('跳过')).reply();
    out = await (await u.send('涵洞又淹了，上班过不去')).reply();
    expect(texts(out)).toContain('同一个问题');
    out = await (await u.click(button(out, `联名 #${id}`))).reply();
    out = await (await u.click(button(out, '匿名'))).reply();
    expect(texts(out)).toContain(`已联名 #${id}`);
    expect((await tb.services.petitions.follower(id, 7102))?.kind).toBe('cosigner');
    expect((await tb.services.petitions.mine(7102)).length).toBe(1); // nothing new was filed
  });

  it('another neighbour joins through the share link; the public view hides contact details', async () => {
    const u = await tb.resident(7103, { compound: xiaoming });
    let out = await (await u.command('/start', `p_${id}`)).reply();
    expect(texts(out)).toContain(`反映 #${id}`);
    expect(texts(out)).toContain('肖大爷');
    expect(texts(out)).not.toContain('13812345678');
    out = await (await u.click(button(out, '显示我的名字'))).reply();
    expect(texts(out)).toContain('一共 3 人');
  });

  it('a deputy of another area and a resident forging deputy buttons are refused; nothing changes', async () => {
    const other = tb.user(OTHER_DEPUTY, { first_name: '吴代表' });
    let out = await (await other.click(`pt:d:ak:${id}`)).reply();
    expect(texts(out) + JSON.stringify(out.map((c) => c.payload))).toContain('不归您负责');
    out = await (await other.click(`pt:d:tr:${id}:1`)).reply();
    expect(JSON.stringify(out.map((c) => c.payload))).toContain('不归您负责');
    const resident = tb.user(7103);
    out = await (await resident.click(`pt:d:rs:${id}`)).reply();
    expect(JSON.stringify(out.map((c) => c.payload))).toContain('只对社区工作人员开放');
    out = await (await resident.command('/petitions')).reply();
    expect(texts(out)).toContain('只对社区工作人员开放');
    out = await (await resident.click(`pt:fb:${id}:no`)).reply(); // not theirs to rate
    expect(JSON.stringify(out.map((c) => c.payload))).toContain('只有反映人本人');
    out = await (await resident.click('pt:d:ak:abc')).reply();
    expect(JSON.stringify(out.map((c) => c.payload))).toContain('过期');
    expect((await tb.services.petitions.petition(id)).status).toBe('submitted');
    expect((await listAudit(tb.db, { actorId: 7103, action: 'denied' })).length).toBeGreaterThanOrEqual(2);
  });

  it('acknowledge, transfer to 水务局 and resolve reach the petitioner and the co-signers step by step', async () => {
    const d = tb.user(DEPUTY, { first_name: '周代表' });
    let mark = sinceNow();
    let out = await (await d.click(`pt:d:ak:${id}`)).reply();
    expect(texts(out)).toContain(`已受理反映 #${id}`);
    for (const who of [7101, 7102, 7103]) expect(texts(await received(who, mark))).toContain('已受理');

    tb.clock.advance(2 * HOUR);
    mark = sinceNow();
    out = await (await d.click(`pt:d:sm:${id}`)).reply();
    out = await (await d.click(button(out, '已转交部门'))).reply();
    out = await (await d.click(button(out, '水务局'))).reply();
    expect(texts(out)).toContain('已转交水务局');
    for (const who of [7101, 7102]) expect(texts(await received(who, mark))).toContain('水务局');

    tb.clock.advance(2 * HOUR);
    mark = sinceNow();
    out = await (await d.click(`pt:d:sm:${id}`)).reply();
    out = await (await d.click(button(out, '已解决'))).reply();
    expect(texts(out)).toContain('怎么解决的');
    out = await (await d.send('水务局加装了排水泵，汛期前完工')).reply();
    expect(texts(out)).toContain('已标为「已解决」');
    const petitioner = await received(7101, mark);
    expect(texts(petitioner)).toContain('加装了排水泵');
    expect(buttons(petitioner).map((b) => b.callback_data)).toContain(`pt:fb:${id}:yes`);
    const cosigner = await received(7102, mark);
    expect(texts(cosigner)).toContain('已解决');
    expect(buttons(cosigner).some((b) => b.callback_data?.startsWith('pt:fb:'))).toBe(false);
  });

  it('the petitioner says it is solved, gives five stars, and staff see it in the three rates', async () => {
    const u = tb.user(7101);
    let out = await (await u.click(`pt:fb:${id}:yes`)).reply();
    expect(texts(out)).toContain('打几颗星');
    out = await (await u.click(`pt:rt:${id}:5`)).reply();
    expect(texts(out)).toContain('⭐⭐⭐⭐⭐');
    expect(await tb.services.petitions.petition(id)).toMatchObject({ solved: 'yes', satisfaction: 5 });
    out = await (await tb.user(STAFF, { first_name: '小张' }).command('/petitionstats')).reply();
    expect(texts(out)).toContain('响应率');
    expect(texts(out)).toContain('周代表');
    out = await (await tb.user(7101).command('/mypetitions')).reply();
    out = await (await u.click(`pt:v:${id}`)).reply();
    expect(texts(out)).toContain('水务局');
    expect(texts(out)).toContain('加装了排水泵');
  });
});

describe('deputies at work', () => {
  it('a deputy lists only the petitions of their area and records a meeting whose residents are told', async () => {
    const d = tb.user(DEPUTY, { first_name: '周代表' });
    let out = await (await d.command('/petitions')).reply();
    const listed = buttons(out)
      .filter((b) => b.callback_data?.startsWith('pt:d:v:'))
      .map((b) => b.text);
    expect(listed.some((t) => t.includes('肖明组铁路涵洞'))).toBe(true);
    expect(listed.some((t) => t.includes('铁路新村东门'))).toBe(false); // 石子头社区 is not theirs
    // 肖大爷 also follows the demo culvert, still open: meetings are about open petitions
    const staffView = { id: STAFF, roles: new Set(['staff']) };
    const all = await tb.services.petitions.listForHandler(staffView, {});
    const culvert = all.find((p) => p.place === '肖明组铁路涵洞' && p.petitionerId < 0)!;
    await tb.services.petitions.cosign(culvert.id, 7101, true);
    const mark = sinceNow();
    await (await d.command('/meeting')).reply();
    out = await (await d.send('明天')).reply();
    expect(texts(out)).toContain('请写日期');
    out = await (await d.send('今天')).reply();
    out = await (await d.click(button(out, '水务局'))).reply();
    out = await (await d.click(button(out, '选好了'))).reply();
    expect(texts(out)).toContain('讨论了哪些反映');
    // the petitions discussed are buttons: the deputy's open ones; another area's, pressed anyway, is named
    expect(buttons(out).some((b) => b.text.includes('铁路新村'))).toBe(false);
    const other = all.find((p) => p.place.includes('铁路新村'))!;
    out = await (await d.click(`pt:d:mi:${other.id}`)).reply();
    expect(alertOf(out)).toContain(`#${other.id}`);
    expect(alertOf(out)).toContain('不归您负责');
    out = await (await d.click(`pt:d:mi:${culvert.id}`)).reply();
    out = await (await d.click(button(out, '选好了'))).reply();
    out = await (await d.send('水务局承诺汛期前改造涵洞排水')).reply();
    out = await (await d.click(button(out, '发送给居民'))).reply();
    expect(texts(out)).toContain('已记录');
    expect(texts(await received(7101, mark))).toContain('代表·局长面对面');
  });
});
