import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { NotHandler, NotMeetingItem, PetitionNotFound, UnknownAssignment, UnknownDepartment } from '../errors';
import type { Category } from '../policy';
import type { Department, Petition } from '../store';
import * as store from '../store';
import { canHandle, forHandler } from './handling';
import type { Actor, Parts } from './parts';

export interface MeetingInput {
  heldOn: string;
  departmentIds: number[];
  petitionIds: number[];
  outcome: string;
}

/** 代表·局长面对面 meetings, and who answers for which community. */
export function deputies({ db, clock, identity, residents, notify }: Parts) {
  return {
    /** The petitions a deputy typed for a meeting, each theirs; the first that is not is named, to type again. */
    async checkMeetingItems(actor: Actor, ids: number[]): Promise<void> {
      for (const id of ids) {
        await forHandler(db, actor, id).catch((e: unknown) => {
          if (e instanceof PetitionNotFound || e instanceof NotHandler) throw new NotMeetingItem(id);
          throw e;
        });
      }
    },

    /** 代表·局长面对面: recorded on each petition discussed; its petitioners and co-signers are told. */
    async recordMeeting(actor: Actor, m: MeetingInput, done?: TxHook): Promise<number> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const petitions: Petition[] = [];
        for (const id of [...new Set(m.petitionIds)]) {
          const p = await store.findPetition(trx, id);
          if (!p) throw new PetitionNotFound();
          if (!(await canHandle(trx, actor, p))) throw new NotHandler();
          petitions.push(p);
        }
        const departments: Department[] = [];
        for (const d of [...new Set(m.departmentIds)]) {
          const dept = await store.findDepartment(trx, d);
          if (!dept) throw new UnknownDepartment();
          departments.push(dept);
        }
        const meetingId = await store.insertMeeting(trx, {
          deputyId: actor.id,
          heldOn: m.heldOn,
          outcome: m.outcome,
          createdAt: at,
        });
        for (const d of departments) await store.insertMeetingDepartment(trx, meetingId, d.id);
        const names = {
          'zh-CN': departments.map((d) => d.nameZh).join('、') || '—',
          en: departments.map((d) => d.nameEn).join(', ') || '—',
        };
        for (const p of petitions) {
          await store.insertMeetingItem(trx, meetingId, p.id);
          const eventId = await store.insertEvent(trx, {
            petitionId: p.id,
            at,
            actorId: actor.id,
            kind: 'meeting',
            text: m.outcome,
            occurredOn: m.heldOn,
            meetingId,
          });
          await store.updatePetition(trx, p.id, { updatedAt: at });
          const params = { id: p.id, date: m.heldOn, departments: names, outcome: m.outcome };
          await notify.toFollowers(trx, p, { eventId, key: 'petitions.note.meeting', params, digest: false }, now);
        }
        await recordAudit(
          trx,
          { actorId: actor.id, action: 'petition.meeting', subject: `meeting:${meetingId}`, details: { ...m } },
          now,
        );
        await runHooks(trx, done);
        return meetingId;
      });
    },

    /** Assigns a deputy to a community (and optionally one category). Audited; actorId null = the command line. */
    async assignDeputy(actorId: number | null, userId: number, communityId: number, category: Category | null) {
      if (!(await identity.user(userId)) || !(await residents.community(communityId))) throw new UnknownAssignment();
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const added = await store.insertAssignment(trx, {
          userId,
          communityId,
          category,
          createdAt: now.toISOString(),
        });
        if (added) {
          const details = { communityId, category };
          await recordAudit(trx, { actorId, action: 'petition.assign', subject: `user:${userId}`, details }, now);
        }
        return added;
      });
    },

    async unassignDeputy(actorId: number | null, userId: number, communityId: number, category: Category | null) {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const removed = await store.deleteAssignment(trx, userId, communityId, category);
        if (removed) {
          const details = { communityId, category };
          await recordAudit(trx, { actorId, action: 'petition.unassign', subject: `user:${userId}`, details }, now);
        }
        return removed;
      });
    },

    assignments: () => store.listAssignments(db),
    departments: () => store.listDepartments(db),
  };
}
