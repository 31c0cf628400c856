import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { readTable, writeXlsx } from '../../../src/core/sheets';
import { listAudit } from '../../../src/identity';
import type { FakeUser, RecordedCall } from '../../../src/playground/fake-api';
import { type InlineButton, plainTexts, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Issue 15, done when: a new deployment's first week from an empty database with only ADMIN_IDS set, by taps and
// typed answers alone. Every button is found by its label on the bot's messages; no id is typed, no callback data
// is written here, nothing is seeded and no command-line verb runs.

const MARKET_NOTICE =
  '本周六 9:00–12:00 野享市集在荷塘花园 3 栋前广场，磨刀、理发、家电维修免费，请在「🛠 市集预约」里预约。';
const ADMIN = 5001;
const STAFF = 5002;
const DEPUTY = 5003;
const RESIDENT = 5004;

let tb: TestBot;
beforeAll(async () => {
  // Sunday 2026-11-29, 10:00 in Shanghai
  tb = await startBot({
    empty: true,
    clock: new ManualClock('2026-11-29T02:00:00Z'),
    env: { ADMIN_IDS: String(ADMIN) },
  });
});
afterAll(() => tb.stop());

const keyboard = (m: { reply_markup?: { inline_keyboard?: InlineButton[][] } }) =>
  (m.reply_markup?.inline_keyboard ?? []).flat();

/** The bot's messages in this user's chat, newest first, as the chat shows them now (edits applied). */
const botMessages = (u: FakeUser) =>
  tb.api
    .messages(u.id)
    .filter((m) => m.from === 'bot')
    .reverse();

/**
 * Taps the button whose label contains `label` on the newest bot message that has one, as a person would; fails
 * naming the buttons of the newest keyboard when there is none.
 */
async function press(u: FakeUser, label: string): Promise<RecordedCall[]> {
  for (const m of botMessages(u)) {
    const b = keyboard(m).find((x) => x.text.includes(label));
    if (b?.callback_data) return (await u.click(b.callback_data, { messageId: m.message_id })).reply();
  }
  const last = botMessages(u).find((m) => keyboard(m).length);
  throw new Error(
    `no button "${label}" for ${u.id}; newest keyboard: ${JSON.stringify(last && keyboard(last).map((b) => b.text))}`,
  );
}

/** The office's roster as kept in Excel: 169 people with Chinese headers, and any extra rows after them. */
function rosterXlsx(extra: string[][] = []) {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = ['桂英', '秀兰', '建国', '玉梅', '德明', '淑珍', '国华', '春生', '冬梅'];
  const categories = ['低保', '特困', '残疾', '独居老人', '其他'];
  const rows = Array.from({ length: 169 }, (_, i) => [
    `${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}${i % 3 ? '' : '奶奶'}`,
    categories[i % categories.length]!,
    i % 2 ? `1390000${String(1000 + i)}` : '',
    '',
  ]);
  return writeXlsx([{ name: '名单', header: ['姓名', '类别', '电话', '备注'], rows: [...rows, ...extra] }]);
}

/** The documents the bot sent in these calls: file name and bytes, as the user downloads them. */
const documents = (out: RecordedCall[]) =>
  out
    .filter((c) => c.method === 'sendDocument')
    .map((c) => ({
      name: String(c.result.document.file_name),
      bytes: tb.api.chats.file(c.result.document.file_id)!.bytes,
    }));

/** The one-time code of the invitation link in the bot's reply. */
function inviteCode(out: RecordedCall[]): string {
  const link = /https:\/\/t\.me\/\w+\?start=(inv_[\w-]+)/.exec(texts(out));
  if (!link) throw new Error(`no invitation link in: ${texts(out)}`);
  return link[1]!;
}

/** Opening a t.me deep link: Telegram sends /start with the link's parameter. */
const open = async (u: FakeUser, start: string) => (await u.command('/start', start)).reply();

const say = async (u: FakeUser, text: string) => (await u.send(text)).reply();

/** The text of the newest bot message in the chat, as the person reads it. */
const lastText = (u: FakeUser) => u.lastText() ?? '';

describe('a new sub-district is set up in the chat by its first admin', () => {
  it('the admin names the sub-district and adds two communities with their compounds', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    let out = await (await admin.command('/start')).reply();
    expect(texts(out)).toContain('请输入街道的名称');
    out = await say(admin, '月塘街道');
    expect(texts(out)).toContain('街道名称已保存');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('社区和小区');
    out = await press(admin, '添加社区');
    await say(admin, '野鸭冲社区');
    out = await say(admin, 'Yeyachong Community');
    expect(texts(out)).toContain('已添加社区：野鸭冲社区');
    out = await press(admin, '添加小区');
    await say(admin, '荷塘花园');
    await say(admin, 'Hetang Garden');
    await say(admin, '荷塘区月塘路 18 号');
    out = await (await admin.location(27.8597, 113.1561)).reply();
    expect(texts(out)).toContain('已添加小区：荷塘花园');
    out = await press(admin, '添加小区');
    await say(admin, '肖明组');
    out = await press(admin, '英文名与中文相同');
    await say(admin, '荷塘区肖明路 3 号');
    out = await press(admin, '跳过');
    expect(texts(out)).toContain('已添加小区：肖明组');
    out = await press(admin, '全部社区');
    out = await press(admin, '添加社区');
    await say(admin, '石子头社区');
    await say(admin, 'Shizitou Community');
    out = await press(admin, '添加小区');
    await say(admin, '幸福里');
    await say(admin, 'Xingfuli');
    await say(admin, '荷塘区幸福路 22 号');
    out = await press(admin, '跳过');
    expect(texts(out)).toContain('已添加小区：幸福里');
    out = await press(admin, '全部社区');
    expect(texts(out)).toContain('野鸭冲社区：2 个小区');
    expect(texts(out)).toContain('石子头社区：1 个小区');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('市集场地');
  });

  it('a venue for market days, the charity supermarket, office hours, petition time limits and partners’ activities, then it opens', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    let out = await press(admin, '荷塘花园');
    expect(texts(out)).toContain('场地叫什么');
    await say(admin, '荷塘花园 3 栋前广场\nHetang Garden Square');
    await say(admin, '荷塘区月塘路 18 号');
    out = await press(admin, '跳过');
    expect(texts(out)).toContain('已添加场地');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('慈善超市叫什么名字');
    await say(admin, 'IGO慈善超市 / IGO Charity Supermarket');
    await say(admin, '荷塘区示范路 28 号 / 28 Shifan Road');
    await say(admin, '5');
    out = await say(admin, '09:00-11:30');
    expect(texts(out)).toContain('慈善超市设好了');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('办公时间');
    await press(admin, '周六');
    await press(admin, '选好了');
    await press(admin, '09:00');
    out = await press(admin, '18:00');
    expect(texts(out)).toContain('办公时间已保存：周一至周六 09:00-18:00');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('反映处理时限');
    await press(admin, '2');
    out = await say(admin, '10');
    expect(texts(out)).toContain('受理 2 天，答复 10 天');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('合伙人（商家、社工机构、志愿服务队等）可以在这里自己新建和发布他们的活动吗');
    out = await press(admin, '只由社区工作人员发布');
    expect(texts(out)).toContain('活动只由社区工作人员新建和发布');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('设置完成');
    expect(tb.services.setup.isComplete()).toBe(true);
    expect(await tb.services.relief.settings()).toMatchObject({ placeZh: 'IGO慈善超市', pickupDay: 5 });
    expect((await tb.services.market.venues()).map((v) => v.nameZh)).toEqual(['荷塘花园 3 栋前广场']);
  });

  it('the admin adds three market services to the empty catalogue from the workbench', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    await say(admin, '🧰 工作台');
    let out = await press(admin, '市集服务目录');
    expect(texts(out)).toContain('还没有服务');
    const add = async (names: string, group: string, places: string, minutes: string, needs: string) => {
      out = await press(admin, '添加服务');
      expect(texts(out)).toContain('第一行中文');
      await say(admin, names);
      await press(admin, group);
      await say(admin, places);
      await press(admin, minutes);
      out = await press(admin, needs);
      expect(texts(out)).toContain('已添加到服务目录');
      await say(admin, '🧰 工作台');
      out = await press(admin, '市集服务目录');
    };
    await add('磨刀\nKnife sharpening', '生活', '10', '10', '什么都不用');
    await add('理发\nHaircut', '生活', '8', '15', '什么都不用');
    await add('家电维修\nAppliance repair', '维修', '6', '20', '说明和照片');
    expect(texts(out)).toContain('在用 3 项');
    const services = await tb.services.market.services();
    expect(services.map((s) => s.nameZh).sort()).toEqual(['家电维修', '理发', '磨刀']);
  });

  it('the admin invites a staff member, and a deputy for 野鸭冲社区 picked with buttons; each opens their link', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    await say(admin, '🧰 工作台');
    let out = await press(admin, '邀请');
    out = await press(admin, '社区工作人员');
    const staffLink = inviteCode(out);
    out = await open(tb.user(STAFF, { first_name: '小刘' }), staffLink);
    expect(texts(out)).toContain('您现在是「社区工作人员」');
    expect(await tb.app.identity.roles(STAFF)).toEqual(new Set(['staff']));

    await say(admin, '🧰 工作台');
    out = await press(admin, '代表负责范围');
    out = await press(admin, '邀请新代表');
    out = await press(admin, '野鸭冲社区');
    out = await press(admin, '下一步');
    out = await press(admin, '生成邀请链接');
    out = await open(tb.user(DEPUTY, { first_name: '周代表' }), inviteCode(out));
    expect(texts(out)).toContain('您现在是「人大代表」');
    expect(await tb.app.identity.roles(DEPUTY)).toEqual(new Set(['deputy']));
    const yeyachong = (await tb.services.residents.communities()).find((c) => c.nameZh === '野鸭冲社区')!;
    const areas = await tb.services.petitions.areasOf(DEPUTY);
    expect(areas.map((a) => [a.communityId, a.category])).toEqual([[yeyachong.id, null]]);
  });
});

