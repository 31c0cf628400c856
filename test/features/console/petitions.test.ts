import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../src/console/i18n';
import { pct } from '../../../src/features/petitions/rates';
import { listAudit } from '../../../src/identity/audit';
import { ADMIN, type ConsoleWorld, consoleWorld, DEPUTY, RESIDENT } from './support';

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

  it('a resident and a deputy are refused the rates page, and the refusals recorded', async () => {
    expect((await w.request('/petitions/rates', { initData: w.initData(RESIDENT) })).status).toBe(403);
    expect((await w.request('/petitions/rates', { initData: w.initData(DEPUTY) })).status).toBe(403);
    const denied = (await listAudit(w.h.db, { action: 'denied', limit: 10 })).map((a) => a.subject);
    expect(denied.filter((s) => s === 'console:GET /petitions/rates')).toHaveLength(2);
  });
});
