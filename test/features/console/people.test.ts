import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity/audit';
import { ADMIN, type ConsoleWorld, consoleWorld, DEPUTY, form, RESIDENT } from './support';

// The people page over the real residents, identity and petitions services, on a fresh database with the real
// migrations.

const STAFF = 5;

describe('the people page', () => {
  let w: ConsoleWorld;
  let session: { cookie: string; csrf: string };
  let east: number;
  let west: number;
  let harbour: number;
  let garden: number;
  let lake: number;
  beforeEach(async () => {
    w = await consoleWorld({ DEFAULT_LOCALE: 'en' });
    const { residents, petitions } = w.areas.services;
    const { identity } = w.platform;
    const compound = async (community: number, nameEn: string) =>
      (await residents.addCompound(ADMIN, community, { nameZh: nameEn, nameEn, address: null, location: null })).id;
    east = (await residents.addCommunity(ADMIN, { nameZh: '东风社区', nameEn: 'Dongfeng' })).id;
    west = (await residents.addCommunity(ADMIN, { nameZh: '西湖社区', nameEn: 'Xihu' })).id;
    harbour = await compound(east, 'Harbour Court');
    garden = await compound(east, 'Garden Estate');
    lake = await compound(west, 'Lake View');
    const live = async (id: number, firstName: string, compoundId: number, phone: string | null) => {
      await identity.touch({ id, first_name: firstName });
      await residents.setHome(id, compoundId);
      if (phone) await identity.setPhone(id, phone);
    };
    await live(RESIDENT, 'Resident', harbour, '13800138000');
    await live(11, 'Meimei', harbour, null);
    await live(12, 'Lei', garden, '13900002222');
    await live(13, '<script>alert(1)</script>', lake, null);
    await identity.touch({ id: STAFF, first_name: 'Sally' });
    await identity.grant(ADMIN, STAFF, 'staff');
    await petitions.assignDeputy(ADMIN, DEPUTY, east, null);
    session = await w.signIn(ADMIN);
  });
  afterEach(() => w.close());

  const get = async (path: string, cookie = session.cookie) => {
    const res = await w.request(path, { cookie });
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const rowOf = (page: string, text: string) =>
    page.split('<tr>').find((r) => r.includes(text)) ?? `(no row with ${text})`;
  const denials = async () => (await listAudit(w.h.db, { action: 'denied', limit: 100 })).map((a) => a.subject ?? '');

  it('staff see how many live in each community and compound', async () => {
    const page = await get('/people');
    expect(rowOf(page, '<b>Dongfeng</b>')).toContain(`href="/people?community=${east}#list">3</a>`);
    expect(rowOf(page, 'Harbour Court')).toContain(
      `href="/people?community=${east}&amp;compound=${harbour}#list">2</a>`,
    );
    expect(rowOf(page, 'Garden Estate')).toContain('>1</a>');
    expect(rowOf(page, '<b>Xihu</b>')).toContain('>1</a>');
    // Admin, Deputy and Sally never said where they live.
    expect(rowOf(page, 'Not said where they live')).toContain('<td>3</td>');
  });

  it('the list narrows to a community or a compound, with phone numbers for staff', async () => {
    // The names in the list, in its order (the roles table below it names people too).
    const names = (page: string) => {
      const list = page.slice(page.indexOf('id="list"'), page.indexOf('<h2>Roles</h2>'));
      return [...list.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    };
    const harbourPage = await get(`/people?community=${east}&compound=${harbour}`);
    expect(names(harbourPage)).toEqual(['Meimei', 'Resident']);
    expect(rowOf(harbourPage, '<td>Resident</td>')).toContain('13800138000');
    expect(names(await get(`/people?community=${east}`))).toEqual(['Lei', 'Meimei', 'Resident']);
    expect(names(await get(`/people?community=${west}`))).toEqual(['&lt;script&gt;alert(1)&lt;/script&gt;']);
  });

  it('a long list comes a page of fifty at a time', async () => {
    for (let i = 100; i < 155; i++) {
      await w.platform.identity.touch({ id: i, first_name: `N${i}` });
      await w.areas.services.residents.setHome(i, lake);
    }
    const first = await get(`/people?compound=${lake}`);
    expect(first).toContain('Page 1 of 2 (56 rows)');
    const second = await get(`/people?compound=${lake}&page=1`);
    expect(second).toContain('<td>N154</td>');
    expect(first).not.toContain('<td>N154</td>');
  });

  it('the roles show who is staff, admin and deputy, with the deputy areas', async () => {
    const page = await get('/people');
    const roles = page.slice(page.indexOf('<h2>Roles</h2>'));
    expect(rowOf(roles, '<td>Admin</td>')).toContain('administrator');
    expect(rowOf(roles, '<td>Sally</td>')).toContain('community staff');
    expect(rowOf(roles, '<td>Deputy</td>')).toContain('people&#39;s deputy');
    expect(rowOf(roles, '<td>Deputy</td>')).toContain('Dongfeng');
    expect(roles).not.toContain('<td>Meimei</td>');
  });

  it('a name with <script> shows as text', async () => {
    const page = await get(`/people?community=${west}`);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
  });

  it('an invitation made in the console gives its role in the chat, once', async () => {
    const res = await w.request('/people/invite', {
      method: 'POST',
      body: form({ _csrf: session.csrf, role: 'partner' }),
      cookie: session.cookie,
    });
    expect(res.status).toBe(200);
    const link = /https:\/\/t\.me\/linli_test_bot\?start=inv_([\w-]+)/.exec(await res.text());
    expect(link).not.toBeNull();
    expect(await w.platform.identity.redeemInvitation(11, link![1]!)).toBe('partner');
    expect((await w.platform.identity.roles(11)).has('partner')).toBe(true);
    expect(rowOf(await get('/people'), '<td>Meimei</td>')).toContain('community partner');
  });

  it('staff cannot invite an admin, nor anyone without the form token; both refusals are audited', async () => {
    const sally = await w.signIn(STAFF);
    const page = await get('/people', sally.cookie);
    expect(page).toContain('value="deputy"');
    expect(page).not.toContain('value="admin"');
    const forged = form({ _csrf: sally.csrf, role: 'admin' });
    expect((await w.request('/people/invite', { method: 'POST', body: forged, cookie: sally.cookie })).status).toBe(
      403,
    );
    const noToken = form({ role: 'staff' });
    expect((await w.request('/people/invite', { method: 'POST', body: noToken, cookie: sally.cookie })).status).toBe(
      403,
    );
    const subjects = await denials();
    expect(subjects).toContain('console:POST /people/invite');
    expect(subjects).toContain('console:POST /people/invite (no form token)');
    expect(await w.h.db.selectFrom('invitations').select('role').where('created_by', '=', STAFF).execute()).toEqual([]);
  });

  it('a resident or a deputy with valid initData gets 403, audited', async () => {
    for (const who of [RESIDENT, DEPUTY])
      expect((await w.request('/people', { initData: w.initData(who) })).status).toBe(403);
    expect((await denials()).filter((s) => s === 'console:GET /people')).toHaveLength(2);
  });
});
