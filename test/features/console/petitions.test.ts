import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../src/console/i18n';
import { pct } from '../../../src/features/petitions/rates';
import { listAudit } from '../../../src/identity/audit';
import type { RecordingTelegram } from '../../support/platform';
import { ADMIN, type ConsoleWorld, consoleWorld, DEPUTY, form, RESIDENT } from './support';

const DAY = 86_400_000;
const ids = (page: string) => [...page.matchAll(/href="\/petitions\/(\d+)"/g)].map((m) => Number(m[1]));

describe("the console's petitions: the deputy filter and the three rates", () => {
  let w: ConsoleWorld;
  let community: number;
  beforeAll(async () => {
    w = await consoleWorld();
    for (const f of w.areas.features) if (f.demo) await f.demo();
    w.clock.advance(30 * DAY);
    const all = await w.areas.services.petitions.listForHandler({ id: ADMIN, roles: new Set(['admin']) }, {});
    community = all.find((p) => p.communityId !== null)!.communityId!;
    await w.areas.services.petitions.assignDeputy(ADMIN, DEPUTY, community, null);
  });
  afterAll(() => w.close());
  const get = (path: string, userId = ADMIN) => w.request(path, { initData: w.initData(userId) });

  it("staff narrow the board to one deputy's petitions, the same the deputy has in the chat", async () => {
    const chat = await w.areas.services.petitions.listForHandler({ id: DEPUTY, roles: new Set(['deputy']) }, {});
    const everyone = ids(await (await w.request('/petitions', { initData: w.initData(ADMIN) })).text());
    const res = await w.request(`/petitions?deputy=${DEPUTY}`, { initData: w.initData(ADMIN) });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain(`<option value="${DEPUTY}" selected>`);
    expect(chat.length).toBeGreaterThan(0);
    expect(ids(page)).toEqual(chat.slice(0, 50).map((p) => p.id));
    expect(new Set(everyone).size).toBeGreaterThan(new Set(ids(page)).size);
  });

  it("a deputy asking for another deputy's board still sees only their own, with no deputy filter", async () => {
    const chat = await w.areas.services.petitions.listForHandler({ id: DEPUTY, roles: new Set(['deputy']) }, {});
    const page = await (await w.request(`/petitions?deputy=${ADMIN}`, { initData: w.initData(DEPUTY) })).text();
    expect(page).not.toContain('name="deputy"');
    expect(ids(page)).toEqual(chat.slice(0, 50).map((p) => p.id));
  });

  it('the rates page shows each rate with what it counts, per deputy and per community, as the chat counts them', async () => {
    const year = w.clock.now().toISOString().slice(0, 4);
    const period = { kind: 'year' as const, year };
    const r = await w.areas.services.petitions.periodRates(period);
    const areas = await w.areas.services.petitions.breakdown(period);
    const res = await w.request(`/petitions/rates?period=${year}`, { initData: w.initData(ADMIN) });
    expect(res.status).toBe(200);
    const page = await res.text();
    const t = translator(w.platform.i18n, 'zh-CN');
    const cases = (n: number, d: number) => t('petitions.stats.share.cases', { pct: pct(n / d), n, d });
    const mine = r.deputies.find((d) => d.userId === DEPUTY)!;
    expect(mine.rates.answerDue).toBeGreaterThan(0);
    const [byDeputy, byCommunity] = page.split('id="by-community"');
    expect(byDeputy).toContain(mine.name);
    expect(byDeputy).toContain(cases(mine.rates.resolved, mine.rates.answerDue));
    expect(byDeputy).toContain(cases(mine.rates.ackedInTime, mine.rates.ackDue));
    const here = areas.communities.find((x) => x.communityId === community)!;
    expect(byCommunity).toContain(here.nameZh);
    expect(byCommunity).toContain(cases(here.rates.resolved, here.rates.answerDue));
    expect(page).toContain(cases(r.overall.resolved, r.overall.answerDue));
  });

  describe("a petition's photos", () => {
    const OTHER_DEPUTY = 5;
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    let id: number;
    beforeAll(async () => {
      const { identity } = w.platform;
      await identity.touch({ id: OTHER_DEPUTY, first_name: 'Other deputy' });
      await identity.redeemInvitation(OTHER_DEPUTY, (await identity.createInvitation(ADMIN, 'deputy')).code);
      const compound = (await w.areas.services.residents.compounds(community))[0]!;
      await w.areas.services.residents.setHome(RESIDENT, compound.id);
      (w.platform.telegram as RecordingTelegram).files.set('photo-culvert', jpeg);
      const p = await w.areas.services.petitions.file(RESIDENT, {
        category: 'roads',
        place: 'culvert',
        latitude: null,
        longitude: null,
        description: 'floods on every rain',
        photos: ['photo-culvert', 'photo-lost'],
        showName: false,
      });
      id = p.id;
    });

    it("staff and the petition's deputy see its photos, fetched through the bot", async () => {
      const page = await (await get(`/petitions/${id}`)).text();
      expect(page).toContain(`<img src="/petitions/${id}/photos/1"`);
      expect(page).toContain(`<img src="/petitions/${id}/photos/2"`);
      for (const who of [ADMIN, DEPUTY]) {
        const res = await get(`/petitions/${id}/photos/1`, who);
        expect(res.status, String(who)).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/jpeg');
        expect(Buffer.from(await res.arrayBuffer())).toEqual(jpeg);
      }
    });

    it('a photo Telegram cannot give is a polite 502, and a photo number it does not have is 404', async () => {
      const gone = await get(`/petitions/${id}/photos/2`);
      expect(gone.status).toBe(502);
      expect(await gone.text()).toContain('请稍后再试');
      expect((await get(`/petitions/${id}/photos/3`)).status).toBe(404);
    });

    it("a deputy who is not the petition's and a resident are refused its photos, and recorded", async () => {
      expect((await get(`/petitions/${id}/photos/1`, OTHER_DEPUTY)).status).toBe(403);
      expect((await get(`/petitions/${id}/photos/1`, RESIDENT)).status).toBe(403);
      const denied = (await listAudit(w.h.db, { action: 'denied', limit: 10 })).map((a) => a.subject);
      expect(denied).toContain(`console:GET /petitions/${id}/photos/1 (not theirs)`);
      expect(denied).toContain(`console:GET /petitions/${id}/photos/1`);
    });
  });

  describe('transfer and assignment from the petition page', () => {
    const OTHER = 6;
    let id: number;
    let department: number;
    let admin: { cookie: string; csrf: string };
    const post = (path: string, fields: Record<string, string>, as = admin) =>
      w.request(path, { method: 'POST', body: form(fields), cookie: as.cookie });
    const status = async () => (await w.areas.services.petitions.petition(id)).status;

    beforeAll(async () => {
      const { identity } = w.platform;
      await identity.touch({ id: OTHER, first_name: 'Deputy Six' });
      await identity.redeemInvitation(OTHER, (await identity.createInvitation(ADMIN, 'deputy')).code);
      const p = await w.areas.services.petitions.file(RESIDENT, {
        category: 'sanitation',
        place: 'market lane',
        latitude: null,
        longitude: null,
        description: 'bins overflow',
        photos: [],
        showName: false,
      });
      id = p.id;
      department = (await w.areas.services.petitions.departments())[0]!.id;
      admin = await w.signIn(ADMIN);
    });

    it('a transfer without the form token, or by a resident, is refused and changes nothing', async () => {
      const res = await post(`/petitions/${id}/transfer`, { department: String(department) });
      expect(res.status).toBe(403);
      const resident = await w.request(`/petitions/${id}/transfer`, {
        method: 'POST',
        body: form({ department: String(department) }),
        initData: w.initData(RESIDENT),
      });
      expect(resident.status).toBe(403);
      expect(await status()).toBe('submitted');
    });

    it('a deputy of another area is refused the transfer, and it is recorded', async () => {
      const other = await w.signIn(OTHER);
      const res = await post(`/petitions/${id}/transfer`, { _csrf: other.csrf, department: String(department) }, other);
      expect(res.status).toBe(403);
      expect(await status()).toBe('submitted');
      const denied = (await listAudit(w.h.db, { action: 'denied', limit: 5 })).map((a) => a.subject);
      expect(denied).toContain(`console:POST /petitions/${id}/transfer (not theirs)`);
    });

    it('a department that does not exist gets a polite page and changes nothing', async () => {
      const res = await post(`/petitions/${id}/transfer`, { _csrf: admin.csrf, department: '999999' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('class="notice error"');
      expect(await status()).toBe('submitted');
    });

    it("staff transfer a petition to a department: the chat's change, with the petitioner told and the cards updated", async () => {
      const res = await post(`/petitions/${id}/transfer`, {
        _csrf: admin.csrf,
        department: String(department),
        note: 'to the bureau',
      });
      expect(res.status).toBe(303);
      const p = await w.areas.services.petitions.petition(id);
      expect([p.status, p.departmentId, p.statusNote]).toEqual(['transferred', department, 'to the bureau']);
      const told = await w.platform.outbox.list({ chatId: RESIDENT });
      expect(told.map((d) => 'key' in d.content && d.content.key)).toContain('petitions.note.status');
      const cards = await w.platform.outbox.list({ dedupePrefix: `petitions:card:${id}:` });
      expect(cards.map((d) => d.chatId)).toContain(DEPUTY);
      const page = await (await w.request(`/petitions/${id}?done=transferred`, { cookie: admin.cookie })).text();
      expect(page).toContain('class="notice ok"');
    });

    it("an admin gives the petition's area to another deputy, who then has it in the chat", async () => {
      const mine = () => w.areas.services.petitions.listForHandler({ id: OTHER, roles: new Set(['deputy']) }, {});
      expect((await mine()).map((p) => p.id)).not.toContain(id);
      const forged = await post(`/petitions/${id}/assign`, { _csrf: admin.csrf, deputy: String(RESIDENT) });
      expect(forged.status).toBe(400);
      const deputy = await w.signIn(DEPUTY);
      const notAdmin = await post(`/petitions/${id}/assign`, { _csrf: deputy.csrf, deputy: String(OTHER) }, deputy);
      expect(notAdmin.status).toBe(403);
      expect((await mine()).map((p) => p.id)).not.toContain(id);
      const res = await post(`/petitions/${id}/assign`, { _csrf: admin.csrf, deputy: String(OTHER) });
      expect(res.status).toBe(303);
      expect((await mine()).map((p) => p.id)).toContain(id);
      expect((await w.request(`/petitions/${id}`, { initData: w.initData(OTHER) })).status).toBe(200);
    });
  });

  it('a resident and a deputy are refused the rates page, and the refusals recorded', async () => {
    expect((await w.request('/petitions/rates', { initData: w.initData(RESIDENT) })).status).toBe(403);
    expect((await w.request('/petitions/rates', { initData: w.initData(DEPUTY) })).status).toBe(403);
    const denied = (await listAudit(w.h.db, { action: 'denied', limit: 10 })).map((a) => a.subject);
    expect(denied.filter((s) => s === 'console:GET /petitions/rates')).toHaveLength(2);
  });
});
