import { DAY_MS, localDate } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { CB } from '../callbacks';
import {
  ChasedToday,
  NoFeedbackNow,
  NotFollower,
  NotOverdue,
  NotPetitioner,
  OccurrenceLimit,
  PetitionClosed,
} from '../errors';
import { isOpen, OCCURRENCES_PER_DAY, overdue, REMIND_BEFORE_MS, type Solved } from '../policy';
import type { Petition } from '../store';
import * as store from '../store';
import { handlerButtons } from './notify';
import { factsOf, getPetition, type Parts } from './parts';

/** One photo (with an optional caption) or one text, as "it happened again" and "more information" take them. */
export interface Note {
  text: string | null;
  photo: string | null;
}

async function requireFollower(db: DbOrTx, petitionId: number, userId: number) {
  const f = await store.findFollower(db, petitionId, userId);
  if (!f) throw new NotFollower();
  return f;
}

/** What the petitioner and co-signers do after filing: add, chase, give feedback. */
export function following(parts: Parts) {
  const { db, clock, policy, notify } = parts;
  return {
    follower: (petitionId: number, userId: number) => store.findFollower(db, petitionId, userId),
    /** Petitions a resident filed or co-signed, newest first. */
    mine: (userId: number) => store.petitionsOfUser(db, userId),

    /** "It happened again": a dated occurrence, counted on the petition and forwarded to whoever handles it. */
    async addOccurrence(petitionId: number, userId: number, note: Note, done?: TxHook): Promise<number> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const p = await getPetition(trx, petitionId);
        await requireFollower(trx, p.id, userId);
        const day = localDate(now, policy.timezone);
        const since = new Date(now.getTime() - DAY_MS).toISOString();
        if ((await store.countEventsSince(trx, p.id, 'occurrence', userId, since)) >= OCCURRENCES_PER_DAY)
          throw new OccurrenceLimit(OCCURRENCES_PER_DAY);
        const at = now.toISOString();
        const eventId = await store.insertEvent(trx, {
          petitionId: p.id,
          at,
          actorId: userId,
          kind: 'occurrence',
          occurredOn: day,
          text: note.text,
          photoFileId: note.photo,
        });
        await store.bumpOccurrences(trx, p.id, at);
        const count = p.occurrences + 1;
        await notify.toHandlers(
          trx,
          p,
          `petitions:occ:${eventId}`,
          {
            key: 'petitions.fwd.occurrence',
            params: { id: p.id, date: day, count, note: note.text ?? '', place: p.place },
            buttons: [[{ key: 'petitions.btn.details', data: CB.handle(p.id) }]],
            ...(note.photo ? { photo: note.photo } : {}),
          },
          now,
        );
        await runHooks(trx, done);
        return count;
      });
    },

    /** The petitioner's answer to a deputy's question, while the petition is open; forwarded to the handlers. */
    async addInformation(petitionId: number, userId: number, note: Note, done?: TxHook): Promise<void> {
      const now = clock.now();
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        const p = await getPetition(trx, petitionId);
        if (p.petitionerId !== userId) throw new NotPetitioner();
        if (!isOpen(p)) throw new PetitionClosed();
        const eventId = await store.insertEvent(trx, {
          petitionId: p.id,
          at,
          actorId: userId,
          kind: 'info',
          text: note.text,
          photoFileId: note.photo,
        });
        if (note.photo) await store.insertPhoto(trx, p.id, note.photo, at);
        await notify.toHandlers(
          trx,
          p,
          `petitions:info:${eventId}`,
          {
            key: note.text ? 'petitions.fwd.info' : 'petitions.fwd.infoPhoto',
            params: { id: p.id, place: p.place, text: note.text ?? '' },
            buttons: handlerButtons(p),
            ...(note.photo ? { photo: note.photo } : {}),
          },
          now,
        );
        await runHooks(trx, done);
      });
    },

    /** 催办: once a limit has passed, a follower may chase once a day; the handlers and staff are told. */
    async chase(petitionId: number, userId: number): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const p = await getPetition(trx, petitionId);
        await requireFollower(trx, p.id, userId);
        const late = overdue(p, now);
        if (!late) throw new NotOverdue();
        const last = await store.lastEventOf(trx, p.id, 'chase', userId);
        if (last && localDate(new Date(last.at), policy.timezone) === localDate(now, policy.timezone))
          throw new ChasedToday();
        const eventId = await store.insertEvent(trx, {
          petitionId: p.id,
          at: now.toISOString(),
          actorId: userId,
          kind: 'chase',
          text: late,
        });
        const content = {
          key: 'petitions.fwd.chase',
          params: {
            id: p.id,
            place: p.place,
            late: { $t: `petitions.late.${late}` },
            days: Math.floor((now.getTime() - Date.parse(p.createdAt)) / DAY_MS),
          },
          buttons: handlerButtons(p),
        };
        await notify.toHandlers(trx, p, `petitions:chase:${eventId}`, content, now);
        await notify.toStaff(trx, `petitions:chase:${eventId}`, content, now);
      });
    },

    /**
     * After the petition was closed: solved yes / partly / no, once. "No" reopens it with a fresh answer limit, and
     * the deputies' cards say so.
     */
    async giveFeedback(petitionId: number, userId: number, solved: Solved): Promise<Petition> {
      const now = clock.now();
      const at = now.toISOString();
      const facts = await factsOf(parts, await getPetition(db, petitionId));
      return db.transaction().execute(async (trx) => {
        const p = await getPetition(trx, petitionId);
        if (p.petitionerId !== userId) throw new NotPetitioner();
        if (isOpen(p) || p.answeredAt === null || p.solved !== null) throw new NoFeedbackNow();
        const eventId = await store.insertEvent(trx, {
          petitionId: p.id,
          at,
          actorId: userId,
          kind: 'feedback',
          text: solved,
        });
        const answerDue = new Date(now.getTime() + policy.answerDays * DAY_MS);
        if (solved !== 'no') {
          await store.updatePetition(trx, p.id, { solved, feedbackAt: at, updatedAt: at });
          return (await store.findPetition(trx, p.id))!;
        }
        await store.updatePetition(trx, p.id, {
          solved: 'no',
          feedbackAt: at,
          status: 'reopened',
          answeredAt: null,
          answeredBy: null,
          round: p.round + 1,
          updatedAt: at,
          answerDueAt: answerDue.toISOString(),
          alertDueAt: new Date(answerDue.getTime() - REMIND_BEFORE_MS.answer).toISOString(),
        });
        const reopened = (await store.findPetition(trx, p.id))!;
        const params = { id: p.id, place: p.place, answerDue: localDate(answerDue, policy.timezone) };
        const content = { key: 'petitions.fwd.reopened', params, buttons: handlerButtons(reopened) };
        await notify.updateCards(trx, reopened, facts, eventId, now);
        await notify.toHandlers(trx, reopened, `petitions:reopened:${eventId}`, content, now);
        await notify.toFollowers(
          trx,
          reopened,
          { eventId, key: 'petitions.note.reopened', params, digest: false, exceptUserId: userId },
          now,
        );
        return reopened;
      });
    },

    /** Satisfaction 1–5, after the solved question. */
    async rate(petitionId: number, userId: number, stars: number): Promise<void> {
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const p = await getPetition(trx, petitionId);
        if (p.petitionerId !== userId) throw new NotPetitioner();
        if (p.feedbackAt === null || p.solved === null) throw new NoFeedbackNow();
        const satisfaction = Math.min(5, Math.max(1, Math.round(stars)));
        await store.updatePetition(trx, p.id, { satisfaction, updatedAt: at });
        await store.insertEvent(trx, {
          petitionId: p.id,
          at,
          actorId: userId,
          kind: 'feedback',
          text: `satisfaction:${stars}`,
        });
      });
    },
  };
}
