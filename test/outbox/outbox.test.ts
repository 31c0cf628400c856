import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client';
import type { OutMessage } from '../../src/outbox/service';
import type { Platform } from '../../src/platform';
import { freshDb } from '../support/db';
import { testPlatform } from '../support/platform';

const t0 = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
let h: DbHandle;
let p: Platform;
beforeEach(async () => {
  h = await freshDb();
  p = testPlatform(h.db);
});
afterEach(() => h.close());

const long = 'x'.repeat(400);
const notice = (id: number, tag: string): OutMessage => ({
  dedupeKey: `t:${tag}:${id}`,
  chatId: id,
  userId: null,
  category: 'notice',
  content: { key: 'common.help', params: { commands: `${tag} ${long}` } },
});
const contents = async () => (await h.db.selectFrom('delivery_contents').select('id').execute()).length;

describe('the outbox stays the size of what it holds', () => {
  it('queuing the same long notice again stores no second copy of its content', async () => {
    expect(await p.outbox.enqueue(h.db, [notice(1, 'a'), notice(2, 'a')], t0)).toBe(2);
    expect(await contents()).toBe(1);
    // a job re-running every ten minutes queues the same again: nothing new anywhere
    for (let i = 0; i < 3; i++) expect(await p.outbox.enqueue(h.db, [notice(1, 'a'), notice(2, 'a')], t0)).toBe(0);
    expect(await contents()).toBe(1);
  });

  it('finished rows past the retention window go with the contents no row uses; queued rows stay', async () => {
    await p.outbox.enqueue(h.db, [notice(1, 'old'), notice(2, 'old'), notice(3, 'keep'), notice(6, 'keep')], t0);
    await p.outbox.enqueue(h.db, [notice(4, 'new'), notice(5, 'new')], new Date(t0.getTime() + 100 * DAY));
    const claimed = await p.outbox.claimDue(new Date(t0.getTime() + 100 * DAY), 100);
    const sent = claimed.filter((r) => r.chatId !== 3 && r.chatId !== 6);
    await p.outbox.recordOutcomes(
      sent.map((r) => ({ kind: 'sent' as const, id: r.id, messageId: r.id })),
      t0,
    );
    const waiting = claimed.filter((r) => r.chatId === 3 || r.chatId === 6);
    await p.outbox.recordOutcomes(
      waiting.map((r) => ({ kind: 'not-started' as const, id: r.id })),
      t0,
    );
    expect(await contents()).toBe(3); // the old pair's, the waiting pair's, the new pair's
    const pruned = await p.outbox.prune(new Date(t0.getTime() + 90 * DAY), 1);
    expect(pruned).toBe(2);
    expect((await p.outbox.list({})).map((d) => d.chatId).sort()).toEqual([3, 4, 5, 6]);
    expect(await contents()).toBe(2);
  });
});
