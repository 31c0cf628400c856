import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InitDataRefused, verifyInitData } from '../../../src/console/auth/init-data';
import { auditBudget } from '../../../src/console/auth/viewer';
import { listAudit } from '../../../src/identity/audit';
import { LoginLinkExpired, LoginLinkNotFound, LoginLinkUsed } from '../../../src/identity/errors';
import { ADMIN, BOT_TOKEN, type ConsoleWorld, consoleWorld, DEPUTY, form, RESIDENT } from './support';

const MINUTE = 60_000;

describe('the console sign-in (service level, real migrations)', () => {
  let w: ConsoleWorld;
  beforeEach(async () => {
    w = await consoleWorld();
  });
  afterEach(() => w.close());

  const denials = async () => (await listAudit(w.h.db, { action: 'denied', limit: 100 })).map((a) => a.subject ?? '');

  it('a login link opens a session once, and a second use is refused', async () => {
    const { logins } = w.platform.identity;
    const { token } = await logins.createLink(ADMIN);
    const { token: cookie, session } = await logins.openSession(token);
    expect(session.userId).toBe(ADMIN);
    expect((await logins.session(cookie))?.csrf).toBe(session.csrf);
    await expect(logins.openSession(token)).rejects.toThrow(LoginLinkUsed);
    await expect(logins.openSession('made-up')).rejects.toThrow(LoginLinkNotFound);
  });

  it('a login link is refused after ten minutes', async () => {
    const { logins } = w.platform.identity;
    const { token } = await logins.createLink(ADMIN);
    w.clock.advance(10 * MINUTE + 1);
    await expect(logins.openSession(token)).rejects.toThrow(LoginLinkExpired);
  });

  it('a session lasts a working day and logout ends every session of the person', async () => {
    const { logins } = w.platform.identity;
    const a = await logins.openSession((await logins.createLink(ADMIN)).token);
    const b = await logins.openSession((await logins.createLink(ADMIN)).token);
    expect(await logins.endAll(ADMIN)).toBe(2);
    expect(await logins.session(a.token)).toBeUndefined();
    expect(await logins.session(b.token)).toBeUndefined();
    const c = await logins.openSession((await logins.createLink(ADMIN)).token);
    w.clock.advance(10 * 60 * MINUTE + 1);
    expect(await logins.session(c.token)).toBeUndefined();
  });

  it('only a hash of each token is stored', async () => {
    const { token } = await w.platform.identity.logins.createLink(ADMIN);
    const rows = await w.h.db.selectFrom('console_login_links').selectAll().execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('Telegram-signed initData is accepted for an hour and names its user', () => {
    const now = w.clock.now();
    const v = verifyInitData(w.initData(RESIDENT), BOT_TOKEN, now);
    expect(v.profile.id).toBe(RESIDENT);
    const hourOld = w.initData(RESIDENT, new Date(now.getTime() - 59 * MINUTE));
    expect(verifyInitData(hourOld, BOT_TOKEN, now).profile.id).toBe(RESIDENT);
  });

  it('tampered, foreign, stale, future and malformed initData are refused', () => {
    const now = w.clock.now();
    const problem = (raw: string) => {
      try {
        verifyInitData(raw, BOT_TOKEN, now);
        return 'accepted';
      } catch (err) {
        return err instanceof InitDataRefused ? err.problem : 'other';
      }
    };
    const good = w.initData(RESIDENT);
    expect(problem(good.replace(encodeURIComponent(`"id":${RESIDENT}`), encodeURIComponent(`"id":${ADMIN}`)))).toBe(
      'signature',
    );
    expect(problem(w.initData(ADMIN, now, '999:another-bot'))).toBe('signature');
    expect(problem(w.initData(RESIDENT, new Date(now.getTime() - 61 * MINUTE)))).toBe('expired');
    expect(problem(w.initData(RESIDENT, new Date(now.getTime() + 30 * MINUTE)))).toBe('future');
    expect(problem('')).toBe('malformed');
    expect(problem('x'.repeat(5000))).toBe('malformed');
  });

  it('signing in by link sets an HttpOnly SameSite=Strict cookie and opens the dashboard', async () => {
    const { token } = await w.platform.identity.logins.createLink(ADMIN);
    const res = await w.request('/login', { method: 'POST', body: form({ token }) });
    expect(res.status).toBe(303);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;
    const home = await w.request('/', { cookie });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('name="_csrf"');
  });

  it('a reused or expired login link is refused and audited', async () => {
    const { token } = await w.platform.identity.logins.createLink(ADMIN);
    await w.request('/login', { method: 'POST', body: form({ token }) });
    const again = await w.request('/login', { method: 'POST', body: form({ token }) });
    expect(again.status).toBe(401);
    const late = await w.platform.identity.logins.createLink(ADMIN);
    w.clock.advance(11 * MINUTE);
    expect((await w.request('/login', { method: 'POST', body: form({ token: late.token }) })).status).toBe(401);
    expect(await denials()).toEqual(
      expect.arrayContaining(['console:login:console.linkUsed', 'console:login:console.linkExpired']),
    );
  });

  it('a form without its CSRF token is refused and audited', async () => {
    const { cookie, csrf } = await w.signIn(ADMIN);
    expect(csrf).not.toBe('');
    const body = form({ direction: 'expense', purpose: 'other', amount: '1', date: '2026-03-10', note: 'x' });
    const res = await w.request('/fund/entries', { method: 'POST', body, cookie });
    expect(res.status).toBe(403);
    const wrong = form({ _csrf: 'guess', amount: '1' });
    expect((await w.request('/fund/entries', { method: 'POST', body: wrong, cookie })).status).toBe(403);
    expect((await denials()).filter((s) => s.includes('no form token'))).toHaveLength(2);
  });

  it('an upload larger than the chat workbench accepts is refused before it is read', async () => {
    const { cookie, csrf } = await w.signIn(ADMIN);
    const body = new FormData();
    body.set('_csrf', csrf);
    body.set('file', new File([new Uint8Array(6 * 1024 * 1024)], 'big.csv'));
    const res = await w.request('/files/import/places', { method: 'POST', body, cookie });
    expect(res.status).toBe(413);
  });

  it('logout ends the session on every browser', async () => {
    const one = await w.signIn(ADMIN);
    const two = await w.signIn(ADMIN);
    const res = await w.request('/logout', { method: 'POST', body: form({ _csrf: one.csrf }), cookie: one.cookie });
    expect(res.status).toBe(303);
    expect((await w.request('/', { cookie: two.cookie })).status).toBe(401);
  });

  it('a resident with valid initData gets 403 on every staff page, audited', async () => {
    const initData = w.initData(RESIDENT);
    for (const path of ['/', '/petitions', '/fund', '/files'])
      expect((await w.request(path, { initData })).status, path).toBe(403);
    expect((await denials()).filter((s) => s.startsWith('console:GET'))).toHaveLength(4);
  });

  it('a deputy opens the dashboard and petitions by initData but not the fund', async () => {
    const initData = w.initData(DEPUTY);
    expect((await w.request('/', { initData })).status).toBe(200);
    expect((await w.request('/petitions', { initData })).status).toBe(200);
    expect((await w.request('/fund', { initData })).status).toBe(403);
  });

  it('tampered initData gets 401 and is recorded with the user it claimed', async () => {
    const forged = w.initData(ADMIN, w.clock.now(), '999:another-bot');
    expect((await w.request('/', { initData: forged })).status).toBe(401);
    const audit = await listAudit(w.h.db, { action: 'denied' });
    expect(audit[0]?.subject).toBe('console:initData:signature');
    expect(JSON.parse(audit[0]!.details).claimed).toBe(ADMIN);
  });

  it('a Mini App form carries a token derived from its signature', async () => {
    const initData = w.initData(ADMIN);
    const page = await (await w.request('/fund', { initData })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const body = form({ _csrf: csrf, direction: 'income', kind: 'other', amount: '12.50', date: '2026-03-09' });
    const res = await w.request('/fund/entries', { method: 'POST', body, initData });
    expect(res.status).toBe(303);
    const other = w.initData(ADMIN, new Date(w.clock.now().getTime() - MINUTE));
    expect((await w.request('/fund/entries', { method: 'POST', body, initData: other })).status).toBe(403);
  });

  it('a flood of forgeries reaches the audit log as a trickle, counting the rest', () => {
    let t = 0;
    const budget = auditBudget(2, () => t);
    expect([budget(), budget(), budget(), budget()]).toEqual([0, 0, null, null]);
    t += 60_000;
    expect(budget()).toBe(2);
  });

  it('public pages open without signing in and name no one who did not consent', async () => {
    await w.platform.identity.setPhone(RESIDENT, '13800138000');
    const named = { kind: 'resident' as const, name: 'Named Donor', userId: null, public: true };
    const hidden = { kind: 'resident' as const, name: 'Hidden Donor', userId: RESIDENT, public: false };
    for (const donor of [named, hidden])
      await w.areas.services.fund.record(
        ADMIN,
        {
          direction: 'income',
          kind: 'other',
          amountFen: 5000,
          date: '2026-03-09',
          donor,
          restrictedTo: null,
          note: '',
        },
        { source: 'bot' },
      );
    for (const path of ['/public/fund', '/public/report', '/public/report?period=2026']) {
      const res = await w.request(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text).toContain('data-chart');
      expect(text).not.toContain('Hidden Donor');
      expect(text).not.toContain('13800138000');
    }
    expect(await (await w.request('/public/fund')).text()).toContain('Named Donor');
  });
});
