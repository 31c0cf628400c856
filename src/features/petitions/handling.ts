import { DomainError } from '../../core/errors';
import { localDate } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { CB } from './callbacks';
import { type Policy, toFollowers } from './notify';
import { canHandle, getPetition, isOpen, PetitionClosed, PetitionNotFound } from './service';
import type { PetitionRow } from './store';
import * as store from './store';

export class NotHandler extends DomainError {
  constructor() {
    super('petitions.notYours');
  }
}
export class UnknownDepartment extends DomainError {
  constructor() {
    super('petitions.unknownDepartment');
  }
}

/** Who is acting: their id and roles as the guard saw them. */
export interface Actor {
  id: number;
  roles: ReadonlySet<string>;
}

export type SettableStatus = 'accepted' | 'investigating' | 'transferred' | 'resolved' | 'unresolvable';

/** Loads the petition and refuses anyone who does not handle it: forged buttons and other areas' deputies stop here. */
async function handled(trx: DbOrTx, actor: Actor, petitionId: number): Promise<PetitionRow> {
  const p = await getPetition(trx, petitionId);
  if (!(await canHandle(trx, actor.id, actor.roles, p))) throw new NotHandler();
  return p;
}

/** The petition as its handler may see it, or NotHandler. */
export async function forHandler(db: DbOrTx, actor: Actor, petitionId: number): Promise<PetitionRow> {
  return handled(db, actor, petitionId);
}

const statusParams = async (trx: DbOrTx, p: PetitionRow) => {
  const dept = p.department_id === null ? undefined : await store.findDepartment(trx, p.department_id);
  return {
    id: p.id,
    status: { $t: `petitions.status.${p.status}` },
    department: dept ? { 'zh-CN': dept.name_zh, en: dept.name_en } : '—',
    note: p.status_note ?? '—',
  };
};

/** 受理 / 调查中 / 已转交部门 / 已解决 / 无法解决. Acknowledges on the way if nobody had yet. */
export async function setStatus(
  db: Db,
  policy: Policy,
  actor: Actor,
  petitionId: number,
  change: { status: SettableStatus; departmentId?: number; note?: string },
  now: Date,
): Promise<PetitionRow> {
  return db.transaction().execute(async (trx) => {
    const p = await handled(trx, actor, petitionId);
    if (!isOpen(p)) throw new PetitionClosed();
    const at = now.toISOString();
    let departmentId = p.department_id;
    if (change.status === 'transferred') {
      if (change.departmentId === undefined || !(await store.findDepartment(trx, change.departmentId)))
        throw new UnknownDepartment();
      departmentId = change.departmentId;
    }
    const final = change.status === 'resolved' || change.status === 'unresolvable';
    await store.updatePetition(trx, p.id, {
      status: change.status,
      department_id: departmentId,
      status_note: change.note ?? (final ? null : p.status_note),
      updated_at: at,
      ...(p.acknowledged_at === null ? { acknowledged_at: at, acknowledged_by: actor.id } : {}),
      ...(final ? { answered_at: at, answered_by: actor.id, solved: null, satisfaction: null, feedback_at: null } : {}),
    });
    const eventId = await store.insertEvent(trx, {
      petition_id: p.id,
      at,
      actor_id: actor.id,
      kind: p.acknowledged_at === null && change.status === 'accepted' ? 'acknowledged' : 'status',
      status: change.status,
      department_id: change.status === 'transferred' ? departmentId : null,
      text: change.note ?? null,
    });
    await recordAudit(
      trx,
      {
        actorId: actor.id,
        action: 'petition.status',
        subject: `petition:${p.id}`,
        details: { from: p.status, to: change.status, departmentId, note: change.note },
      },
      now,
    );
    const after = (await store.findPetition(trx, p.id))!;
    await toFollowers(
      trx,
      after,
      {
        eventId,
        key: final ? `petitions.note.${change.status}` : 'petitions.note.status',
        params: await statusParams(trx, after),
        digest: !final,
        ownerButtons: final
          ? [
              [
                { key: 'petitions.btn.solvedYes', data: CB.solved(p.id, 'yes') },
                { key: 'petitions.btn.solvedPartly', data: CB.solved(p.id, 'partly') },
                { key: 'petitions.btn.solvedNo', data: CB.solved(p.id, 'no') },
              ],
            ]
          : undefined,
        exceptUserId: actor.id,
      },
      now,
    );
    return after;
  });
}

/** "Received, we are on it": 受理. Pressing it twice changes nothing. */
export async function acknowledge(
  db: Db,
  policy: Policy,
  actor: Actor,
  petitionId: number,
  now: Date,
): Promise<PetitionRow> {
  const p = await handled(db, actor, petitionId);
  if (p.acknowledged_at !== null) return p;
  return setStatus(db, policy, actor, petitionId, { status: 'accepted' }, now);
}

/** A question to the petitioner, who gets a button to answer it. */
export async function askInformation(
  db: Db,
  policy: Policy,
  actor: Actor,
  petitionId: number,
  question: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await handled(trx, actor, petitionId);
    const at = now.toISOString();
    const eventId = await store.insertEvent(trx, {
      petition_id: p.id,
      at,
      actor_id: actor.id,
      kind: 'info_request',
      text: question,
    });
    await recordAudit(
      trx,
      { actorId: actor.id, action: 'petition.askInfo', subject: `petition:${p.id}`, details: { question } },
      now,
    );
    await toFollowers(
      trx,
      p,
      {
        eventId,
        key: 'petitions.note.infoRequest',
        params: { id: p.id, question },
        digest: false,
        ownerOnly: true,
        ownerButtons: [[{ key: 'petitions.btn.addInfo', data: CB.moreInfo(p.id) }]],
      },
      now,
    );
  });
}

