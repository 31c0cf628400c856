import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { alertOf, dataOf, type InlineButton, seen, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Monday 2025-03-10 10:00 in Shanghai: the office is open.
const clock = new ManualClock('2025-03-10T02:00:00Z');
let tb: TestBot;
beforeAll(async () => {
  tb = await startBot({ clock, seedDemo: true });
});
afterAll(() => tb.stop());

let nextId = 2000;
const newResident = (o: { language_code?: string; first_name?: string } = {}) => tb.resident(nextId++, o);

describe('a question the FAQ cannot answer', () => {
  const STAFF = 900;
  const STAFF2 = 901;
  beforeAll(async () => {
    await tb.withRole(STAFF, 'staff', { first_name: '小张' });
    await tb.withRole(STAFF2, 'staff', { first_name: '小刘' });
  });

  it(
    'reaches the staff, the reply reaches the resident, ' +
      'staff make it an entry and the next resident gets it at once',
    async () => {
      const u = await newResident({ first_name: '王阿姨' });
      const none = await (await u.send('社区可以借轮椅吗？')).reply();
      expect(texts(none)).toContain('这个问题我还答不上来');
      const sent = await (await u.click(dataOf(none, /^fq:h:\d+$/)!)).reply();
      expect(texts(sent)).toContain('已经转给社区工作人员');
      await tb.delivered();

      const toStaff = seen(tb, STAFF).at(-1)!;
      expect(toStaff.text).toContain('社区可以借轮椅吗？');
      expect(toStaff.text).toContain('王阿姨');
      expect(toStaff.text).toContain('野鸭冲社区');
      const reply = (toStaff.reply_markup.inline_keyboard.flat() as InlineButton[]).find((b) =>
        b.text.includes('回复'),
      )!.callback_data!;
      expect(seen(tb, STAFF2).at(-1)?.text).toContain('社区可以借轮椅吗？');

      const staff = tb.user(STAFF, { first_name: '小张' });
      const ask = await (await staff.click(reply)).reply();
      expect(texts(ask)).toContain('请输入给居民 王阿姨 的回复');
      const taken = await (await tb.user(STAFF2).click(reply)).reply();
      expect(alertOf(taken)).toContain('小张 接手');

      const done = await (await staff.send('可以，带身份证到社区办公室登记借用，免费两周。')).reply();
      expect(texts(done)).toContain('回复已发给居民');
      await tb.delivered();
      expect(seen(tb, u.id).at(-1)?.text).toContain('可以，带身份证到社区办公室登记借用，免费两周。');

      await (await staff.click(dataOf(done, /^fq:n:\d+$/)!)).reply();
      // Issue 13 item 5: the entry is shown for checking before it is saved.
      const review = await (await staff.send('社区可以借轮椅吗？')).reply();
      const made = await (await staff.click(dataOf(review, /^fq:hs$/)!)).reply();
      expect(texts(made)).toContain('已加入常见问题');

      const next = await newResident();
      const answer = await (await next.send('社区能借轮椅吗')).reply();
      expect(texts(answer)).toContain('免费两周');
      expect(dataOf(answer, /^fq:u:/)).toBeDefined();
    },
  );

  it('outside office hours the resident is told when to expect an answer', async () => {
    clock.set('2025-03-15T02:00:00Z'); // Saturday 10:00
    try {
      const u = await newResident();
      const none = await (await u.send('小区门口的垃圾桶能不能多放两个')).reply();
      const sent = await (await u.click(dataOf(none, /^fq:h:\d+$/)!)).reply();
      expect(texts(sent)).toContain('现在是下班时间');
      expect(texts(sent)).toContain('2025-03-17 周一 08:30');
      // The hand-off reaches staff on Saturday: rows queued at this hour are not yet due once the clock goes back.
      await tb.delivered();
    } finally {
      clock.set('2025-03-10T02:00:00Z');
    }
  });

  it('HTML-looking text from a resident and from staff arrives as text, never as formatting', async () => {
    const u = await newResident({ first_name: '<b>Boss</b>' });
    const none = await (await u.send('<b>轮椅</b> & <a href="x">拐杖</a> 哪里修')).reply();
    await (await u.click(dataOf(none, /^fq:h:\d+$/)!)).reply();
    await tb.delivered();
    const toStaff = seen(tb, STAFF).at(-1)!;
    expect(toStaff.text).toContain('<b>轮椅</b> & <a href="x">拐杖</a> 哪里修');
    expect(toStaff.text).toContain('<b>Boss</b>');
    expect(toStaff.html).toContain('&lt;b&gt;轮椅&lt;/b&gt;');

    const inbox = await (await tb.user(STAFF).command('/inbox')).reply();
    expect(texts(inbox)).toContain('&lt;a href=&quot;x&quot;&gt;');

    const reply = (toStaff.reply_markup.inline_keyboard.flat() as InlineButton[])[0]!.callback_data!;
    await (await tb.user(STAFF).click(reply)).reply();
    await (await tb.user(STAFF).send('<i>楼下</i> 修车铺 <script>')).reply();
    await tb.delivered();
    const toResident = seen(tb, u.id).at(-1)!;
    expect(toResident.text).toContain('<i>楼下</i> 修车铺 <script>');
    expect(toResident.text).toContain('<b>轮椅</b>');
  });

  it('an open question is reminded to staff after four working hours', async () => {
    const u = await newResident();
    const none = await (await u.send('社区有没有老年食堂')).reply();
    await (await u.click(dataOf(none, /^fq:h:\d+$/)!)).reply();
    await tb.delivered();
    const before = seen(tb, STAFF).length;
    clock.advance(4.5 * 3_600_000);
    try {
      await tb.runJobs();
      await tb.delivered();
      const reminders = seen(tb, STAFF)
        .slice(before)
        .filter((m) => m.text?.includes('社区有没有老年食堂'));
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.text).toContain('还没有回复');
      await tb.runJobs();
      await tb.delivered();
      expect(
        seen(tb, STAFF)
          .slice(before)
          .filter((m) => m.text?.includes('社区有没有老年食堂')),
      ).toHaveLength(1);
    } finally {
      clock.set('2025-03-10T02:00:00Z');
    }
  });
});

