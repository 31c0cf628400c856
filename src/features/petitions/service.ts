import { DomainError } from '../../core/errors';
import { localDate, zonedToUtc } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { hasAny } from '../residents/roles';
import { findCommunity, getUser } from '../residents/service';
import { type Category, CB, mapUrl } from './callbacks';
import { handlerButtons, type Policy, toFollowers, toHandlers, toStaff } from './notify';
import { SIMILAR_THRESHOLD, similarity } from './similar';
import type { PetitionRow } from './store';
import * as store from './store';

export type { Policy } from './notify';
export type { PetitionRow } from './store';

export class PetitionNotFound extends DomainError {
  constructor() {
    super('petitions.notFound');
  }
}
export class DailyLimitReached extends DomainError {
  constructor(max: number) {
    super('petitions.dailyLimit', { max });
  }
}
export class OccurrenceLimit extends DomainError {
  constructor(max: number) {
    super('petitions.occurrenceLimit', { max });
  }
}
/** "It happened again" is forwarded to the deputies: a few a day per person says it all without flooding them. */
export const OCCURRENCES_PER_DAY = 3;
export class PetitionClosed extends DomainError {
  constructor() {
    super('petitions.closed');
  }
}
export class AlreadySigned extends DomainError {
  constructor() {
    super('petitions.alreadySigned');
  }
}
export class OwnPetition extends DomainError {
  constructor() {
    super('petitions.ownPetition');
  }
}
export class NotFollower extends DomainError {
  constructor() {
    super('petitions.notFollower');
  }
}
export class NotPetitioner extends DomainError {
  constructor() {
    super('petitions.notPetitioner');
  }
}
export class NoFeedbackNow extends DomainError {
  constructor() {
    super('petitions.noFeedback');
  }
}
export class NotOverdue extends DomainError {
  constructor() {
    super('petitions.notOverdue');
  }
}
export class ChasedToday extends DomainError {
  constructor() {
    super('petitions.chasedToday');
  }
}

export const OPEN_STATUSES = ['submitted', 'accepted', 'investigating', 'transferred', 'reopened'] as const;
export const isOpen = (p: Pick<PetitionRow, 'status'>) => (OPEN_STATUSES as readonly string[]).includes(p.status);
export const MAX_PHOTOS = 5;
const DAY_MS = 86_400_000;

export interface Draft {
  category: Category;
  place: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  photos: string[];
  showName: boolean;
}

export const findPetition = (db: DbOrTx, id: number) => store.findPetition(db, id);

export async function getPetition(db: DbOrTx, id: number): Promise<PetitionRow> {
  const p = await store.findPetition(db, id);
  if (!p) throw new PetitionNotFound();
  return p;
}

/** Which limit has passed without an answer, if any: first the acknowledgement, then the answer. */
export function overdue(p: PetitionRow, now: Date): 'ack' | 'answer' | null {
  if (!isOpen(p)) return null;
  const at = now.toISOString();
  if (p.acknowledged_at === null && p.ack_due_at <= at) return 'ack';
  if (p.answered_at === null && p.answer_due_at <= at) return 'answer';
  return null;
}

/** Staff and admins handle every petition; a deputy only those of the communities (and categories) assigned to them. */
export async function canHandle(
  db: DbOrTx,
  userId: number,
  roles: ReadonlySet<string>,
  p: PetitionRow,
): Promise<boolean> {
  if (hasAny(roles, ['staff'])) return true;
  if (!roles.has('deputy') || p.community_id === null) return false;
  return (await store.assignmentsOf(db, userId)).some(
    (a) => a.community_id === p.community_id && (a.category === null || a.category === p.category),
  );
}

/** The person's name as co-signers and public lists may see it: only if they chose to show it. */
export const publicName = (f: { show_name: number; first_name: string; last_name: string | null }) =>
  f.show_name ? [f.first_name, f.last_name].filter(Boolean).join(' ') : null;

export async function supportersOf(db: DbOrTx, id: number) {
  return store.followersOf(db, id);
}

