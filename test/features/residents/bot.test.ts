import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity';
import { createInvitation } from '../../../src/identity/invitations';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot;
beforeAll(async () => {
  tb = await startBot({ env: { ADMIN_IDS: '9000' } });
});
afterAll(() => tb.stop());

const texts = (calls: { payload: Record<string, any> }[]) =>
  calls.map((c) => String(c.payload.text ?? c.payload.caption ?? '')).join('\n');
const buttons = (calls: { payload: Record<string, any> }[]) =>
  calls.flatMap((c) =>
    (c.payload.reply_markup?.inline_keyboard ?? []).flat().map((b: { text: string; callback_data?: string }) => b),
  );

describe('onboarding', () => {
  it('a Chinese-speaking newcomer is greeted in Chinese and asked for their community', async () => {
    const u = tb.user(101, { language_code: 'zh-hans', first_name: '王阿姨' });
    const out = await (await u.command('/start')).reply();
    expect(texts(out)).toContain('王阿姨，您好');
    expect(texts(out)).toContain('请问您住在哪个社区？');
    expect(buttons(out).map((b) => b.text)).toEqual(expect.arrayContaining(['野鸭冲社区', '石子头社区']));
  });

  it('choosing community, compound and sharing their own phone finishes onboarding', async () => {
    const u = tb.user(102, { language_code: 'zh-hans' });
    let out = await (await u.command('/start')).reply();
    const community = buttons(out).find((b) => b.text === '野鸭冲社区')!;
    out = await (await u.click(community.callback_data!)).reply();
    expect(texts(out)).toContain('请选择您住的小区');
    const compound = buttons(out).find((b) => b.text === '肖明组')!;
    out = await (await u.click(compound.callback_data!)).reply();
    expect(texts(out)).toContain('已记下：您住在 肖明组');
    expect(texts(out)).toContain('留个手机号吗');
    const kb = out.at(-1)!.payload.reply_markup.keyboard.flat();
    expect(kb.some((b: { request_contact?: boolean }) => b.request_contact)).toBe(true);
    out = await (await u.contact({ phone_number: '+86 138 0000 0000', user_id: 102 })).reply();
    expect(texts(out)).toContain('手机号已保存');
    const user = await tb.app.identity.user(102);
    expect(user).toMatchObject({ phone: '+8613800000000', onboarded: true });
    expect(user?.compoundId).toBe(
      compound.callback_data!.split(':')[2] ? Number(compound.callback_data!.split(':')[2]) : -1,
    );
  });

  it("someone else's contact card is not taken as the resident's phone", async () => {
    const u = tb.user(103);
    const out0 = await (await u.command('/start')).reply();
    const community = buttons(out0)[0]!;
    const out1 = await (await u.click(community.callback_data!)).reply();
    await (await u.click(buttons(out1)[0]!.callback_data!)).reply();
    const out = await (await u.contact({ phone_number: '+8613911112222', user_id: 555 })).reply();
    expect(texts(out)).toContain('不是您本人的号码');
    expect((await tb.app.identity.user(103))?.phone).toBeNull();
  });

  it('a resident who types a question instead of choosing is still answered', async () => {
    const u = tb.user(104);
    await (await u.command('/start')).reply();
    const out = await (await u.send('今天天气怎么样')).reply();
    expect(out.length).toBeGreaterThan(0);
    expect(texts(out)).not.toBe('');
  });

  it('an English-speaking user gets English, and /lang switches to Chinese', async () => {
    const u = tb.user(105, { language_code: 'en-US', first_name: 'Tom' });
    let out = await (await u.command('/start')).reply();
    expect(texts(out)).toContain('Hello Tom!');
    out = await (await u.command('/help')).reply();
    expect(texts(out)).toContain('Here is what I can do');
    await (await u.command('/lang')).reply();
    out = await (await u.click('rs:lang:zh-CN')).reply();
    expect(texts(out)).toContain('已切换为中文');
    out = await (await u.command('/help')).reply();
    expect(texts(out)).toContain('我能帮您做这些事');
  });

  it('after switching to English the ☰ command menu is English too, though Telegram itself is in Chinese', async () => {
    const u = tb.user(107, { language_code: 'zh-hans' });
    await (await u.command('/start')).reply();
    await (await u.command('/lang')).reply();
    const mark = tb.api.lastSeq();
    await (await u.click('rs:lang:en')).reply();
    const menu = tb.api.calls.filter(
      (c) => c.seq > mark && c.method === 'setMyCommands' && c.payload.scope?.chat_id === 107,
    );
    expect(menu.length).toBe(1);
    const help = (menu[0]!.payload.commands as { command: string; description: string }[]).find(
      (c) => c.command === 'help',
    );
    expect(help?.description).toMatch(/^[A-Za-z]/);
  });

  it('an unsupported Telegram language falls back to the default (Chinese)', async () => {
    const out = await (await tb.user(106, { language_code: 'fr' }).command('/start')).reply();
    expect(texts(out)).toContain('您好');
  });
});

