// Phase b of the instances benchmark: a broadcast across three instances, the one holding the most claims SIGKILLed
// half way: everyone reached, duplicates no more than the rows in flight, the rate and the per-chat rule kept.
import { openPostgresDatabase } from '../../src/db/client';
import { insertMessages, type OutMessage } from '../../src/outbox/service';
import { startFleet, stopFleet, until } from './fleet';
import { load, type Phase, perChat, recordSends } from './sends';

export async function broadcast(p: Phase, recipients: number, rate: number): Promise<void> {
  const url = await p.freshPg();
  const fleet = await startFleet(3, {
    api: p.api,
    lb: p.lb,
    db: { DATABASE_URL: url },
    env: { DELIVERY_RATE_PER_SEC: String(rate) },
  });
  const h = openPostgresDatabase(url, 2);
  const rec = recordSends(p.api, (c) => c >= 5_000_000 && c < 5_000_000 + recipients);
  const text = `停水通知：明天上午八点到下午五点，荷塘花园全小区停水检修，请提前储水。${'（通知）'.repeat(10)}`;
  const msgs: OutMessage[] = Array.from({ length: recipients }, (_, i) => ({
    dedupeKey: `bench:b:${i}`,
    chatId: 5_000_000 + i,
    userId: null,
    category: 'notice',
    content: { text },
  }));
  const t0 = Date.now();
  await h.db.transaction().execute((trx) => insertMessages(trx, msgs, new Date()));
  await until(() => rec.sends.length >= recipients / 2, 600_000, 'half the broadcast');
  const claims = await h.db
    .selectFrom('deliveries')
    .select(['claimed_by', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'sending')
    .groupBy('claimed_by')
    .execute();
  const most = claims.sort((a, b) => Number(b.n) - Number(a.n))[0];
  const victim = fleet.find((i) => i.id === most?.claimed_by) ?? fleet[0]!;
  console.error(`b. half sent; SIGKILL the instance holding ${most?.n ?? 0} claims`);
  victim.child.kill('SIGKILL');
  const killedAt = Date.now();
  await victim.exited;
  const inFlight = Number(
    (
      await h.db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', 'sending')
        .where('claimed_by', '=', victim.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  await until(() => rec.reached.size >= recipients, 600_000, 'the whole broadcast');
  const doneAt = Math.max(...rec.sends.map((s) => s.at));
  // anything sent twice arrives within seconds of the requeue: wait for stragglers before counting
  await new Promise((r) => setTimeout(r, 3000));
  rec.stop();
  await stopFleet(fleet.filter((i) => i !== victim));
  await h.close();
  const chats = perChat(rec.sends);
  const bySecond = new Map<number, number>();
  for (const s of rec.sends) bySecond.set(Math.floor(s.at / 1000), (bySecond.get(Math.floor(s.at / 1000)) ?? 0) + 1);
  const last = new Map<number, number>();
  let minGap = Infinity;
  for (const s of [...rec.sends].sort((a, b) => a.at - b.at)) {
    const prev = last.get(s.chatId);
    if (prev !== undefined) minGap = Math.min(minGap, s.at - prev);
    last.set(s.chatId, s.at);
  }
  console.error(`b. broadcast done: ${chats.size} of ${recipients} reached, load ${load()}`);
  p.rows.push({
    result: 'b. broadcast, 3 instances, busiest SIGKILLed at half',
    recipients,
    'rate limit/s': rate,
    reached: chats.size,
    duplicates: rec.sends.length - chats.size,
    'in flight at kill': inFlight,
    'max in a second': Math.max(...bySecond.values()),
    'sustained/s': Math.round(recipients / ((doneAt - Math.min(...rec.sends.map((x) => x.at))) / 1000)),
    'min gap same chat ms': Number.isFinite(minGap) ? minGap : null,
    'kill at s': Math.round((killedAt - t0) / 100) / 10,
    'seconds in all': Math.round((doneAt - t0) / 1000),
    'load avg': load(),
  });
}
