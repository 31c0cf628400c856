import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity/audit';
import { ADMIN, type ConsoleWorld, consoleWorld, DEPUTY } from './support';

describe("the console's imports and exports are the workbench's own", () => {
  let w: ConsoleWorld;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    w = await consoleWorld();
    session = await w.signIn(ADMIN);
  });
  afterAll(() => w.close());

  it('staff see the relief roster import and its exports', async () => {
    const page = await (await w.request('/files', { cookie: session.cookie })).text();
    expect(page).toContain('action="/files/import/relief-roster"');
    expect(page).toContain('action="/files/export/relief-roster"');
    expect(page).toContain('action="/files/export/relief-month"');
  });

  it('a roster file with bad rows is refused by the chat import checks, and nothing is written', async () => {
    const body = new FormData();
    body.set('_csrf', session.csrf);
    body.set('file', new File(['nonsense,columns\n1,2\n'], 'roster.csv', { type: 'text/csv' }));
    const res = await w.request('/files/import/relief-roster', { method: 'POST', body, cookie: session.cookie });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('class="notice error"');
    expect(await listAudit(w.h.db, { action: 'import' })).toHaveLength(0);
  });

  it('an export downloads as XLSX and is recorded in the audit log', async () => {
    const res = await w.request('/files/export/relief-roster', { cookie: session.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('relief-roster.xlsx');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await listAudit(w.h.db, { action: 'export' }))[0]?.subject).toBe('relief-roster');
  });

  it("a deputy asking for the roster's export by its address is refused and recorded", async () => {
    const res = await w.request('/files/export/relief-roster', { initData: w.initData(DEPUTY) });
    expect(res.status).toBe(403);
    const denied = await listAudit(w.h.db, { action: 'denied' });
    expect(denied[0]?.subject).toBe('console:GET /files/export/relief-roster (not theirs)');
  });
});