/** A written reply to the petitioner. */
export async function replyToPetitioner(
  db: Db,
  policy: Policy,
  actor: Actor,
  petitionId: number,
  text: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await handled(trx, actor, petitionId);
    const at = now.toISOString();
    const eventId = await store.insertEvent(trx, { petition_id: p.id, at, actor_id: actor.id, kind: 'reply', text });
    await recordAudit(
      trx,
      { actorId: actor.id, action: 'petition.reply', subject: `petition:${p.id}`, details: { text } },
      now,
    );
    await toFollowers(
      trx,
      p,
      { eventId, key: 'petitions.note.reply', params: { id: p.id, text }, digest: false, ownerOnly: true },
      now,
    );
  });
}

export interface MeetingInput {
  heldOn: string;
  departmentIds: number[];
  petitionIds: number[];
  outcome: string;
}

/** 代表·局长面对面: recorded on each petition discussed; its petitioners and co-signers are told. */
export async function recordMeeting(db: Db, policy: Policy, actor: Actor, m: MeetingInput, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const petitions: PetitionRow[] = [];
    for (const id of [...new Set(m.petitionIds)]) {
      const p = await store.findPetition(trx, id);
      if (!p) throw new PetitionNotFound();
      if (!(await canHandle(trx, actor.id, actor.roles, p))) throw new NotHandler();
      petitions.push(p);
    }
    const departments = [];
    for (const d of [...new Set(m.departmentIds)]) {
      const dept = await store.findDepartment(trx, d);
      if (!dept) throw new UnknownDepartment();
      departments.push(dept);
    }
    const at = now.toISOString();
    const meetingId = await store.insertMeeting(trx, {
      deputy_id: actor.id,
      held_on: m.heldOn,
      outcome: m.outcome,
      created_at: at,
    });
    for (const d of departments) await store.insertMeetingDepartment(trx, meetingId, d.id);
    const names = {
      'zh-CN': departments.map((d) => d.name_zh).join('、') || '—',
      en: departments.map((d) => d.name_en).join(', ') || '—',
    };
    for (const p of petitions) {
      await store.insertMeetingItem(trx, meetingId, p.id);
      const eventId = await store.insertEvent(trx, {
        petition_id: p.id,
        at,
        actor_id: actor.id,
        kind: 'meeting',
        text: m.outcome,
        occurred_on: m.heldOn,
        meeting_id: meetingId,
      });
      await store.updatePetition(trx, p.id, { updated_at: at });
      await toFollowers(
        trx,
        p,
        {
          eventId,
          key: 'petitions.note.meeting',
          params: { id: p.id, date: m.heldOn, departments: names, outcome: m.outcome },
          digest: false,
        },
        now,
      );
    }
    await recordAudit(
      trx,
      { actorId: actor.id, action: 'petition.meeting', subject: `meeting:${meetingId}`, details: { ...m } },
      now,
    );
    return meetingId;
  });
}

/** Petitions a deputy or staff member may see, with the /petitions filters. */
export async function listForHandler(
  db: DbOrTx,
  actor: Actor,
  filter: { status?: 'open' | 'closed'; overdue?: boolean; category?: string; communityId?: number },
  now: Date,
): Promise<PetitionRow[]> {
  const scope =
    actor.roles.has('staff') || actor.roles.has('admin')
      ? undefined
      : (await store.assignmentsOf(db, actor.id)).map((a) => ({ community_id: a.community_id, category: a.category }));
  return store.listPetitions(db, {
    status: filter.status,
    category: filter.category,
    communityId: filter.communityId,
    overdueAt: filter.overdue ? now.toISOString() : undefined,
    scope,
  });
}

/** Assigns a deputy to a community (and optionally one category). Audited; actorId null = the command line. */
export async function assignDeputy(
  db: Db,
  actorId: number | null,
  userId: number,
  communityId: number,
  category: string | null,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const added = await store.insertAssignment(trx, {
      user_id: userId,
      community_id: communityId,
      category,
      created_at: now.toISOString(),
    });
    if (added)
      await recordAudit(
        trx,
        { actorId, action: 'petition.assign', subject: `user:${userId}`, details: { communityId, category } },
        now,
      );
    return added;
  });
}

export async function unassignDeputy(
  db: Db,
  actorId: number | null,
  userId: number,
  communityId: number,
  category: string | null,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await store.deleteAssignment(trx, userId, communityId, category);
    if (removed)
      await recordAudit(
        trx,
        { actorId, action: 'petition.unassign', subject: `user:${userId}`, details: { communityId, category } },
        now,
      );
    return removed;
  });
}

export const listAssignments = (db: DbOrTx) => store.listAssignments(db);
export const assignmentsOf = (db: DbOrTx, userId: number) => store.assignmentsOf(db, userId);
export const todayIn = (now: Date, policy: Policy) => localDate(now, policy.timezone);
