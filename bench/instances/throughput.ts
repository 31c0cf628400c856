// Phase a of the instances benchmark: update throughput and p99 through the webhook path, 1/2/3 instances on
// PostgreSQL against 1 on SQLite.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpFrom, startFleet, stopFleet, until } from './fleet';
import { load, type Phase, p99, perChat, recordSends } from './sends';

export async function throughput(p: Phase, updates: number): Promise<void> {
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
        ? { DATABASE_URL: await p.freshPg() }
        : { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'linli-inst-')), 'b.db') };
    const fleet = await startFleet(c.n, { api: p.api, lb: p.lb, db });
    const rec = recordSends(p.api);
    const added = new Map<number, number>();
    const warm = Array.from({ length: 50 }, () => p.nextChat());
    for (const id of warm) helpFrom(p.api, id);
    await until(() => new Set(rec.sends.map((s) => s.chatId)).size >= warm.length, 60_000, 'warm-up');
    rec.sends.length = 0;
    rec.reached.clear();
    const ids = Array.from({ length: updates }, () => p.nextChat());
    const t0 = Date.now();
    for (const id of ids) {
      added.set(id, Date.now());
      helpFrom(p.api, id);
    }
    await until(() => rec.reached.size >= ids.length, 180_000, `${c.engine}×${c.n}`);
    const firstReply = new Map<number, number>();
    for (const s of rec.sends) if (!firstReply.has(s.chatId)) firstReply.set(s.chatId, s.at);
    const lat = ids.map((id) => firstReply.get(id)! - added.get(id)!);
    const elapsed = (Math.max(...firstReply.values()) - t0) / 1000;
    for (const n of perChat(rec.sends).values()) shapes.add(n);
    rec.stop();
    await stopFleet(fleet);
    console.error(
      `a. ${c.engine} × ${c.n}: ${Math.round(updates / elapsed)} updates/s, p99 ${p99(lat)} ms, load ${load()}`,
    );
    p.rows.push({
      result: 'a. updates',
      engine: c.engine,
      instances: c.n,
      updates,
      'updates/s': Math.round(updates / elapsed),
      'p99 ms': p99(lat),
      'load avg': load(),
    });
  }
  p.extra.repliesPerUpdate = [...shapes];
}
