// Phase d of the instances benchmark: a burst of questions with one of three instances SIGKILLed in the middle.
// Each update has an effect (one FAQ question logged) and a reply; what matters is counted apart: updates lost
// (no effect or no answer), effects that happened twice (must be 0: the effect is recorded with the update, in one
// transaction), replies that came twice (Telegram has no idempotency key: bounded by the updates in flight).
import { openPostgresDatabase } from '../../src/db/client';
import { questionFrom, startFleet, stopFleet, until } from './fleet';
import { load, type Phase, perChat, recordSends } from './sends';

/** How a retry of an update committed by a dead instance answers (locales/zh-CN/common.json handledBefore). */
const DONE_BEFORE = '您刚才发的消息已经收到并办好了';

export async function burstWithKill(p: Phase, burst: number): Promise<void> {
  const url = await p.freshPg();
  const fleet = await startFleet(3, { api: p.api, lb: p.lb, db: { DATABASE_URL: url } });
  const h = openPostgresDatabase(url, 2);
  const ids = Array.from({ length: burst }, () => p.nextChat());
  const mine = new Set(ids);
  const rec = recordSends(p.api, (c) => mine.has(c));
  const retriesBefore = p.api.webhook?.stats.failures ?? 0;
  for (const id of ids) questionFrom(p.api, id);
  await until(() => rec.reached.size >= burst / 2, 180_000, 'half the burst');
  const victim = fleet[1]!;
  victim.child.kill('SIGKILL');
  await victim.exited;
  // What it had claimed and not finished: each may have been answered, or committed, before it died.
  const held = await h.db
    .selectFrom('handled_updates')
    .select(['update_id', 'committed_at'])
    .where('state', '=', 'handling')
    .where('claimed_by', '=', victim.id)
    .execute();
  await until(() => rec.reached.size >= burst, 180_000, 'the whole burst');
  // A retry arrives within seconds of the kill: wait for stragglers before counting.
  await new Promise((r) => setTimeout(r, 3000));
  rec.stop();
  await stopFleet(fleet.filter((i) => i !== victim));
  const effects = new Map(
    (
      await h.db
        .selectFrom('faq_queries')
        .select(['user_id', (e) => e.fn.countAll<number>().as('n')])
        .groupBy('user_id')
        .execute()
    ).map((r) => [Number(r.user_id), Number(r.n)]),
  );
  await h.close();
  const replies = perChat(rec.sends);
  const lost = ids.filter((id) => !replies.has(id) || !effects.has(id)).length;
  console.error(`d. burst of ${burst}: ${lost} lost, load ${load()}`);
  p.rows.push({
    result: 'd. burst, 1 of 3 SIGKILLed mid-way',
    updates: burst,
    lost,
    'effect twice': ids.filter((id) => (effects.get(id) ?? 0) > 1).length,
    'replies duplicated': ids.filter((id) => (replies.get(id) ?? 0) > 1).length,
    'in flight at kill': held.length,
    'of them committed': held.filter((r) => r.committed_at !== null).length,
    'answered "done before"': rec.sends.filter((s) => s.text.includes(DONE_BEFORE)).length,
    'webhook retries': (p.api.webhook?.stats.failures ?? 0) - retriesBefore,
    'load avg': load(),
  });
}
