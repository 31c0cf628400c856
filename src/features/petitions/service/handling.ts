import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { hasAny, recordAudit } from '../../../identity';
import type { OutContent } from '../../../outbox/service';
import type { HandlerFilter } from '../callbacks';
import { CB } from '../callbacks';
import { AlreadyAcknowledged, NotHandler, NotNow, PetitionClosed, UnknownDepartment } from '../errors';
import { isOpen, nextStatuses, type SettableStatus } from '../policy';
import type { Area, Petition } from '../store';
import * as store from '../store';
import { cardContent, changeParam } from './card';
import type { FollowerNotice } from './notify';
import { type Actor, factsOf, getPetition, type Parts } from './parts';
import { work } from './work';

/** Staff and admins handle every petition; a deputy only those of the communities (and categories) assigned to them. */
export async function canHandle(db: DbOrTx, actor: Actor, p: Petition): Promise<boolean> {
  if (hasAny(actor.roles, ['staff'])) return true;
  if (!actor.roles.has('deputy') || p.communityId === null) return false;
  return (await store.assignmentsOf(db, actor.id)).some(
    (a) => a.communityId === p.communityId && (a.category === null || a.category === p.category),
  );
}

/** Loads the petition and refuses anyone who does not handle it: forged buttons and other areas' deputies stop here. */
export async function forHandler(db: DbOrTx, actor: Actor, petitionId: number): Promise<Petition> {
  const p = await getPetition(db, petitionId);
  if (!(await canHandle(db, actor, p))) throw new NotHandler();
  return p;
}

/**
 * Petitions a deputy (their assignments) or staff member (all) may see, under a /petitions filter. `uncovered` (staff
 * only) names the areas no deputy answers for, whose petitions wait for staff.
 */
export async function handlerList(
  db: DbOrTx,
  actor: Actor,
  filter: HandlerFilter,
  now: Date,
  uncovered?: () => Promise<Area[]>,
): Promise<Petition[]> {
  const staff = hasAny(actor.roles, ['staff']);
  let scope: Area[] | undefined = staff ? undefined : await store.assignmentsOf(db, actor.id);
  if (filter.uncovered) scope = staff && uncovered ? await uncovered() : [];
  return store.listPetitions(db, {
    status: filter.status,
    category: filter.category,
    communityId: filter.communityId,
    overdueAt: filter.overdue ? now.toISOString() : undefined,
    unacknowledged: filter.unacknowledged || filter.uncovered,
    scope,
  });
}

/**
 * A written reply or a meeting outcome answers the petition for its time limit — and whoever answers it has plainly
 * received it: a petition nobody had acknowledged is acknowledged (受理) on the way, as a status change would.
 */
export async function markAnswered(trx: DbOrTx, p: Petition, actorId: number, at: string): Promise<void> {
  if (p.acknowledgedAt === null) {
    await store.updatePetition(trx, p.id, {
      acknowledgedAt: at,
      acknowledgedBy: actorId,
      ...(p.status === 'submitted' ? { status: 'accepted' as const } : {}),
    });
    await store.insertEvent(trx, { petitionId: p.id, at, actorId, kind: 'acknowledged', status: 'accepted' });
  }
  if (p.answeredAt === null) await store.updatePetition(trx, p.id, { answeredAt: at, answeredBy: actorId });
  await store.updatePetition(trx, p.id, { updatedAt: at });
}

export interface StatusChange {
  status: SettableStatus;
  departmentId?: number;
  note?: string;
}

/**
 * What deputies and staff do with a petition: acknowledge, change its status, ask, reply. Each is audited, refused
 * when the petition's state does not allow it (a stale card, a forged button), and updates the card every handler
 * holds.
 */
