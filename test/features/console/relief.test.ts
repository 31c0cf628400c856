import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity/audit';
import { ADMIN, type ConsoleWorld, consoleWorld, DEPUTY, form, RESIDENT } from './support';

// The relief roster page over the real relief service, on a fresh database with the real migrations.

describe('the relief roster page', () => {
  let w: ConsoleWorld;
  let session: { cookie: string; csrf: string };
  let east: number;
  let west: number;
  beforeEach(async () => {
    w = await consoleWorld({ DEFAULT_LOCALE: 'en' });
    const { residents, relief } = w.areas.services;
    east = (await residents.addCommunity(ADMIN, { nameZh: '东风社区', nameEn: 'Dongfeng' })).id;
    west = (await residents.addCommunity(ADMIN, { nameZh: '西湖社区', nameEn: 'Xihu' })).id;
    const add = (name: string, category: 'dibao' | 'tekun', phone: string | null, communityId: number | null) =>
      relief.addRecipient(ADMIN, { name, category, phone, notes: null, communityId });
    await add('王秀英', 'dibao', '13900001234', east);
    await add('李建国', 'tekun', '13900005678', west);
    await add('张桂兰', 'dibao', null, west);
    session = await w.signIn(ADMIN);
  });
  afterEach(() => w.close());

  const get = async (path: string) => {
    const res = await w.request(path, { cookie: session.cookie });
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const post = (path: string, fields: Record<string, string>) =>
    w.request(path, { method: 'POST', body: form({ _csrf: session.csrf, ...fields }), cookie: session.cookie });
  const denials = async () => (await listAudit(w.h.db, { action: 'denied', limit: 100 })).map((a) => a.subject ?? '');

  it('staff see every person with their category, community, link status and this month', async () => {
    const page = await get('/relief');
    for (const text of ['王秀英', '李建国', '张桂兰', 'Minimum living allowance', 'Dongfeng', 'Xihu', '13900005678'])
      expect(page).toContain(text);
    expect(page.match(/not linked/g)).toHaveLength(3);
    expect(page.match(/not yet/g)).toHaveLength(3);
    expect(page).toContain('0 of 3');
    expect(page).toContain('href="/files"');
  });

  it('a package collected this month shows on its row and in the month figure', async () => {
    const [first] = await w.areas.services.relief.roster();
    await w.areas.services.relief.checkIn(ADMIN, first!.id, {}, 'search');
    const page = await get('/relief');
    expect(page).toContain('1 of 3 (33%)');
    expect(page.match(/>collected</g)).toHaveLength(1);
  });

  it('search by a part of the name or the end of the phone number, filter by category and community', async () => {
    const names = (page: string) => ['王秀英', '李建国', '张桂兰'].filter((n) => page.includes(`>${n}</a>`));
    expect(names(await get(`/relief?q=${encodeURIComponent('建国')}`))).toEqual(['李建国']);
    expect(names(await get('/relief?q=1234'))).toEqual(['王秀英']);
    expect(names(await get('/relief?category=dibao'))).toEqual(['王秀英', '张桂兰']);
    expect(names(await get(`/relief?community=${west}`))).toEqual(['李建国', '张桂兰']);
    expect(names(await get(`/relief?community=${west}&category=dibao`))).toEqual(['张桂兰']);
    expect(await get('/relief?q=nobody')).toContain('Nobody on the roster matches.');
  });

  it('a long roster comes a page of fifty at a time', async () => {
    const csv = ['name,category', ...Array.from({ length: 57 }, (_, i) => `Person ${i + 1},other`)].join('\n');
    await w.areas.services.relief.importRoster(ADMIN, csv);
    const first = await get('/relief?category=other');
    expect(first).toContain('Page 1 of 2 (57 rows)');
    expect(first).toContain('>Person 50</a>');
    expect(first).not.toContain('>Person 51</a>');
    const second = await get('/relief?category=other&page=1');
    expect(second).toContain('>Person 57</a>');
    expect(second).not.toContain('>Person 50</a>');
  });

  it('a person added in the console is on the chat roster, with the community chosen', async () => {
    const res = await post('/relief/recipients', {
      name: '赵大爷',
      category: 'tekun',
      community: String(east),
      phone: '139-0000-9999',
      notes: '行动不便',
    });
    expect(res.status).toBe(303);
    expect(await get(res.headers.get('location')!)).toContain('Added to the roster.');
    const added = (await w.areas.services.relief.roster()).find((r) => r.name === '赵大爷');
    expect(added).toMatchObject({ category: 'tekun', phone: '13900009999', notes: '行动不便', communityId: east });
    const audit = await listAudit(w.h.db, { action: 'relief.recipient.add', limit: 10 });
    expect(audit.some((a) => a.actorId === ADMIN && a.subject === `relief_recipient:${added!.id}`)).toBe(true);
  });

  it('an edit in the console is what the chat shows, and deactivating stops the package', async () => {
    const li = (await w.areas.services.relief.roster()).find((r) => r.name === '李建国')!;
    expect(await get(`/relief/${li.id}`)).toContain('value="13900005678"');
    const res = await post(`/relief/${li.id}`, {
      name: '李建国',
      category: 'dibao',
      community: String(east),
      phone: '',
      notes: 'moved',
    });
    expect(res.status).toBe(303);
    expect(await w.areas.services.relief.recipient(li.id)).toMatchObject({
      category: 'dibao',
      phone: null,
      notes: 'moved',
      communityId: east,
      active: true,
    });
    const back = `/relief?q=${encodeURIComponent('李')}`;
    const off = await post(`/relief/${li.id}/active`, { active: '0', back });
    expect(off.headers.get('location')).toBe(`${back}&done=deactivated`);
    expect((await w.areas.services.relief.recipient(li.id))?.active).toBe(false);
    expect(await get(off.headers.get('location')!)).toContain('stopped');
    // Off this month's list, as in the chat.
    expect(await get('/relief')).toContain('0 of 2');
    const elsewhere = await post(`/relief/${li.id}/active`, { active: '1', back: 'https://evil.example/' });
    expect(elsewhere.headers.get('location')).toBe('/relief?done=reactivated');
  });

  it('bad input gets the relief area own words and changes nothing', async () => {
    const before = await w.areas.services.relief.roster();
    const cases: [Record<string, string>, string][] = [
      [{ name: '', category: 'dibao' }, 'name'],
      [{ name: 'Ok', category: 'rich' }, 'Unknown group'],
      [{ name: 'Ok', category: 'dibao', phone: '12ab' }, '7'],
      [{ name: 'Ok', category: 'dibao', community: '999' }, 'community does not exist'],
      [{ name: '王秀英', category: 'tekun', phone: '13900001234' }, 'already on the roster'],
    ];
    for (const [fields, words] of cases) {
      const res = await post('/relief/recipients', { phone: '', notes: '', community: '', ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(await res.text()).toContain(words);
    }
    const wang = before.find((r) => r.name === '王秀英')!;
    const twin = await post(`/relief/${wang.id}`, { name: '李建国', category: 'dibao', phone: '13900005678' });
    expect(twin.status).toBe(400);
    expect(await w.areas.services.relief.roster()).toEqual(before);
  });

  it('a name with markup is shown as text', async () => {
    await w.areas.services.relief.addRecipient(ADMIN, {
      name: 'Bob "&" x',
      category: 'other',
      phone: null,
      notes: '<script>alert(1)</script>',
      communityId: null,
    });
    const [bob] = (await w.areas.services.relief.roster()).filter((r) => r.name.startsWith('Bob'));
    const page = await get(`/relief/${bob!.id}`);
    expect(page).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).not.toContain('<script>alert');
    expect(await get('/relief')).toContain('Bob &quot;&amp;&quot; x');
  });

  it('a form without its CSRF token is refused, audited, and adds nobody', async () => {
    const body = form({ name: 'Mallory', category: 'dibao' });
    const res = await w.request('/relief/recipients', { method: 'POST', body, cookie: session.cookie });
    expect(res.status).toBe(403);
    expect((await denials()).some((s) => s.includes('/relief/recipients (no form token)'))).toBe(true);
    expect((await w.areas.services.relief.roster()).some((r) => r.name === 'Mallory')).toBe(false);
  });

  it('a resident or a deputy with valid initData gets 403, audited, and cannot deactivate anyone', async () => {
    const [first] = await w.areas.services.relief.roster();
    for (const who of [RESIDENT, DEPUTY]) {
      const initData = w.initData(who);
      expect((await w.request('/relief', { initData })).status).toBe(403);
      const page = await (await w.request('/', { initData })).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? 'none';
      const body = form({ _csrf: csrf, active: '0' });
      expect((await w.request(`/relief/${first!.id}/active`, { method: 'POST', body, initData })).status).toBe(403);
    }
    expect((await denials()).filter((s) => s.startsWith('console:GET /relief'))).toHaveLength(2);
    expect((await w.areas.services.relief.recipient(first!.id))?.active).toBe(true);
  });
});
