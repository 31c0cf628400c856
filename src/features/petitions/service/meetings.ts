import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { OutMessage, Param } from '../../../outbox/service';
import { CB } from '../callbacks';
import { NotHandler, NotMeetingItem, PetitionNotFound, UnknownDepartment } from '../errors';
import { isOpen } from '../policy';
import type { Department, Follower, Petition } from '../store';
import * as store from '../store';
import type { CardFacts } from './card';
import { forHandler, handlerList, markAnswered } from './handling';
import { type Actor, factsOf, type Parts } from './parts';

export interface MeetingInput {
  heldOn: string;
  departmentIds: number[];
  petitionIds: number[];
  outcome: string;
}

/** What a meeting will say before it is sent: the petitions, the departments, how many residents will be told. */
export interface MeetingPreview {
  petitions: Petition[];
  departments: Department[];
  residents: number;
}

/** 代表·局长面对面: the deputy picks the open petitions discussed, sees what residents will be told, then sends it. */
export function meetings(parts: Parts) {
  const { db, clock, notify, outbox } = parts;

  /** A petition the deputy may put on a meeting: theirs and still open; any other is named, and nothing changes. */
  async function item(trx: DbOrTx, actor: Actor, id: number): Promise<Petition> {
    const p = await forHandler(trx, actor, id).catch((e: unknown) => {
      if (e instanceof PetitionNotFound || e instanceof NotHandler) throw new NotMeetingItem(id);
      throw e;
    });
    if (!isOpen(p)) throw new NotMeetingItem(id);
    return p;
  }

  async function gather(trx: DbOrTx, actor: Actor, m: Pick<MeetingInput, 'departmentIds' | 'petitionIds'>) {
    const petitions: Petition[] = [];
    for (const id of [...new Set(m.petitionIds)]) petitions.push(await item(trx, actor, id));
    const departments: Department[] = [];
    for (const d of [...new Set(m.departmentIds)]) {
      const dept = await store.findDepartment(trx, d);
      if (!dept?.active) throw new UnknownDepartment();
      departments.push(dept);
    }
    return { petitions, departments };
  }

  /** Each resident once, however many of the petitions discussed they follow. */
  function byResident(followers: Follower[]): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const f of followers) out.set(f.userId, [...(out.get(f.userId) ?? []), f.petitionId]);
    return out;
  }

  return {
    /** The petitions a deputy may pick for a meeting: the open ones of their areas (every open one for staff). */
    meetingChoices: (actor: Actor) => handlerList(db, actor, { status: 'open' }, clock.now()),
    /** One petition picked for a meeting, checked as it is picked. */
    meetingItem: (actor: Actor, id: number) => item(db, actor, id),

    async previewMeeting(actor: Actor, m: MeetingInput): Promise<MeetingPreview> {
      const { petitions, departments } = await gather(db, actor, m);
      const followers = await store.followersOfMany(
        db,
        petitions.map((p) => p.id),
      );
      return { petitions, departments, residents: byResident(followers).size };
    },

    /**
     * Recorded on each petition discussed, where it counts as the answer for the time limit; every handler's card
     * says so, and each resident who follows any of them gets one message naming the petitions and the outcome.
     */
    async recordMeeting(actor: Actor, m: MeetingInput, done?: (meetingId: number) => TxHook): Promise<number> {
      const now = clock.now();
      const at = now.toISOString();
      const facts = new Map<number, CardFacts>();
      for (const id of new Set(m.petitionIds)) {
        const p = await store.findPetition(db, id);
        if (p) facts.set(id, await factsOf(parts, p));
      }
      return db.transaction().execute(async (trx) => {
        const { petitions, departments } = await gather(trx, actor, m);
        const meetingId = await store.insertMeeting(trx, {
          deputyId: actor.id,
          heldOn: m.heldOn,
          outcome: m.outcome,
          createdAt: at,
        });
        for (const d of departments) await store.insertMeetingDepartment(trx, meetingId, d.id);
        for (const p of petitions) {
          await store.insertMeetingItem(trx, meetingId, p.id);
          await markAnswered(trx, p, actor.id, at);
          const eventId = await store.insertEvent(trx, {
            petitionId: p.id,
            at,
            actorId: actor.id,
            kind: 'meeting',
            text: m.outcome,
            occurredOn: m.heldOn,
            meetingId,
          });
          const after = (await store.findPetition(trx, p.id))!;
          await notify.updateCards(trx, after, facts.get(p.id) ?? {}, eventId, now);
        }
        const departmentsParam: Param = departments.length
          ? {
              'zh-CN': departments.map((d) => d.nameZh).join('、'),
              en: departments.map((d) => d.nameEn).join(', '),
            }
          : { $t: 'petitions.meeting.noDepartments' };
        const placeOf = new Map(petitions.map((p) => [p.id, p.place]));
        const rows: OutMessage[] = [];
        for (const [userId, ids] of byResident(await store.followersOfMany(trx, [...placeOf.keys()]))) {
          const items = ids.map((id) => `#${id} ${placeOf.get(id)}`).join('\n');
          rows.push({
            dedupeKey: `petitions:meeting:${meetingId}:${userId}`,
            chatId: userId,
            userId,
            category: 'personal',
            content: {
              key: 'petitions.note.meeting',
              params: { date: m.heldOn, items, departments: departmentsParam, outcome: m.outcome },
              buttons: ids.map((id) => [{ key: 'petitions.btn.timelineOf', params: { id }, data: CB.view(id) }]),
            },
          });
          for (const id of ids) await store.setNoticeTimes(trx, id, userId, { lastNoticeAt: at });
        }
        await outbox.enqueue(trx, rows, now);
        await recordAudit(
          trx,
          { actorId: actor.id, action: 'petition.meeting', subject: `meeting:${meetingId}`, details: { ...m } },
          now,
        );
        await runHooks(trx, done?.(meetingId));
        return meetingId;
      });
    },
  };
}