describe('staff managing the common questions', () => {
  const STAFF = 950;
  beforeAll(() => tb.withRole(STAFF, 'staff').then(() => undefined));

  it('adding an entry re-asks with an example on bad input, and residents can ask it right away', async () => {
    const s = tb.user(STAFF);
    const menu = await (await s.command('/faq')).reply();
    expect(texts(menu)).toContain('常见问题管理');
    await (await s.click('fq:sa')).reply();
    await (await s.click('fq:sn:zh-CN')).reply();
    const q = await (await s.click('fq:sc:other')).reply();
    expect(texts(q)).toContain('请输入问题');
    const bad = await (await s.send('轮')).reply();
    expect(texts(bad)).toContain('例如');
    await (await s.send('社区能代收快递吗？')).reply();
    await (await s.send('可以，放在社区办公室，凭取件码领取。')).reply();
    await (await s.click('fq:sk')).reply();
    const saved = await (await s.click('fq:sk')).reply();
    expect(texts(saved)).toContain('已保存');
    const out = await (await (await newResident()).send('社区可以代收快递吗')).reply();
    expect(texts(out)).toContain('凭取件码领取');
  });

  it('an entry is edited and deleted after confirmation', async () => {
    const s = tb.user(STAFF);
    const e = (await tb.services.faq.entries.inCategory('office', 'zh-CN'))[0]!;
    await (await s.click(`fq:sf:${e.id}:a`)).reply();
    const edited = await (await s.send('周一到周五 8:30–17:30 办公。')).reply();
    expect(texts(edited)).toContain('已修改');
    expect((await tb.services.faq.entries.get(e.id)).answer).toBe('周一到周五 8:30–17:30 办公。');
    await (await s.click(`fq:sx:${e.id}`)).reply();
    const gone = await (await s.click(`fq:sy:${e.id}`)).reply();
    expect(texts(gone)).toContain('已删除');
    expect(await tb.services.faq.entries.find(e.id)).toBeUndefined();
  });
});
