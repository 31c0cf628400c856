// Several instances on PostgreSQL (issue 19), each a child process running the real app with webhooks behind a
// load balancer, against the fake Bot API, on a throwaway PostgreSQL cluster:
//   a. update throughput and p99 through the webhook path, 1/2/3 instances on PostgreSQL against 1 on SQLite;
//   b. a broadcast across three instances with the one holding the most claims SIGKILLed half way;
//   c. the scheduler's leader SIGKILLed: how soon another leads, and no reminder lost or doubled;
//   d. a burst of updates with one instance SIGKILLed in the middle: none lost, none handled twice.
// npm run bench -- instances [--updates=1000] [--n=20000] [--rate=1000] [--burst=2000]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresDatabase } from '../src/db/client';
import { insertMessages, type OutMessage } from '../src/outbox/service';
import { FakeBotApi } from '../src/playground/fake-api';
import type { RecordedCall } from '../src/playground/fake-api/types';
import { adminQuery, startPgCluster } from '../test/support/pg-cluster';
import { startBalancer } from './balancer';
import { helpFrom, type Instance, startFleet, stopFleet, until } from './instances/fleet';
import { type Row, report } from './report';

const arg = (name: string, dflt: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;

/** Every successful sendMessage as the fake Bot API answered it. */
function recordSends(api: FakeBotApi): { sends: { at: number; chatId: number }[]; stop: () => void } {
  const sends: { at: number; chatId: number }[] = [];
  const on = (c: RecordedCall) => {
    if (c.method === 'sendMessage' && c.ok && c.chatId !== null) sends.push({ at: c.at, chatId: c.chatId });
  };
  api.on('call', on);
  return { sends, stop: () => api.off('call', on) };
}

const perChat = (sends: { chatId: number }[]) => {
  const m = new Map<number, number>();
  for (const s of sends) m.set(s.chatId, (m.get(s.chatId) ?? 0) + 1);
  return m;
};

export async function main(): Promise<void> {
  const updates = arg('updates', 1000);
  const recipients = arg('n', 20_000);
  const rate = arg('rate', 1000);
  const burst = arg('burst', 2000);
  const cluster = await startPgCluster();
  const api = await FakeBotApi.start({ recordCalls: false, webhookRetryMs: 500 });
  const lb = await startBalancer('/tg/hook');
  let made = 0;
  const freshPg = async () => {
    const name = `bench_${++made}`;
    await adminQuery(cluster.adminUrl, `create database ${name}`);
    return cluster.urlOf(name);
  };
  let chat = 100_000;
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {
    note:
      'One machine, loopback; every instance is a child process running src/app.ts (BOT_MODE=webhook) behind a ' +
      'round-robin balancer; the fake Bot API posts updates (max_connections 40 each) and retries failed posts ' +
      'after 500 ms. Rates are counted per calendar second of arrival at the fake API.',
  };
  try {
    // ---- a. throughput and p99 through the webhook path ----
    const configs: { engine: 'sqlite' | 'postgres'; n: number }[] = [
      { engine: 'sqlite', n: 1 },
      { engine: 'postgres', n: 1 },
      { engine: 'postgres', n: 2 },
      { engine: 'postgres', n: 3 },
    ];
    const shapes = new Set<number>();
    for (const c of configs) {
      const db =
        c.engine === 'postgres'
          ? { DATABASE_URL: await freshPg() }
          : { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'linli-inst-')), 'b.db') };
      const fleet = await startFleet(c.n, { api, lb, db });
      const rec = recordSends(api);
      const added = new Map<number, number>();
      const warm = Array.from({ length: 50 }, () => ++chat);
      for (const id of warm) helpFrom(api, id);
      await until(() => new Set(rec.sends.map((s) => s.chatId)).size >= warm.length, 60_000, 'warm-up');
      rec.sends.length = 0;
      const ids = Array.from({ length: updates }, () => ++chat);
      const t0 = Date.now();
      for (const id of ids) {
        added.set(id, Date.now());
        helpFrom(api, id);
      }
      await until(() => perChat(rec.sends).size >= ids.length, 180_000, `${c.engine}×${c.n}`);
      const firstReply = new Map<number, number>();
      for (const s of rec.sends) if (!firstReply.has(s.chatId)) firstReply.set(s.chatId, s.at);
      const lat = ids.map((id) => firstReply.get(id)! - added.get(id)!);
      const elapsed = (Math.max(...firstReply.values()) - t0) / 1000;
      for (const n of perChat(rec.sends).values()) shapes.add(n);
      rec.stop();
      await stopFleet(fleet);
      console.error(`a. ${c.engine} × ${c.n}: ${Math.round(updates / elapsed)} updates/s, p99 ${p99(lat)} ms`);
      rows.push({
        result: 'a. updates',
        engine: c.engine,
        instances: c.n,
        updates,
        'updates/s': Math.round(updates / elapsed),
        'p99 ms': p99(lat),
      });
    }
    extra.repliesPerUpdate = [...shapes];

    // ---- b. broadcast across three instances, the one with the most claims killed half way ----
    {
      const url = await freshPg();
      const fleet = await startFleet(3, {
        api,
        lb,
        db: { DATABASE_URL: url },
        env: { DELIVERY_RATE_PER_SEC: String(rate) },
      });
      const h = openPostgresDatabase(url, 2);
      const rec = recordSends(api);
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
      await until(() => perChat(rec.sends).size >= recipients, 600_000, 'the whole broadcast');
      const doneAt = Math.max(...rec.sends.map((s) => s.at));
      // anything sent twice arrives within seconds of the requeue: wait for stragglers before counting
      await new Promise((r) => setTimeout(r, 3000));
      rec.stop();
      await stopFleet(fleet.filter((i) => i !== victim));
      await h.close();
      const chats = perChat(rec.sends);
      const bySecond = new Map<number, number>();
      for (const s of rec.sends)
        bySecond.set(Math.floor(s.at / 1000), (bySecond.get(Math.floor(s.at / 1000)) ?? 0) + 1);
      const last = new Map<number, number>();
      let minGap = Infinity;
      for (const s of [...rec.sends].sort((a, b) => a.at - b.at)) {
        const prev = last.get(s.chatId);
        if (prev !== undefined) minGap = Math.min(minGap, s.at - prev);
        last.set(s.chatId, s.at);
      }
      console.error(`b. broadcast done: ${chats.size} of ${recipients} reached`);
      rows.push({
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
      });
    }

    // ---- c. the scheduler's leader killed ----
    {
      const url = await freshPg();
      const fleet = await startFleet(3, { api, lb, db: { DATABASE_URL: url }, env: { BENCH_CRON: '1' } });
      const leads = (i: Instance) => i.logs.some((l) => l.msg.startsWith('this instance leads'));
      await until(() => fleet.some(leads), 30_000, 'a leader');
      const h = openPostgresDatabase(url, 2);
      const count = async () =>
        (await h.db.selectFrom('deliveries').select(['dedupe_key', 'state']).execute()).map((r) => r.dedupe_key);
      const leader = fleet.find(leads)!;
      const before = await count();
      leader.child.kill('SIGKILL');
      const killedAt = Date.now();
      await until(() => fleet.some((i) => i !== leader && leads(i)), 30_000, 'a new leader');
      const next = fleet.find((i) => i !== leader && leads(i))!;
      const tookOver = next.logs.find((l) => l.msg.startsWith('this instance leads'))!.at - killedAt;
      await new Promise((r) => setTimeout(r, 3000));
      const after = await count();
      await stopFleet(fleet.filter((i) => i !== leader));
      await h.close();
      console.error(`c. a new leader after ${tookOver} ms`);
      rows.push({
        result: 'c. scheduler leader SIGKILLed',
        'new leader after ms': tookOver,
        'other leaders': fleet.filter((i) => i !== leader && i !== next && leads(i)).length,
        'reminders queued before': before.length,
        'after catch-up': after.length,
        'queued twice': after.length - new Set(after).size,
      });
    }

    // ---- d. a burst with one instance killed in the middle ----
    {
      const url = await freshPg();
      const fleet = await startFleet(3, { api, lb, db: { DATABASE_URL: url } });
      const rec = recordSends(api);
      const ids = Array.from({ length: burst }, () => ++chat);
      for (const id of ids) helpFrom(api, id);
      await until(() => perChat(rec.sends).size >= burst / 2, 180_000, 'half the burst');
      const victim = fleet[1]!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      // Updates it had claimed and not finished: each may have been answered before it died, and is handled again.
      const h = openPostgresDatabase(url, 1);
      const inFlight = (
        await h.db
          .selectFrom('handled_updates')
          .select('update_id')
          .where('state', '=', 'handling')
          .where('claimed_by', '=', victim.id)
          .execute()
      ).length;
      await h.close();
      await until(() => perChat(rec.sends).size >= burst, 180_000, 'the whole burst');
      await new Promise((r) => setTimeout(r, 3000));
      rec.stop();
      await stopFleet(fleet.filter((i) => i !== victim));
      const chats = perChat(rec.sends);
      rows.push({
        result: 'd. burst, 1 of 3 SIGKILLed mid-way',
        updates: burst,
        answered: ids.filter((id) => chats.has(id)).length,
        lost: ids.filter((id) => !chats.has(id)).length,
        'answered twice': ids.filter((id) => (chats.get(id) ?? 0) > 1).length,
        'in flight at kill': inFlight,
        'webhook retries': api.webhook?.stats.failures ?? 0,
      });
    }
  } finally {
    await lb.close();
    await api.close();
    cluster.stop();
  }
  report('instances', rows, extra);
}
