import type { JobSpec } from '../core/jobs';
import { HOUR_MS } from '../core/time';
import type { Db } from '../db/schema';
import type { Identity } from '../identity';
import type { Outbox } from './service';
import { stuckSince } from './store';

/**
 * Every ten minutes: if messages have been failing for more than an hour (Telegram down for a long time, or one chat
 * refusing with 5xx), staff are told once an hour what is stuck and why. The tell-tale itself goes through the
 * outbox, so during a full outage it arrives when Telegram is back — and says how long things were held.
 */
export function stuckDeliveriesJob(deps: { db: Db; outbox: Outbox; identity: Identity }): JobSpec {
  return {
    name: 'outbox.stuck',
    cron: '*/10 * * * *',
    async run(now) {
      const stuck = await stuckSince(deps.db, new Date(now.getTime() - HOUR_MS).toISOString());
      if (stuck.length === 0) return;
      const count = stuck.reduce((n, s) => n + s.count, 0);
      const broadcast = stuck.filter((s) => s.broadcastId !== null).reduce((n, s) => n + s.count, 0);
      const reason = [...stuck].sort((a, b) => b.count - a.count)[0]!.reason.slice(0, 120);
      const hour = now.toISOString().slice(0, 13);
      const staff = await deps.identity.staffAndAdmins();
      await deps.outbox.enqueue(
        deps.db,
        staff.map((u) => ({
          dedupeKey: `outbox:stuck:${hour}:${u.id}`,
          chatId: u.id,
          userId: u.id,
          category: 'staff' as const,
          content: { key: 'common.outboxStuck', params: { count, broadcast, personal: count - broadcast, reason } },
        })),
        now,
      );
    },
  };
}