export function handling(parts: Parts) {
  const { db, clock, notify, policy } = parts;
  const { uncoveredAreas } = work(parts);

  /** 受理 / 调查中 / 已转交部门 / 已解决 / 无法解决. Acknowledges on the way if nobody had yet. */
  async function setStatus(actor: Actor, petitionId: number, change: StatusChange, done?: TxHook): Promise<Petition> {
    const now = clock.now();
    const at = now.toISOString();
    const facts = await factsOf(parts, await forHandler(db, actor, petitionId));
    return db.transaction().execute(async (trx) => {
      const p = await forHandler(trx, actor, petitionId);
      if (!isOpen(p)) throw new PetitionClosed();
      const again =
        change.status === 'transferred' && p.status === 'transferred' && change.departmentId === p.departmentId;
      if (!nextStatuses(p).includes(change.status) || again) throw new NotNow(p.id, p.status);
      let departmentId = p.departmentId;
      if (change.status === 'transferred') {
        // A retired department is no longer offered: a button from before, or a forged one, is refused.
        const d = change.departmentId === undefined ? undefined : await store.findDepartment(trx, change.departmentId);
        if (!d?.active) throw new UnknownDepartment();
        departmentId = d.id;
      }
      const final = change.status === 'resolved' || change.status === 'unresolvable';
      await store.updatePetition(trx, p.id, {
        status: change.status,
        departmentId,
        statusNote: change.note ?? (final ? null : p.statusNote),
        updatedAt: at,
        ...(p.acknowledgedAt === null ? { acknowledgedAt: at, acknowledgedBy: actor.id } : {}),
        ...(final ? { answeredAt: at, answeredBy: actor.id, solved: null, satisfaction: null, feedbackAt: null } : {}),
        ...(final ? { alertDueAt: null } : {}),
      });
      const eventId = await store.insertEvent(trx, {
        petitionId: p.id,
        at,
        actorId: actor.id,
        kind: p.acknowledgedAt === null && change.status === 'accepted' ? 'acknowledged' : 'status',
        status: change.status,
        departmentId: change.status === 'transferred' ? departmentId : null,
        text: change.note ?? null,
      });
      const details = { from: p.status, to: change.status, departmentId, note: change.note };
      await recordAudit(
        trx,
        { actorId: actor.id, action: 'petition.status', subject: `petition:${p.id}`, details },
        now,
      );
      const after = (await store.findPetition(trx, p.id))!;
      const dept = departmentId === null ? undefined : await store.findDepartment(trx, departmentId);
      const solvedButtons = [
        [
          { key: 'petitions.btn.solvedYes', data: CB.solved(p.id, 'yes') },
          { key: 'petitions.btn.solvedPartly', data: CB.solved(p.id, 'partly') },
          { key: 'petitions.btn.solvedNo', data: CB.solved(p.id, 'no') },
        ],
      ];
      const params = { id: p.id, place: p.place, change: changeParam(after, dept), note: change.note ?? '' };
      await notify.toFollowers(
        trx,
        after,
        {
          eventId,
          key: final ? `petitions.note.${change.status}` : 'petitions.note.status',
          params,
          digest: !final,
          ownerButtons: final ? solvedButtons : undefined,
          exceptUserId: actor.id,
        },
        now,
      );
      await notify.updateCards(trx, after, facts, eventId, now);
      await runHooks(trx, done);
      return after;
    });
  }

  /**
   * A message from the handler to the petitioner only: a question (with a button to answer it) or a reply. A reply
   * answers the petition for its time limit; only an open petition takes either.
   */
  async function toPetitioner(
    actor: Actor,
    petitionId: number,
    kind: 'info_request' | 'reply',
    text: string,
    done?: TxHook,
  ): Promise<void> {
    const now = clock.now();
    const at = now.toISOString();
    const facts = await factsOf(parts, await forHandler(db, actor, petitionId));
    await db.transaction().execute(async (trx) => {
      const p = await forHandler(trx, actor, petitionId);
      if (!isOpen(p)) throw new PetitionClosed();
      const answering = kind === 'reply' && (p.answeredAt === null || p.acknowledgedAt === null);
      if (answering) await markAnswered(trx, p, actor.id, at);
      const eventId = await store.insertEvent(trx, { petitionId: p.id, at, actorId: actor.id, kind, text });
      const audit =
        kind === 'reply'
          ? { action: 'petition.reply', details: { text } }
          : { action: 'petition.askInfo', details: { question: text } };
      await recordAudit(trx, { actorId: actor.id, subject: `petition:${p.id}`, ...audit }, now);
      const notice: Pick<FollowerNotice, 'key' | 'params' | 'ownerButtons'> =
        kind === 'reply'
          ? { key: 'petitions.note.reply', params: { id: p.id, place: p.place, text } }
          : {
              key: 'petitions.note.infoRequest',
              params: { id: p.id, place: p.place, question: text },
              ownerButtons: [[{ key: 'petitions.btn.addInfo', data: CB.moreInfo(p.id) }]],
            };
      await notify.toFollowers(trx, p, { eventId, digest: false, ownerOnly: true, ...notice }, now);
      if (answering) await notify.updateCards(trx, (await store.findPetition(trx, p.id))!, facts, eventId, now);
      await runHooks(trx, done);
    });
  }

  return {
    forHandler: (actor: Actor, petitionId: number) => forHandler(db, actor, petitionId),
    /** As forHandler, for an action that only an open petition allows (resolving it, say). */
    async openForHandler(actor: Actor, petitionId: number): Promise<Petition> {
      const p = await forHandler(db, actor, petitionId);
      if (!isOpen(p)) throw new PetitionClosed();
      return p;
    },
    /** The card a handler holds, as it is now (to edit the one they tapped). */
    async cardFor(actor: Actor, petitionId: number): Promise<OutContent> {
      const p = await forHandler(db, actor, petitionId);
      return cardContent(db, p, await factsOf(parts, p), policy.timezone);
    },
    setStatus,
    /** "Received, we are on it": 受理. Only a petition nobody has acknowledged yet takes it. */
    async acknowledge(actor: Actor, petitionId: number): Promise<Petition> {
      const p = await forHandler(db, actor, petitionId);
      if (!isOpen(p)) throw new PetitionClosed();
      if (p.acknowledgedAt !== null) throw new AlreadyAcknowledged(p.id, p.status);
      return setStatus(actor, petitionId, { status: 'accepted' });
    },
    /** A question to the petitioner, who gets a button to answer it. */
    askInformation: (actor: Actor, petitionId: number, question: string, done?: TxHook) =>
      toPetitioner(actor, petitionId, 'info_request', question, done),
    /** A written reply to the petitioner: it counts as the answer for the time limit. */
    replyToPetitioner: (actor: Actor, petitionId: number, text: string, done?: TxHook) =>
      toPetitioner(actor, petitionId, 'reply', text, done),

    /** Petitions a deputy or staff member may see, with the /petitions filters. */
    listForHandler: (actor: Actor, filter: HandlerFilter) =>
      handlerList(db, actor, filter, clock.now(), uncoveredAreas),
  };
}