/** Open petitions that look like this draft (same category and community, similar words, or close by), best first. */
export async function findSimilar(
  db: DbOrTx,
  userId: number,
  draft: Pick<Draft, 'category' | 'place' | 'description' | 'latitude' | 'longitude'>,
  limit = 3,
) {
  const user = await getUser(db, userId);
  const candidates = await store.openPetitionsLike(db, user?.community_id ?? null, draft.category);
  const mine = new Set((await store.petitionsOfUser(db, userId)).map((p) => p.id));
  return candidates
    .filter((p) => !mine.has(p.id))
    .map((p) => ({ petition: p, score: similarity(draft, p) }))
    .filter((s) => s.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Files a petition and forwards it (text, location, photos) to the deputies of the resident's community. */
export async function filePetition(
  db: Db,
  policy: Policy,
  userId: number,
  draft: Draft,
  now: Date,
): Promise<PetitionRow> {
  const dayStart = zonedToUtc(localDate(now, policy.timezone), '00:00', policy.timezone).toISOString();
  const user = await getUser(db, userId);
  const at = now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    if ((await store.countFiledSince(trx, userId, dayStart)) >= policy.dailyLimit)
      throw new DailyLimitReached(policy.dailyLimit);
    const id = await store.insertPetition(trx, {
      petitioner_id: userId,
      community_id: user?.community_id ?? null,
      compound_id: user?.compound_id ?? null,
      category: draft.category,
      place: draft.place,
      latitude: draft.latitude,
      longitude: draft.longitude,
      description: draft.description,
      show_name: draft.showName ? 1 : 0,
      created_at: at,
      updated_at: at,
      ack_due_at: new Date(now.getTime() + policy.ackDays * DAY_MS).toISOString(),
      answer_due_at: new Date(now.getTime() + policy.answerDays * DAY_MS).toISOString(),
    });
    await store.insertFollower(trx, {
      petition_id: id,
      user_id: userId,
      kind: 'owner',
      show_name: draft.showName ? 1 : 0,
      created_at: at,
    });
    for (const f of draft.photos.slice(0, MAX_PHOTOS)) await store.insertPhoto(trx, id, f, at);
    await store.insertEvent(trx, { petition_id: id, at, actor_id: userId, kind: 'filed', status: 'submitted' });
    const p = (await store.findPetition(trx, id))!;
    await forwardNew(trx, policy, p, draft.photos.slice(0, MAX_PHOTOS), now);
    return id;
  });
  return (await store.findPetition(db, id))!;
}

async function forwardNew(trx: DbOrTx, policy: Policy, p: PetitionRow, photos: string[], now: Date): Promise<void> {
  const user = await getUser(trx, p.petitioner_id);
  const community = p.community_id === null ? undefined : await findCommunity(trx, p.community_id);
  const who = user
    ? [user.first_name, user.last_name].filter(Boolean).join(' ') +
      (user.username ? ` @${user.username}` : '') +
      (user.phone ? ` ☎ ${user.phone}` : '')
    : String(p.petitioner_id);
  const buttons = handlerButtons(p.id);
  if (p.latitude !== null && p.longitude !== null)
    buttons.push([{ key: 'petitions.btn.map', url: mapUrl(p.latitude, p.longitude) }]);
  await toHandlers(
    trx,
    p,
    policy,
    `petitions:new:${p.id}`,
    {
      key: 'petitions.fwd.new',
      params: {
        id: p.id,
        category: { $t: `petitions.category.${p.category}` },
        community: community ? { 'zh-CN': community.name_zh, en: community.name_en } : '—',
        place: p.place,
        location:
          p.latitude !== null && p.longitude !== null ? `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}` : '—',
        description: p.description,
        who,
        photos: photos.length,
        ackDue: localDate(new Date(p.ack_due_at), policy.timezone),
      },
      buttons,
    },
    now,
  );
  for (const [i, photo] of photos.entries()) {
    await toHandlers(
      trx,
      p,
      policy,
      `petitions:new:${p.id}:photo${i + 1}`,
      { key: 'petitions.fwd.photo', params: { id: p.id, n: i + 1, total: photos.length }, photo },
      now,
    );
  }
}