describe('the staff member runs the week from the workbench, and the first resident arrives', () => {
  it('a roster file with two bad rows changes nothing and names both; the 169 rows are previewed, then imported', async () => {
    const staff = tb.user(STAFF, { first_name: '小刘' });
    await say(staff, '🧰 工作台');
    let out = await press(staff, '导入文件');
    out = await press(staff, '救助名单');
    expect(texts(out)).toContain('姓名、类别');
    const bad = [
      ['某某', '贫困户', '', ''],
      ['钱奶奶', '特困', '12ab', ''],
    ];
    out = await (await staff.document('名单.xlsx', await rosterXlsx(bad))).reply();
    expect(texts(out)).toContain('什么都没有导入');
    expect(texts(out)).toContain('第 171 行：类别「贫困户」不对');
    expect(texts(out)).toContain('第 172 行：电话「12ab」');
    expect(await tb.services.relief.roster()).toHaveLength(0);
    out = await (await staff.document('名单.xlsx', await rosterXlsx())).reply();
    expect(texts(out)).toContain('将新增 169 条，更新 0 条');
    expect(await tb.services.relief.roster()).toHaveLength(0);
    out = await press(staff, '确认导入');
    expect(texts(out)).toContain('新增 169 条');
    expect(await tb.services.relief.roster()).toHaveLength(169);
  });

  it('a resident onboards into 荷塘花园 by tapping her community and compound', async () => {
    const wang = tb.user(RESIDENT, { first_name: '王阿姨' });
    let out = await (await wang.command('/start')).reply();
    expect(plainTexts(out)).toContain('月塘街道');
    out = await press(wang, '野鸭冲社区');
    out = await press(wang, '荷塘花园');
    expect(texts(out)).toContain('已记下：您住在 荷塘花园');
  });

  it('the staff member schedules a market day at the venue with the three services and publishes it to residents', async () => {
    const staff = tb.user(STAFF, { first_name: '小刘' });
    await say(staff, '🧰 工作台');
    let out = await press(staff, '新建市集');
    expect(texts(out)).toContain('点下面的日期');
    out = await press(staff, '12月5日（周六）');
    out = await say(staff, '9点到12点');
    expect(texts(out)).toContain('在哪个场地办');
    out = await press(staff, '荷塘花园 3 栋前广场');
    for (const name of ['磨刀', '理发', '家电维修']) out = await press(staff, name);
    out = await press(staff, '选好了');
    out = await press(staff, '完成');
    expect(texts(out)).toContain('荷塘花园 3 栋前广场');
    out = await press(staff, '发布');
    expect(texts(out)).toContain('发布后会通知这个小区的居民');
    out = await press(staff, '确认');
    expect(texts(out)).toMatch(/已发布。将通知 [1-9]\d* 位居民/);
    await tb.delivered();
    const wang = tb.user(RESIDENT, { first_name: '王阿姨' });
    expect(lastText(wang)).toContain('野享市集要来了');
    expect(lastText(wang)).toContain('免费服务：磨刀、理发、家电维修');
  });

  it('the staff member broadcasts the market day to every resident from the workbench', async () => {
    const staff = tb.user(STAFF, { first_name: '小刘' });
    await say(staff, '🧰 工作台');
    let out = await press(staff, '发通知');
    expect(texts(out)).toContain('请发送通知内容');
    out = await say(staff, MARKET_NOTICE);
    expect(texts(out)).toContain('发给谁');
    out = await press(staff, '全体居民');
    expect(texts(out)).toContain('收件人：4 人');
    out = await press(staff, '现在发送');
    expect(texts(out)).toContain('正在发送');
    await tb.delivered();
    const got = tb.api.messages(RESIDENT).filter((m) => m.from === 'bot' && m.text === MARKET_NOTICE);
    expect(got).toHaveLength(1);
    expect((await listAudit(tb.db, { action: 'notices.broadcast.create', actorId: STAFF })).length).toBe(1);
    // what was sent is a button away too
    await say(staff, '🧰 工作台');
    out = await press(staff, '发过的通知');
    expect(plainTexts(out)).toContain('本周六 9:00–12:00 野享市集');
  });
});

