import { NotAllowed } from '../../../core/errors';
import { addDays } from '../../../core/time';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import {
  ActivityCancelled,
  ActivityOver,
  AlreadyPublished,
  BadHours,
  DateInPast,
  NotAPartner,
  PartnersMayNotCreate,
  UnknownPlace,
} from '../errors';
import { exampleDate } from '../input';
import { activityState, activityTimes, partnersMayCreate } from '../policy';
import * as store from '../store';
import type { Announcer } from './announce';
import { type ActivitiesDeps, getActivity, type Organiser, todayOf } from './deps';
import type { ActivityInput, Actor } from './input';
import { placeOnMap } from './location';
import * as messages from './messages';

/** Creating, publishing, changing and cancelling activities; who may do it. */
export function catalogue(deps: ActivitiesDeps, announcer: Announcer) {
  const { db, clock, outbox, settings, tz } = deps;
  const map = placeOnMap(deps);

  /** The partner this user speaks for, if partners may create activities now. */
  async function ownPartner(userId: number): Promise<Organiser | undefined> {
    return (await deps.partners.partners()).find((p) => p.userId === userId && p.active);
  }

  /** Staff, or the partner who organises it (while staff allow partners their own): else refused and audited. */
  async function mayManage(actor: Actor, a: store.Activity): Promise<void> {
    if (actor.staff) return;
    if (!settings.get(partnersMayCreate)) throw new PartnersMayNotCreate();
    const mine = await ownPartner(actor.id);
    if (!mine || a.partnerId !== mine.id) throw new NotAllowed();
  }

  async function checkInput(actor: Actor, input: ActivityInput): Promise<Organiser | undefined> {
    const today = todayOf(deps);
    if (input.date < today) throw new DateInPast(exampleDate(today));
    if (activityTimes(input, tz).start <= clock.now() || input.startsAt >= input.endsAt) throw new BadHours();
    if (input.compoundId !== null && !(await deps.places.compound(input.compoundId))) throw new UnknownPlace();
    if (input.latitude !== null || input.longitude !== null)
      await map.checkPoint({ latitude: input.latitude ?? Number.NaN, longitude: input.longitude ?? Number.NaN });
    if (input.audience === 'community' && !(await deps.places.community(input.audienceId ?? -1)))
      throw new UnknownPlace();
    if (input.audience === 'compound' && !(await deps.places.compound(input.audienceId ?? -1)))
      throw new UnknownPlace();
    if (!actor.staff) {
      if (!settings.get(partnersMayCreate)) throw new PartnersMayNotCreate();
      const mine = await ownPartner(actor.id);
      if (!mine || input.partnerId !== mine.id) throw new NotAllowed();
      return mine;
    }
    return input.partnerId === null ? undefined : await deps.partners.partner(input.partnerId);
  }

  /**
   * The partner a non-staff user organises for: refused politely while staff do not allow partners their own
   * activities, or when no listed partner names this user as its contact.
   */
  async function organiserFor(actor: Actor): Promise<Organiser | undefined> {
    if (actor.staff) return undefined;
    if (!settings.get(partnersMayCreate)) throw new PartnersMayNotCreate();
    const mine = await ownPartner(actor.id);
    if (!mine) throw new NotAPartner();
    return mine;
  }

  return {
    ownPartner,
    organiserFor,
    /** Listed partners, to pick an activity's organiser from. */
    organisers: async () => (await deps.partners.partners()).filter((p) => p.active),
    mayManage,
    partnersMayCreate: () => settings.get(partnersMayCreate),
    /** Whether anyone has decided it yet (the set-up walk-through asks only what is missing). */
    partnersDecided: () => settings.isSet(partnersMayCreate),
    /** A point sent for a place, if it is a sensible one (else a polite input error; the step asks again). */
    checkPoint: map.checkPoint,
    /** Staff open or close activities of partners' own (audited by the settings). */
    setPartnersMayCreate: (actorId: number, allow: boolean) => settings.set(actorId, partnersMayCreate, allow),

    /** A new activity (or weekly series), as a draft; returns the (first) session's id. Ends the creating flow. */
    async create(actor: Actor, input: ActivityInput, done?: TxHook): Promise<number> {
      const organiser = await checkInput(actor, input);
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const sessions = Math.max(1, input.sessions);
        const seriesId = sessions > 1 ? await store.insertSeries(trx, sessions, actor.id, now) : null;
        const { sessions: _n, ...fields } = input;
        let first = 0;
        for (let i = 0; i < sessions; i++) {
          const id = await store.insertActivity(trx, {
            ...fields,
            partnerId: organiser?.id ?? null,
            organiserName: organiser?.name ?? null,
            seriesId,
            sessionNo: seriesId === null ? null : i + 1,
            date: addDays(input.date, 7 * i),
            createdBy: actor.id,
            createdAt: now,
          });
          first ||= id;
        }
        const details = { title: input.titleZh, date: input.date, sessions, audience: input.audience };
        const entry = { actorId: actor.id, action: 'activities.create', subject: `activity:${first}`, details };
        await recordAudit(trx, entry, clock.now());
        await runHooks(trx, done);
        return first;
      });
    },

    /** A draft that can still be published (its start is ahead); else the named refusal at the first tap. */
    async publishable(actor: Actor, id: number): Promise<store.Activity> {
      const a = await getActivity(db, id);
      await mayManage(actor, a);
      if (a.status === 'published') throw new AlreadyPublished();
      const state = activityState(a, clock.now(), tz);
      if (state === 'cancelled') throw new ActivityCancelled();
      if (state !== 'draft') throw new ActivityOver();
      return a;
    },

    /** Publishes the activity (a series: every session still ahead) and starts telling its audience. */
    async publish(actor: Actor, id: number): Promise<store.Activity> {
      const a = await this.publishable(actor, id);
      await announcer.publish(a, actor.id);
      return getActivity(db, id);
    },

    /** Changes when or where (and tells everyone signed up at once), or how many places (the line moves up). */
    async change(actor: Actor, id: number, patch: Partial<ActivityInput>, done?: TxHook): Promise<store.Activity> {
      const a = await getActivity(db, id);
      await mayManage(actor, a);
      const state = activityState(a, clock.now(), tz);
      if (state === 'cancelled') throw new ActivityCancelled();
      if (state === 'over') throw new ActivityOver();
      if (typeof patch.latitude === 'number' || typeof patch.longitude === 'number')
        await map.checkPoint({ latitude: patch.latitude ?? Number.NaN, longitude: patch.longitude ?? Number.NaN });
      const next = { ...a, ...patch };
      if (patch.date !== undefined || patch.startsAt !== undefined) {
        const today = todayOf(deps);
        if (next.date < today) throw new DateInPast(exampleDate(today));
        if (activityTimes(next, tz).start <= clock.now()) throw new BadHours();
      }
      return announcer.change(actor.id, a, patch, done);
    },

    /** Cancels one activity (one session of a series); everyone signed up hears of it at once. */
    async cancel(actor: Actor, id: number): Promise<store.Activity> {
      const a = await getActivity(db, id);
      await mayManage(actor, a);
      const state = activityState(a, clock.now(), tz);
      if (state === 'cancelled') throw new ActivityCancelled();
      if (state === 'over') throw new ActivityOver();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await store.updateActivity(trx, id, { status: 'cancelled', cancelled_at: now.toISOString() });
        const details = { title: a.titleZh, date: a.date };
        const subject = `activity:${id}`;
        await recordAudit(trx, { actorId: actor.id, action: 'activities.cancel', subject, details }, now);
        // Everyone holding a place or a place in line hears of it in the same transaction as the cancellation.
        const holders = a.status === 'published' ? await store.holdersOf(trx, id) : [];
        await outbox.enqueue(
          trx,
          holders.map((u) => messages.cancelled(a, u)),
          now,
        );
      });
      const done = await getActivity(db, id);
      return done;
    },

    activity: (id: number) => getActivity(db, id),
    /** An activity this actor may manage (staff: any; a partner: their own), else refused (and audited). */
    async managed(actor: Actor, id: number): Promise<store.Activity> {
      const a = await getActivity(db, id);
      await mayManage(actor, a);
      return a;
    },
    sessions: (seriesId: number) => store.sessionsOf(db, seriesId),
    counts: (id: number) => store.countsOfOne(db, id),
    signups: (id: number) => store.signupsOf(db, id),
    names: (ids: readonly number[]) => store.namesOf(db, ids),

    /** What staff (or a partner, their own) manage: from a week back to three months ahead, drafts included. */
    async manageList(actor: Actor): Promise<store.Activity[]> {
      const today = todayOf(deps);
      const all = await store.activitiesBetween(db, addDays(today, -7), addDays(today, 92), ['draft', 'published']);
      const mine = await organiserFor(actor);
      return mine ? all.filter((a) => a.partnerId === mine.id) : all;
    },
  };
}