/** Joins an open petition as a co-signer (联名). */
export async function cosign(
  db: Db,
  petitionId: number,
  userId: number,
  showName: boolean,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const p = await getPetition(trx, petitionId);
    if (p.petitioner_id === userId) throw new OwnPetition();
    if (!isOpen(p)) throw new PetitionClosed();
    const at = now.toISOString();
    if (
      !(await store.insertFollower(trx, {
        petition_id: p.id,
        user_id: userId,
        kind: 'cosigner',
        show_name: showName ? 1 : 0,
        created_at: at,
      }))
    )
      throw new AlreadySigned();
    await store.insertEvent(trx, { petition_id: p.id, at, actor_id: userId, kind: 'cosigned' });
    await store.updatePetition(trx, p.id, { updated_at: at });
    return store.countCosigners(trx, p.id);
  });
}

async function requireFollower(db: DbOrTx, petitionId: number, userId: number) {
  const f = await store.findFollower(db, petitionId, userId);
  if (!f) throw new NotFollower();
  return f;
}

/** "It happened again": a dated occurrence, counted on the petition and forwarded to whoever handles it. */
export async function addOccurrence(
  db: Db,
  policy: Policy,
  petitionId: number,
  userId: number,
  note: { text: string | null; photo: string | null },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const p = await getPetition(trx, petitionId);
    await requireFollower(trx, p.id, userId);
    const at = now.toISOString();
    const day = localDate(now, policy.timezone);
    const since = new Date(now.getTime() - 86_400_000).toISOString();
    if ((await store.countEventsSince(trx, p.id, 'occurrence', userId, since)) >= OCCURRENCES_PER_DAY)
      throw new OccurrenceLimit(OCCURRENCES_PER_DAY);
    const eventId = await store.insertEvent(trx, {
      petition_id: p.id,
      at,
      actor_id: userId,
      kind: 'occurrence',
      occurred_on: day,
      text: note.text,
      photo_file_id: note.photo,
    });
    await store.bumpOccurrences(trx, p.id, at);
    const count = p.occurrences + 1;
    await toHandlers(
      trx,
      p,
      policy,
      `petitions:occ:${eventId}`,
      {
        key: 'petitions.fwd.occurrence',
        params: { id: p.id, date: day, count, note: note.text ?? '—', place: p.place },
        buttons: [[{ key: 'petitions.btn.details', data: CB.handle(p.id) }]],
        ...(note.photo ? { photo: note.photo } : {}),
      },
      now,
    );
    return count;
  });
}

/** The petitioner's answer to a deputy's question; forwarded to the handlers. */
export async function addInformation(
  db: Db,
  policy: Policy,
  petitionId: number,
  userId: number,
  note: { text: string | null; photo: string | null },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await getPetition(trx, petitionId);
    if (p.petitioner_id !== userId) throw new NotPetitioner();
    const at = now.toISOString();
    const eventId = await store.insertEvent(trx, {
      petition_id: p.id,
      at,
      actor_id: userId,
      kind: 'info',
      text: note.text,
      photo_file_id: note.photo,
    });
    if (note.photo) await store.insertPhoto(trx, p.id, note.photo, at);
    await toHandlers(
      trx,
      p,
      policy,
      `petitions:info:${eventId}`,
      {
        key: 'petitions.fwd.info',
        params: { id: p.id, text: note.text ?? '—' },
        buttons: handlerButtons(p.id),
        ...(note.photo ? { photo: note.photo } : {}),
      },
      now,
    );
  });
}