describe('the resident uses it, and what she does reaches the right people', () => {
  it('the resident books a knife sharpening from the announcement and gets a ticket', async () => {
    const wang = tb.user(RESIDENT, { first_name: '王阿姨' });
    let out = await press(wang, '去预约');
    out = await press(wang, '磨刀');
    expect(texts(out)).toContain('预约成功');
    expect(texts(out)).toContain('磨刀-01');
  });

  it('the resident files a petition and it reaches the deputy for her community', async () => {
    const wang = tb.user(RESIDENT, { first_name: '王阿姨' });
    let out = await say(wang, '📣 我要反映');
    out = await press(wang, '积水');
    expect(texts(out)).toContain('问题在哪里');
    await say(wang, '肖明组铁路涵洞');
    await say(wang, '跳过'); // the reply keyboard's button: not at the spot
    out = await say(wang, '每次下雨涵洞就积水，上下班要绕很远的路');
    out = await press(wang, '没有照片');
    out = await press(wang, '匿名');
    expect(texts(out)).toContain('地点：肖明组铁路涵洞');
    out = await press(wang, '确认提交');
    expect(texts(out)).toContain('代表会在 2 天内受理，10 天内答复');
    await tb.delivered();
    const deputy = tb.user(DEPUTY, { first_name: '周代表' });
    expect(lastText(deputy)).toContain('新的居民反映');
    expect(lastText(deputy)).toContain('社区：野鸭冲社区');
    expect(lastText(deputy)).toContain('每次下雨涵洞就积水');
    expect(lastText(deputy)).toContain('反映人：王阿姨');
    // the deputy acknowledges it from the card, and the resident is told
    out = await press(deputy, '受理');
    await tb.delivered();
    expect(texts(out)).toContain('已受理反映 #1');
    expect(lastText(wang)).toContain('已受理');
  });
});

