import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client';
import { stuckDeliveriesJob } from '../../src/outbox/alerts';
import type { Platform } from '../../src/platform';
import { freshDb } from '../support/db';
import { testPlatform } from '../support/platform';

// Issue 14 item 3: messages Telegram keeps refusing (a long outage, one chat answering 5xx) are retried for hours;
// staff are told once an hour what is stuck and why, so that nobody waits in silence.
const t0 = new Date('2026-06-01T02:00:00Z');
const MIN = 60_000;
const STAFF = 42;
const RESIDENT = 7;
let h: DbHandle;
let p: Platform;
beforeEach(async () => {
  h = await freshDb();
  p = testPlatform(h.db);
  await p.identity.grant(null, STAFF, 'staff');
});
afterEach(() => h.close());

const alerts = async () =>
  (await h.db.selectFrom('deliveries').select(['chat_id', 'dedupe_key']).execute()).filter((d) =>
    d.dedupe_key.startsWith('outbox:stuck:'),
  );

describe('messages stuck for more than an hour', () => {
  it('tell staff once an hour how many and why, and say nothing while none is stuck that long', async () => {
    const job = stuckDeliveriesJob(p);
    await p.outbox.enqueue(
      h.db,
      [{ dedupeKey: 't:1', chatId: RESIDENT, userId: null, category: 'notice', content: { key: 'common.help' } }],
      t0,
    );
    // the worker's attempts failed: still queued, with Telegram's answer as the reason
    await h.db.updateTable('deliveries').set({ reason: '502: Bad Gateway', attempts: 3 }).execute();
    await job.run(new Date(t0.getTime() + 30 * MIN));
    expect(await alerts()).toHaveLength(0);
    await job.run(new Date(t0.getTime() + 61 * MIN));
    await job.run(new Date(t0.getTime() + 71 * MIN));
    expect(await alerts()).toEqual([{ chat_id: STAFF, dedupe_key: expect.stringContaining(':42') }]);
    const alert = await h.db
      .selectFrom('deliveries')
      .select(['content'])
      .where('dedupe_key', 'like', 'outbox:stuck:%')
      .executeTakeFirstOrThrow();
    const shown = alert.content ?? '';
    expect(shown).toContain('common.outboxStuck');
    expect(shown).toContain('502: Bad Gateway');
    // the next hour, if still stuck, once more
    await job.run(new Date(t0.getTime() + 125 * MIN));
    expect(await alerts()).toHaveLength(2);
  });
});
