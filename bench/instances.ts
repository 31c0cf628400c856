// Several instances on PostgreSQL (issue 19), each a child process running the real app with webhooks behind a
// load balancer, against the fake Bot API, on a throwaway PostgreSQL cluster:
//   a. update throughput and p99 through the webhook path, 1/2/3 instances on PostgreSQL against 1 on SQLite;
//   b. a broadcast across three instances with the one holding the most claims SIGKILLed half way;
//   c. the scheduler's leader SIGKILLed: how soon another leads, and no reminder lost or doubled;
//   d. a burst of updates with one instance SIGKILLed in the middle: none lost, no effect twice.
// npm run bench -- instances [--updates=1000] [--n=20000] [--rate=1000] [--burst=2000] [--reminders=50] [--only=a,b,c,d]

import { FakeBotApi } from '../src/playground/fake-api';
import { adminQuery, startPgCluster } from '../test/support/pg-cluster';
import { startBalancer } from './balancer';
import { broadcast } from './instances/broadcast';
import { burstWithKill } from './instances/burst';
import { leaderKilled } from './instances/leader';
import { load, type Phase } from './instances/sends';
import { throughput } from './instances/throughput';
import { report } from './report';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const arg = (name: string, dflt: number) => Number(option(name) ?? dflt);

export async function main(): Promise<void> {
  const updates = arg('updates', 1000);
  const recipients = arg('n', 20_000);
  const rate = arg('rate', 1000);
  const burst = arg('burst', 2000);
  // --only=b runs the broadcast alone (a 100,000-recipient run is long enough by itself).
  const only = new Set((option('only') ?? 'a,b,c,d').split(','));
  const cluster = await startPgCluster();
  const api = await FakeBotApi.start({ recordCalls: false, webhookRetryMs: 500 });
  const lb = await startBalancer('/tg/hook');
  let made = 0;
  let chat = 100_000;
  const p: Phase = {
    api,
    lb,
    async freshPg() {
      const name = `bench_${++made}`;
      await adminQuery(cluster.adminUrl, `create database ${name}`);
      return cluster.urlOf(name);
    },
    nextChat: () => ++chat,
    rows: [],
    extra: {
      note:
        'One machine, loopback; every instance is a child process running src/app.ts (BOT_MODE=webhook) behind a ' +
        'round-robin balancer; the fake Bot API posts updates (max_connections 40 each) and retries failed posts ' +
        'after 500 ms. Rates are counted per calendar second of arrival at the fake API.',
      phases: [...only].sort(),
    },
  };
  try {
    // How long each phase took, to say how long a bigger run would.
    const seconds: Record<string, number> = {};
    const phase = async (name: string, run: () => Promise<void>) => {
      if (!only.has(name)) return;
      const t0 = Date.now();
      await run();
      seconds[name] = Math.round((Date.now() - t0) / 1000);
      console.error(`phase ${name}: ${seconds[name]} s, load ${load()}`);
    };
    p.extra.phaseSeconds = seconds;
    await phase('a', () => throughput(p, updates));
    await phase('b', () => broadcast(p, recipients, rate));
    await phase('c', () => leaderKilled(p, arg('reminders', 50)));
    await phase('d', () => burstWithKill(p, burst));
  } finally {
    await lb.close();
    await api.close();
    cluster.stop();
  }
  report('instances', p.rows, p.extra);
}