describe('the staff member downloads the week’s files from the workbench', () => {
  it('after the market day its list comes as a spreadsheet and a CSV, with the resident’s ticket in it', async () => {
    // Saturday afternoon: the days offered are today and the week before (a day to come is not offered)
    tb.clock.set(new Date('2026-12-05T15:00:00+08:00'));
    const staff = tb.user(STAFF, { first_name: '小刘' });
    await say(staff, '🧰 工作台');
    await press(staff, '下载表格');
    await press(staff, '市集当天名单');
    const out = await press(staff, '2026-12-05');
    const files = documents(out);
    expect(files.map((d) => d.name)).toEqual(['market-2026-12-05.xlsx', 'market-2026-12-05.csv']);
    const rows = await readTable(files[0]!.bytes);
    expect(rows[0]).toContain('号码');
    expect(rows.some((r) => r.includes('磨刀-01'))).toBe(true);
  });

  it('the month’s relief pickups come as a spreadsheet, the month picked with a button', async () => {
    const staff = tb.user(STAFF, { first_name: '小刘' });
    await say(staff, '🧰 工作台');
    await press(staff, '下载表格');
    let out = await press(staff, '救助领取月表');
    expect(texts(out)).toContain('要哪一段时间的');
    out = await press(staff, '2026年12月');
    let files = documents(out);
    expect(files.map((d) => d.name)).toEqual(['relief-2026-12.xlsx', 'relief-2026-12.csv']);
    let rows = await readTable(files[0]!.bytes);
    expect(rows[0]).toEqual(expect.arrayContaining(['姓名', '类别', '状态', '领取时间']));
    expect(rows).toHaveLength(1 + 169);
    // and the month's petitions, the one filed this week among them
    await say(staff, '🧰 工作台');
    await press(staff, '下载表格');
    await press(staff, '居民反映');
    out = await press(staff, '2026年11月');
    files = documents(out);
    expect(files.map((d) => d.name)).toEqual(['petitions-2026-11.xlsx', 'petitions-2026-11.csv']);
    rows = await readTable(files[0]!.bytes);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['野鸭冲社区', '荷塘花园', '肖明组铁路涵洞']));
    const exports = await listAudit(tb.db, { action: 'export', actorId: STAFF });
    expect(exports.map((a) => a.subject).sort()).toEqual(['market', 'petitions', 'relief-month']);
  });
});

describe('nobody typed an id or a command to get here', () => {
  it('the only commands anyone sent were /start, bare or from an invitation link', async () => {
    for (const id of [ADMIN, STAFF, DEPUTY, RESIDENT]) {
      const typed = tb.api
        .messages(id)
        .filter((m) => m.from === 'user' && typeof m.text === 'string')
        .map((m) => m.text as string);
      expect(typed.length, `${id} wrote`).toBeGreaterThan(0);
      for (const text of typed.filter((t) => t.startsWith('/'))) expect(text).toMatch(/^\/start( inv_[\w-]+)?$/);
    }
  });
});