/** 催办: once a limit has passed, a follower may chase once a day; the handlers and staff are told. */
export async function chase(db: Db, policy: Policy, petitionId: number, userId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await getPetition(trx, petitionId);
    await requireFollower(trx, p.id, userId);
    const late = overdue(p, now);
    if (!late) throw new NotOverdue();
    const last = await store.lastEventOf(trx, p.id, 'chase', userId);
    if (last && localDate(new Date(last.at), policy.timezone) === localDate(now, policy.timezone))
      throw new ChasedToday();
    const eventId = await store.insertEvent(trx, {
      petition_id: p.id,
      at: now.toISOString(),
      actor_id: userId,
      kind: 'chase',
      text: late,
    });
    const content = {
      key: 'petitions.fwd.chase',
      params: {
        id: p.id,
        place: p.place,
        late: { $t: `petitions.late.${late}` },
        days: Math.floor((now.getTime() - Date.parse(p.created_at)) / DAY_MS),
      },
      buttons: handlerButtons(p.id),
    };
    await toHandlers(trx, p, policy, `petitions:chase:${eventId}`, content, now);
    await toStaff(trx, policy, `petitions:chase:${eventId}`, content, now);
  });
}

/** After an answer: solved yes / partly / no. "No" reopens it with a fresh answer limit. */
export async function giveFeedback(
  db: Db,
  policy: Policy,
  petitionId: number,
  userId: number,
  solved: 'yes' | 'partly' | 'no',
  now: Date,
): Promise<PetitionRow> {
  return db.transaction().execute(async (trx) => {
    const p = await getPetition(trx, petitionId);
    if (p.petitioner_id !== userId) throw new NotPetitioner();
    if (isOpen(p) || p.answered_at === null) throw new NoFeedbackNow();
    const at = now.toISOString();
    const eventId = await store.insertEvent(trx, {
      petition_id: p.id,
      at,
      actor_id: userId,
      kind: 'feedback',
      text: solved,
    });
    if (solved !== 'no') {
      await store.updatePetition(trx, p.id, { solved, feedback_at: at, updated_at: at });
      return (await store.findPetition(trx, p.id))!;
    }
    await store.updatePetition(trx, p.id, {
      solved: 'no',
      feedback_at: at,
      status: 'reopened',
      answered_at: null,
      answered_by: null,
      round: p.round + 1,
      updated_at: at,
      answer_due_at: new Date(now.getTime() + policy.answerDays * DAY_MS).toISOString(),
    });
    const reopened = (await store.findPetition(trx, p.id))!;
    await toHandlers(
      trx,
      reopened,
      policy,
      `petitions:reopened:${eventId}`,
      {
        key: 'petitions.fwd.reopened',
        params: { id: p.id, place: p.place, answerDue: localDate(new Date(reopened.answer_due_at), policy.timezone) },
        buttons: handlerButtons(p.id),
      },
      now,
    );
    await toFollowers(
      trx,
      reopened,
      { eventId, key: 'petitions.note.reopened', params: { id: p.id }, digest: false, exceptUserId: userId },
      now,
    );
    return reopened;
  });
}

/** Satisfaction 1–5, after the solved question. */
export async function rate(db: Db, petitionId: number, userId: number, stars: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await getPetition(trx, petitionId);
    if (p.petitioner_id !== userId) throw new NotPetitioner();
    if (p.feedback_at === null || p.solved === null) throw new NoFeedbackNow();
    const at = now.toISOString();
    await store.updatePetition(trx, p.id, {
      satisfaction: Math.min(5, Math.max(1, Math.round(stars))),
      updated_at: at,
    });
    await store.insertEvent(trx, {
      petition_id: p.id,
      at,
      actor_id: userId,
      kind: 'feedback',
      text: `satisfaction:${stars}`,
    });
  });
}

export const myPetitions = (db: DbOrTx, userId: number) => store.petitionsOfUser(db, userId);
export const timeline = (db: DbOrTx, petitionId: number) => store.eventsOf(db, petitionId);
export const photosOf = (db: DbOrTx, petitionId: number) => store.photosOf(db, petitionId);
export const countCosigners = (db: DbOrTx, petitionId: number) => store.countCosigners(db, petitionId);
export const findFollower = (db: DbOrTx, petitionId: number, userId: number) =>
  store.findFollower(db, petitionId, userId);
export const listDepartments = (db: DbOrTx) => store.listDepartments(db);
export const findDepartment = (db: DbOrTx, id: number) => store.findDepartment(db, id);
