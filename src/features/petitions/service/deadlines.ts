import { DAY_MS, localDate } from '../../../core/time';
import type { OutMessage } from '../../../outbox/service';
import { CB } from '../callbacks';
import { isOpen, REMIND_BEFORE_MS } from '../policy';
import type { AlertKind, Follower, Petition } from '../store';
import * as store from '../store';
import { handlerButtons, type Recipients } from './notify';
import type { Parts } from './parts';

/** Petitions looked at in one run at most; more that are due wait for the next run (ten minutes later). */
const BATCH = 500;

interface Stage {
  kind: AlertKind;
  limit: 'ack' | 'answer';
  at: string;
}

/**
 * The alerts of a petition's current round that can still fall due, in time order: a reminder before each limit and
 * the escalation at it, for a limit whose thing (acknowledging, answering) is not yet done.
 */
export function stagesOf(p: Petition): Stage[] {
  if (!isOpen(p)) return [];
  const stages: Stage[] = [];
  for (const limit of ['ack', 'answer'] as const) {
    const pending = limit === 'ack' ? p.acknowledgedAt === null : p.answeredAt === null;
    if (!pending) continue;
    const due = Date.parse(limit === 'ack' ? p.ackDueAt : p.answerDueAt);
    stages.push({ kind: `remind-${limit}`, limit, at: new Date(due - REMIND_BEFORE_MS[limit]).toISOString() });
    stages.push({ kind: `late-${limit}`, limit, at: new Date(due).toISOString() });
  }
  return stages.sort((a, b) => a.at.localeCompare(b.at));
}

/** Reminders before a time limit, and escalation once it has passed. */
export function deadlines({ db, clock, outbox, policy, notify }: Parts) {
  /** The deputies are reminded of the limit ahead, with the buttons valid now. */
  async function reminder(p: Petition, limit: 'ack' | 'answer', who: Recipients): Promise<OutMessage[]> {
    const due = limit === 'ack' ? p.ackDueAt : p.answerDueAt;
    const content = {
      key: `petitions.remind.${limit}`,
      params: { id: p.id, place: p.place, due: localDate(new Date(due), policy.timezone) },
      buttons: handlerButtons(p),
    };
    return (await who.handlers(p)).map((r) => ({
      dedupeKey: `petitions:remind-${limit}:${p.id}:${p.round}:${r.chatId}`,
      chatId: r.chatId,
      userId: r.userId,
      category: 'staff',
      content,
    }));
  }

  /** Staff are alerted; the petitioner and co-signers are told, with the 催办 button. */
  async function escalation(
    p: Petition,
    limit: 'ack' | 'answer',
    followers: Follower[],
    who: Recipients,
    now: Date,
  ): Promise<OutMessage[]> {
    const key = `petitions:late-${limit}:${p.id}:${p.round}`;
    const days = Math.floor((now.getTime() - Date.parse(p.createdAt)) / DAY_MS);
    const staff = {
      key: `petitions.escalate.${limit}`,
      params: { id: p.id, place: p.place, days },
      buttons: handlerButtons(p),
    };
    const rows: OutMessage[] = (await who.staff()).map((r) => ({
      dedupeKey: `${key}:${r.chatId}`,
      chatId: r.chatId,
      userId: r.userId,
      category: 'staff',
      content: staff,
    }));
    const tell = {
      key: `petitions.late.tell${limit === 'ack' ? 'Ack' : 'Answer'}`,
      params: { id: p.id, place: p.place },
      buttons: [
        [{ key: 'petitions.btn.chase', data: CB.chase(p.id) }],
        [{ key: 'petitions.btn.timeline', data: CB.view(p.id) }],
      ],
    };
    for (const f of followers)
      rows.push({
        dedupeKey: `${key}:follower:${f.userId}`,
        chatId: f.userId,
        userId: f.userId,
        category: 'personal',
        content: tell,
      });
    return rows;
  }

  return {
    /**
     * Catch-up for time limits as of `now`: remind the deputies before a limit, and once it has passed escalate to
     * staff and tell the petitioner and co-signers (with the 催办 button). Reads only petitions whose next alert is
     * due (a partial index), records what it queued per petition and round, and moves each petition's next alert
     * on: a second run sends and writes nothing. Returns how many messages were queued.
     */
    async checkDeadlines(now = clock.now()): Promise<number> {
      const at = now.toISOString();
      const due = await store.dueForAlerts(db, at, BATCH);
      if (due.length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        const ids = due.map((p) => p.id);
        const done = await store.alertsOf(trx, ids);
        const followers = new Map<number, Follower[]>();
        for (const f of await store.followersOfMany(trx, ids))
          followers.set(f.petitionId, [...(followers.get(f.petitionId) ?? []), f]);
        const who = notify.recipients(trx);
        const rows: OutMessage[] = [];
        const queued: { petitionId: number; round: number; kind: AlertKind }[] = [];
        for (const p of due) {
          const stages = stagesOf(p).filter((s) => !done.has(store.alertId(p.id, p.round, s.kind)));
          for (const s of stages.filter((x) => x.at <= at)) {
            const late = s.kind.startsWith('late');
            // A reminder that comes after its limit says nothing the escalation does not.
            if (!late && (s.limit === 'ack' ? p.ackDueAt : p.answerDueAt) <= at) continue;
            rows.push(
              ...(late
                ? await escalation(p, s.limit, followers.get(p.id) ?? [], who, now)
                : await reminder(p, s.limit, who)),
            );
            queued.push({ petitionId: p.id, round: p.round, kind: s.kind });
          }
          const next = stages.find((s) => s.at > at)?.at ?? null;
          await store.setAlertDue(trx, p.id, next);
        }
        await store.recordAlerts(trx, queued, at);
        return outbox.enqueue(trx, rows, now);
      });
    },
  };
}
