import { sign } from '@telegram-apps/init-data-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INIT_DATA_HEADER, LANG_COOKIE } from '../../../src/console/auth/viewer';
import { newDraftKey } from '../../../src/features/notices/draft';
import type { Compound } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity/audit';
import { startBot, type TestBot } from '../../support/harness';
import { ADMIN, consoleWorld } from './support';
import { cellsOf } from './tables';

const STAFF = 930_001;
const DEPUTY = 930_002;
const RESIDENTS = [930_011, 930_012, 930_013, 930_014];
const BLOCKED = RESIDENTS[3]!;
const TEXT = '<b>停水</b> 通知\n明天 8:00–12:00 荷塘花园停水，请提前储水。';

/** A figure on a page by its label ("Sent"), as the number it shows. */
const figureOf = (page: string, label: string) =>
  Number(
    new RegExp(`<span class="label">${label.replace(/[()]/g, '\\$&')}</span><span class="value">(\\d+)</span>`).exec(
      page,
    )?.[1],
  );

describe('the broadcasts pages, over the real bot, outbox worker and fake Bot API', () => {
  let tb: TestBot;
  let compound: Compound;

  /** A page as this person's Telegram Mini App asks for it (initData signed with the bot's token), in English. */
  const open = (path: string, userId = STAFF) =>
    Promise.resolve(
      tb.app.console.app.request(`http://console.test${path}`, {
        headers: {
          [INIT_DATA_HEADER]: sign(
            { user: { id: userId, first_name: userId === STAFF ? 'Wang' : `User ${userId}` } },
            tb.api.token,
            tb.clock.now(),
          ),
          cookie: `${LANG_COOKIE}=en`,
        },
      }),
    );
  const broadcast = (text: string) =>
    tb.services.notices.createBroadcast({
      draft: { key: newDraftKey(), text, entities: [], photo: null },
      actorId: STAFF,
      audience: { kind: 'compound', id: compound.id },
      sendAt: null,
      progressMessageId: null,
    });

  beforeAll(async () => {
    tb = await startBot();
    const compounds = await tb.services.residents.compounds();
    compound = compounds[1]!;
    await tb.withRole(STAFF, 'staff', { first_name: 'Wang', language_code: 'en' });
    await tb.withRole(DEPUTY, 'deputy');
    for (const id of RESIDENTS) await tb.resident(id, { compound: compound.id });
    // Blocked the bot without the bot having heard of it: the send is refused with 403.
    tb.api.chats.blocked.add(BLOCKED);
  });
  afterAll(() => tb.stop());

  it('a broadcast delivered to 3 of 4, one having blocked the bot, shows 3 sent and 1 unreachable', async () => {
    const b = await broadcast(TEXT);
    await tb.delivered();
    for (const id of RESIDENTS.slice(0, 3))
      expect(tb.api.messages(id).some((m) => m.from === 'bot' && m.text?.includes('停水'))).toBe(true);

    const heading = `#${b.id}`;
    // While it runs the figures are the counters the outbox moved; once finished, the recorded ones.
    let row = cellsOf(await (await open('/broadcasts')).text(), heading);
    // #, sent at, by, to, text, status, recipients, sent, unreachable, failed, still to send, stopped
    expect(row?.slice(5)).toEqual(['📤 sending', '4', '3', '1', '0', '0', '0']);
    await tb.runJobs();
    const res = await open('/broadcasts');
    expect(res.status).toBe(200);
    const page = await res.text();
    row = cellsOf(page, heading);
    expect(row?.slice(1, 5)).toEqual([
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      'Wang',
      `Compound: ${compound.nameEn}`,
      '<b>停水</b> 通知',
    ]);
    expect(row?.slice(5)).toEqual(['✅ done', '4', '3', '1', '0', '0', '0']);
    // Staff's text is shown as text, never as the page's own markup.
    expect(page).toContain('&lt;b&gt;停水&lt;/b&gt;');
    expect(page).not.toContain('<b>停水');
  });

  it("a broadcast's page shows its full text, escaped, and where each recipient's message stands", async () => {
    const b = await broadcast(TEXT);
    await tb.delivered();
    await tb.runJobs();
    const page = await (await open(`/broadcasts/${b.id}`)).text();
    expect(page).toContain('&lt;b&gt;停水&lt;/b&gt; 通知<br>明天 8:00–12:00 荷塘花园停水，请提前储水。<br>');
    expect(page).not.toContain('<b>停水');
    expect(figureOf(page, 'Recipients')).toBe(4);
    expect(figureOf(page, 'Sent')).toBe(3);
    expect(figureOf(page, 'Unreachable (blocked the bot)')).toBe(1);
    expect(figureOf(page, 'Failed (incl. chat not found)')).toBe(0);
  });

  it('a chat that no longer exists is counted among the failed, apart from those who blocked the bot', async () => {
    tb.api.fail({ method: 'sendMessage', chatId: RESIDENTS[2], error: { kind: '400-chat-not-found' } });
    const b = await broadcast('周日上午楼道消杀');
    await tb.delivered();
    await tb.runJobs();
    const row = cellsOf(await (await open('/broadcasts')).text(), `#${b.id}`);
    expect(row?.slice(6)).toEqual(['4', '2', '1', '1', '0', '0']);
    const newer = await broadcast('下周二社区义诊');
    await tb.delivered();
    // Newest first.
    const ids = [...(await (await open('/broadcasts')).text()).matchAll(/>#(\d+)</g)].map((m) => Number(m[1]));
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(b.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
  });

  it('an id that is no broadcast is not found', async () => {
    expect((await open('/broadcasts/999999')).status).toBe(404);
  });

  it("a deputy's or a resident's valid initData gets 403 on the broadcasts pages, and each refusal is recorded", async () => {
    const before = (await listAudit(tb.db, { action: 'denied', limit: 100 })).length;
    for (const who of [DEPUTY, RESIDENTS[0]!])
      for (const path of ['/broadcasts', '/broadcasts/1'])
        expect((await open(path, who)).status, `${who} ${path}`).toBe(403);
    const denied = await listAudit(tb.db, { action: 'denied', limit: 100 });
    expect(denied.length - before).toBe(4);
    expect(denied.slice(0, 4).every((a) => a.subject?.startsWith('console:GET /broadcasts'))).toBe(true);
  });
});

describe('the broadcasts history, a page at a time', () => {
  it('staff see the newest fifty broadcasts first and the older ones on the next page', async () => {
    const w = await consoleWorld();
    try {
      const ids: number[] = [];
      for (let n = 1; n <= 51; n++) {
        const b = await w.areas.services.notices.createBroadcast({
          draft: { key: newDraftKey(), text: `通知 ${n}`, entities: [], photo: null },
          actorId: ADMIN,
          audience: { kind: 'role', role: 'deputy' },
          sendAt: null,
          progressMessageId: null,
        });
        ids.push(b.id);
      }
      const { cookie } = await w.signIn(ADMIN);
      const shown = async (path: string) => {
        const page = await (await w.request(path, { cookie: `${cookie}; ${LANG_COOKIE}=en` })).text();
        return { page, ids: [...page.matchAll(/>#(\d+)</g)].map((m) => Number(m[1])) };
      };
      const first = await shown('/broadcasts');
      expect(first.ids).toEqual(ids.slice(1).reverse());
      expect(first.page).toContain('Page 1 of 2 (51 rows)');
      expect((await shown('/broadcasts?page=1')).ids).toEqual([ids[0]]);
      expect(cellsOf(first.page, `#${ids[50]}`)?.slice(3, 5)).toEqual(['All deputies', '通知 51']);
    } finally {
      await w.close();
    }
  });
});