describe('roles', () => {
  it('an admin from ADMIN_IDS invites a staff member with a one-time link; a second use is refused', async () => {
    const admin = tb.user(9000, { language_code: 'zh-hans' });
    await (await admin.command('/invite')).reply();
    const out = await (await admin.click('rs:inv:staff')).reply();
    const link = texts(out).match(/https:\/\/t\.me\/\w+\?start=(inv_[\w-]+)/);
    expect(link).not.toBeNull();
    const newcomer = tb.user(201);
    const ok = await (await newcomer.command('/start', link![1])).reply();
    expect(texts(ok)).toContain('您现在是「社区工作人员」');
    expect(await tb.app.identity.roles(201)).toEqual(new Set(['staff']));
    const again = await (await tb.user(202).command('/start', link![1])).reply();
    expect(texts(again)).toContain('已经用过了');
    expect(await tb.app.identity.roles(202)).toEqual(new Set());
    // staff get their commands in their own chat's menu only
    const scoped = tb.api.calls.filter((c) => c.method === 'setMyCommands' && c.payload.scope?.chat_id === 201);
    expect(scoped.at(-1)?.payload.commands.map((c: { command: string }) => c.command)).toContain('invite');
  });

  it('an expired invitation is refused politely', async () => {
    const { code } = await createInvitation(tb.db, 9000, 'deputy', new Date(Date.now() - 8 * 86_400_000));
    const out = await (await tb.user(203).command('/start', `inv_${code}`)).reply();
    expect(texts(out)).toContain('已经过期');
    expect(await tb.app.identity.roles(203)).toEqual(new Set());
  });

  it('a resident is refused every staff and admin command and button, and each attempt is audited', async () => {
    const u = await tb.resident(301);
    for (const cmd of ['/invite', '/roles']) {
      const out = await (await u.command(cmd)).reply();
      expect(texts(out)).toContain('只对社区工作人员开放');
    }
    for (const data of ['rs:inv:staff', 'rs:inv:admin', 'rs:rv:9000:admin', 'rs:rvy:9000:admin']) {
      const out = await (await u.click(data)).reply();
      const answer = out.find((c) => c.method === 'answerCallbackQuery');
      expect(answer?.payload.text).toContain('只对社区工作人员开放');
    }
    expect(await tb.app.identity.roles(9000)).toEqual(new Set(['admin']));
    expect(await tb.app.identity.roles(301)).toEqual(new Set());
    const denied = await listAudit(tb.db, { actorId: 301, action: 'denied' });
    expect(denied.length).toBe(6);
  });

  it('an admin revokes a role after confirming', async () => {
    await tb.withRole(401, 'deputy');
    const admin = tb.user(9000);
    await (await admin.click('rs:rv:401:deputy')).reply();
    const out = await (await admin.click('rs:rvy:401:deputy')).reply();
    // The person is named, never an id; the card shows what is left.
    const toast = out.find((c) => c.method === 'answerCallbackQuery')?.payload.text;
    expect(toast).toContain('已撤销 User401 的「人大代表」身份');
    expect(texts(out)).toContain('身份：居民');
    expect(await tb.app.identity.roles(401)).toEqual(new Set());
  });
});

