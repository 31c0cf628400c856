import type { Updateable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { ActivitiesTable } from '../../../db/tables/activities';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { AlreadyPublished, CapacityBelowBooked } from '../errors';
import { activitiesPolicy, activityTimes } from '../policy';
import * as store from '../store';
import { type ActivitiesDeps, getActivity } from './deps';
import type { ActivityInput } from './input';
import * as messages from './messages';
import { promoteWaiting } from './waitlist';

const yieldToOthers = () => new Promise((r) => setImmediate(r));

/**
 * Publishing tells the activity's audience through the outbox, as general notices (a resident who turned notices off
 * is left out). A whole sub-district is told a batch at a time (issue 20's pattern): publishing writes the first
 * batch, the job the rest, each batch moving the activity's cursor (the last user id told) in the transaction of its
 * rows; each row's dedupe key is the activity and the user, so nobody hears twice whatever crashes.
 */
export function announcer(deps: ActivitiesDeps, batchSize: number = activitiesPolicy.announceBatch) {
  const { db, clock, outbox, tz } = deps;

  /** People chosen by list (relief recipients, volunteers): asked of the area that keeps the list. */
  async function listed(a: store.Activity): Promise<number[] | null> {
    if (a.audience === 'relief') return deps.relief.reachableByRelief();
    if (a.audience === 'volunteers') return deps.partners.approvedVolunteers();
    return null;
  }

  const placeFilter = (a: store.Activity): store.PlaceFilter =>
    a.audience === 'community'
      ? { communityId: a.audienceId ?? -1 }
      : a.audience === 'compound'
        ? { compoundId: a.audienceId ?? -1 }
        : {};

  async function sessionCount(db: DbOrTx, a: store.Activity) {
    if (a.seriesId === null) return 1;
    return (await store.sessionsOf(db, a.seriesId)).filter((s) => s.status === 'published').length;
  }

  /** Queues `ids` (the next recipients after the cursor) and moves the cursor past them; the last batch ends it. */
  async function queueBatch(trx: DbOrTx, a: store.Activity, ids: readonly number[], after: number, now: Date) {
    const sessions = await sessionCount(trx, a);
    for (let i = 0; i < ids.length; i += activitiesPolicy.enqueueChunk) {
      const msgs = ids.slice(i, i + activitiesPolicy.enqueueChunk).map((u) => messages.announcement(a, u, sessions));
      await outbox.enqueue(trx, msgs, now);
    }
    const patch: Updateable<ActivitiesTable> = { announce_after: ids.at(-1) ?? after };
    if (ids.length < batchSize) patch.announced_at = now.toISOString();
    await store.updateActivity(trx, a.id, patch);
  }

  async function nextBatch(a: store.Activity, after: number, upto: number) {
    return store.noticeTakersPage(db, placeFilter(a), { after, upto, limit: batchSize });
  }

  return {
    /** Publishes the activity (a series: its sessions still ahead) and tells the first batch of its audience. */
    async publish(a: store.Activity, actorId: number): Promise<void> {
      const now = clock.now();
      const list = await listed(a);
      const upto = await store.lastUserId(db);
      const first = list === null ? await nextBatch(a, 0, upto) : [];
      const sessions = a.seriesId === null ? [a] : await store.sessionsOf(db, a.seriesId);
      await db.transaction().execute(async (trx) => {
        const fresh = await getActivity(trx, a.id);
        if (fresh.status !== 'draft') throw new AlreadyPublished();
        const at = now.toISOString();
        for (const s of sessions)
          if (s.status === 'draft' && activityTimes(s, tz).start > now)
            await store.updateActivity(trx, s.id, { status: 'published', published_at: at });
        const details = { sessions: sessions.length, audience: a.audience };
        await recordAudit(trx, { actorId, action: 'activities.publish', subject: `activity:${a.id}`, details }, now);
        const published = await getActivity(trx, a.id);
        if (list === null) {
          await store.updateActivity(trx, a.id, { announce_upto: upto, announce_after: 0 });
          await queueBatch(trx, published, first, 0, now);
        } else {
          const ids = await store.noticeTakersAmong(trx, list);
          await store.updateActivity(trx, a.id, { announce_upto: upto });
          // A list of a few hundred goes in one transaction; the cursor is the list's end.
          const sessionsNow = await sessionCount(trx, published);
          await outbox.enqueue(
            trx,
            ids.map((u) => messages.announcement(published, u, sessionsNow)),
            now,
          );
          await store.updateActivity(trx, a.id, { announce_after: upto, announced_at: at });
        }
      });
    },

    /**
     * The job: activities still being announced get their remaining batches, one transaction each, replies and other
     * work running in between. With none, one read of a partial index.
     */
    async announcePending(now = clock.now()): Promise<number> {
      let batches = 0;
      for (const a of await store.announcing(db)) {
        for (;;) {
          const cur = await store.announceCursor(db, a.id);
          if (!cur || cur.announce_upto === null || cur.announced_at !== null) break;
          const ids = cur.status === 'cancelled' ? [] : await nextBatch(a, cur.announce_after, cur.announce_upto);
          const moved = await db.transaction().execute(async (trx) => {
            const again = await store.announceCursor(trx, a.id);
            // Moved on by another run since the batch was read: leave it to that run.
            if (!again || again.announced_at !== null || again.announce_after !== cur.announce_after) return false;
            await queueBatch(trx, await getActivity(trx, a.id), ids, cur.announce_after, now);
            return true;
          });
          if (!moved) break;
          batches++;
          await yieldToOthers();
        }
      }
      return batches;
    },

    /** Applies a change; a new time or place reaches everyone signed up at once, more places move the line up. */
    async change(actorId: number, a: store.Activity, p: Partial<ActivityInput>, done?: TxHook) {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const patch: Updateable<ActivitiesTable> = {};
        if (p.date !== undefined) patch.date = p.date;
        if (p.startsAt !== undefined) patch.starts_at = p.startsAt;
        if (p.endsAt !== undefined) patch.ends_at = p.endsAt;
        if (p.placeZh !== undefined) patch.place_zh = p.placeZh;
        if (p.placeEn !== undefined) patch.place_en = p.placeEn;
        if (p.placeAddress !== undefined) patch.place_address = p.placeAddress;
        if (p.latitude !== undefined) patch.latitude = p.latitude;
        if (p.longitude !== undefined) patch.longitude = p.longitude;
        const moved = Object.keys(patch).length > 0;
        if (p.capacity !== undefined) {
          const booked = await store.bookedCount(trx, a.id);
          if (p.capacity !== null && p.capacity < booked) throw new CapacityBelowBooked(booked);
          patch.capacity = p.capacity;
        }
        if (moved && a.status === 'published') patch.revision = a.revision + 1;
        await store.updateActivity(trx, a.id, patch);
        await recordAudit(trx, { actorId, action: 'activities.change', subject: `activity:${a.id}`, details: p }, now);
        const changed = await getActivity(trx, a.id);
        if (moved && a.status === 'published') {
          const holders = await store.holdersOf(trx, a.id);
          await outbox.enqueue(
            trx,
            holders.map((u) => messages.changed(changed, u)),
            now,
          );
        }
        if (p.capacity !== undefined) await promoteWaiting(trx, outbox, a.id, now, tz);
        await runHooks(trx, done);
        return changed;
      });
    },
  };
}

export type Announcer = ReturnType<typeof announcer>;
