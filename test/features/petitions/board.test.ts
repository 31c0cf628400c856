import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerFilter } from '../../../src/features/petitions/callbacks';
import { listAudit } from '../../../src/identity/audit';
import { ADMIN, type ConsoleWorld, consoleWorld, DEPUTY } from '../console/support';

const DAY = 86_400_000;

describe("the console's petitions board", () => {
  let w: ConsoleWorld;
  beforeAll(async () => {
    w = await consoleWorld();
    for (const f of w.areas.features) if (f.demo) await f.demo();
    w.clock.advance(30 * DAY);
  });
  afterAll(() => w.close());

  const staff = { id: ADMIN, roles: new Set(['admin']) };
  const filters: HandlerFilter[] = [
    {},
    { status: 'open' },
    { status: 'closed' },
    { overdue: true },
    { communityId: 1 },
  ];

  it('shows the same petitions as /petitions in the chat, a page at a time, newest first', async () => {
    for (const f of filters) {
      const all = await w.areas.services.petitions.listForHandler(staff, f);
      const pages = [];
      for (let p = 0; p < Math.max(1, Math.ceil(all.length / 2)); p++) {
        const b = await w.areas.services.petitions.board(staff, f, p, 2);
        expect(b.total).toBe(all.length);
        pages.push(...b.petitions.map((x) => x.id));
      }
      expect(pages, JSON.stringify(f)).toEqual(all.map((x) => x.id));
    }
  });

  it('a deputy sees only the petitions of their assignments, as in the chat', async () => {
    const deputy = { id: DEPUTY, roles: new Set(['deputy']) };
    const chat = await w.areas.services.petitions.listForHandler(deputy, {});
    const board = await w.areas.services.petitions.board(deputy, {}, 0, 1000);
    expect(board.petitions.map((x) => x.id)).toEqual(chat.map((x) => x.id));
  });

  it("a petition's page shows staff its timeline and refuses a deputy it is not assigned to", async () => {
    const [p] = await w.areas.services.petitions.listForHandler(staff, {});
    expect(p).toBeDefined();
    const mine = await w.request(`/petitions/${p!.id}`, { initData: w.initData(ADMIN) });
    expect(mine.status).toBe(200);
    const text = await mine.text();
    expect(text).toContain('class="timeline"');
    const theirs = await w.request(`/petitions/${p!.id}`, { initData: w.initData(DEPUTY) });
    expect(theirs.status).toBe(403);
    const audit = await listAudit(w.h.db, { action: 'denied' });
    expect(audit[0]?.subject).toBe(`console:GET /petitions/${p!.id} (not theirs)`);
  });

  it('a page past the end shows the last page', async () => {
    const b = await w.areas.services.petitions.board(staff, {}, 9999, 2);
    expect(b.page).toBe(b.pages - 1);
  });
});