describe('bad input', () => {
  it(
    'a 5,000-character message, an empty-looking one and control characters ' + 'get an answer and crash nothing',
    async () => {
      const u = await tb.resident(501);
      for (const text of ['长'.repeat(5000), '\u200b\u200f', '👵🏻🙏‮abc', "'); DROP TABLE users; --"]) {
        const out = await (await u.send(text)).reply();
        expect(out.length).toBeGreaterThan(0);
        for (const c of out) expect(String(c.payload.text ?? '').length).toBeLessThanOrEqual(4096);
      }
      expect((await tb.app.identity.user(501))?.id).toBe(501);
    },
  );

  it('stickers and voice messages get a short hint, not silence', async () => {
    const u = await tb.resident(502);
    expect(texts(await (await u.sticker()).reply())).toContain('只能看懂文字和按钮');
    expect(texts(await (await u.voice()).reply())).toContain('只能看懂文字和按钮');
  });

  it('an unknown command gets a hint', async () => {
    const out = await (await (await tb.resident(503)).command('/frobnicate')).reply();
    expect(texts(out)).toContain('没有这个命令');
  });

  it('garbage or stale button data is answered "expired" and changes nothing', async () => {
    const u = await tb.resident(504);
    for (const data of ['garbage', 'rs:cp:999999', 'rs:cm:abc', 'rs:lang:fr', 'x'.repeat(64)]) {
      const out = await (await u.click(data)).reply();
      expect(out.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toContain('过期');
    }
    expect((await tb.app.identity.user(504))?.language).toBeNull();
  });

  it('HTML in a name is shown escaped, never as formatting', async () => {
    const u = tb.user(505, { first_name: '<b>Boss</b> & <a href="x">' });
    const out = await (await u.command('/start')).reply();
    const sent = out.find((c) => c.method === 'sendMessage')!;
    expect(sent.payload.text).toContain('&lt;b&gt;Boss&lt;/b&gt; &amp; &lt;a href=&quot;x&quot;&gt;');
  });
});

describe('lifecycle', () => {
  it('after a restart on the same database the bot carries on and remembers the resident', async () => {
    const u = tb.user(601);
    await (await u.command('/start')).reply();
    await tb.services.residents.setHome(601, (await tb.services.residents.compounds())[0]!.id);
    await tb.restart();
    const out = await (await u.command('/start')).reply();
    expect(texts(out)).toContain('欢迎回来');
  });

  it('a flow an upgrade no longer understands ends politely, and the next message is answered as usual', async () => {
    const u = await tb.resident(603);
    const now = new Date().toISOString();
    // what an older version left behind: a step this one does not have, and data of another shape
    await tb.db
      .insertInto('flows')
      .values({ user_id: 603, name: 'petitions.file', step: 'gone-step', data: '{"old":true}', updated_at: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ step: 'gone-step', data: '{"old":true}' }))
      .execute();
    const out = await (await u.command('/me')).reply();
    expect(texts(out)).toContain('因为系统更新中断了');
    expect(await tb.db.selectFrom('flows').select('name').where('user_id', '=', 603).execute()).toEqual([]);
    const again = await (await u.command('/me')).reply();
    expect(texts(again)).not.toContain('因为系统更新中断了');
  });

  it('a flow in progress survives a restart', async () => {
    const u = tb.user(602);
    const out0 = await (await u.command('/start')).reply();
    const out1 = await (await u.click(buttons(out0)[0]!.callback_data!)).reply();
    await (await u.click(buttons(out1)[0]!.callback_data!)).reply();
    await tb.restart();
    const out = await (await u.contact({ phone_number: '13700001111', user_id: 602 })).reply();
    expect(texts(out)).toContain('手机号已保存');
  });
});
