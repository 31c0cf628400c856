import { DAY_MS, localDate, zonedToUtc } from '../../../core/time';
import { runHooks, type TxHook } from '../../../db/tx';
import { AlreadySigned, DailyLimitReached, OwnPetition, PetitionClosed, UnknownCategory } from '../errors';
import { type Category, isOpen, MAX_PHOTOS, REMIND_BEFORE_MS } from '../policy';
import { likeness, SIMILAR_THRESHOLD } from '../similar';
import type { Petition } from '../store';
import * as store from '../store';
import { cardContent } from './card';
import { tellIfUncovered } from './coverage';
import { getPetition, type Parts } from './parts';

/** What a resident has put together in the filing flow. */
export interface Draft {
  category: Category;
  place: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  photos: string[];
  showName: boolean;
}

/** Filing a petition, and joining one a neighbour filed. */
export function filing(parts: Parts) {
  const { db, clock, identity, residents, policy, notify } = parts;
  return {
    /** The categories residents choose from now. */
    categories: () => store.listCategories(db),
    /** A category residents may choose now (by its code), or UnknownCategory (retired, or a forged button). */
    async category(code: string) {
      const c = await store.findCategory(db, { code });
      if (!c?.active) throw new UnknownCategory();
      return c;
    },

    /** Open petitions like this draft (same category and community, similar words, or close by), best first. */
    async similar(
      userId: number,
      draft: Pick<Draft, 'category' | 'place' | 'description' | 'latitude' | 'longitude'>,
      limit = 3,
    ) {
      const score = likeness(draft);
      const best = (await store.openCandidatesFor(db, userId, draft.category))
        .map((c) => ({ id: c.id, score: score(c) }))
        .filter((s) => s.score >= SIMILAR_THRESHOLD)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
      // Only the few offered are read in full (the card shows their stage).
      const full = new Map(
        (
          await store.petitionsByIds(
            db,
            best.map((b) => b.id),
          )
        ).map((p) => [p.id, p]),
      );
      return best.flatMap((b) => {
        const petition = full.get(b.id);
        return petition ? [{ petition, score: b.score }] : [];
      });
    },

    /**
     * Files a petition and forwards it (the card, then the photos) to the deputies of the resident's community.
     * `done(p)` runs in the same transaction: the filing flow ends there, keeping the number, so a confirmation that
     * arrives again (a second tap, a redelivery after a crash) finds it filed and files nothing.
     */
    async file(userId: number, draft: Draft, done?: (p: Petition) => TxHook): Promise<Petition> {
      const now = clock.now();
      const at = now.toISOString();
      const dayStart = zonedToUtc(localDate(now, policy.timezone), '00:00', policy.timezone).toISOString();
      // Read before the transaction: identity and places answer on the database's one connection.
      const user = await identity.user(userId);
      const community = user && user.communityId !== null ? await residents.community(user.communityId) : undefined;
      const photos = draft.photos.slice(0, MAX_PHOTOS);
      const category = await store.findCategory(db, { code: draft.category });
      if (!category?.active) throw new UnknownCategory();
      const ackDueAt = new Date(now.getTime() + policy.ackDays * DAY_MS);
      const id = await db.transaction().execute(async (trx) => {
        if ((await store.countFiledSince(trx, userId, dayStart)) >= policy.dailyLimit)
          throw new DailyLimitReached(policy.dailyLimit);
        const id = await store.insertPetition(trx, {
          petitionerId: userId,
          communityId: user?.communityId ?? null,
          compoundId: user?.compoundId ?? null,
          category: draft.category,
          categoryName: { nameZh: category.nameZh, nameEn: category.nameEn },
          place: draft.place,
          latitude: draft.latitude,
          longitude: draft.longitude,
          description: draft.description,
          showName: draft.showName,
          createdAt: at,
          ackDueAt: ackDueAt.toISOString(),
          answerDueAt: new Date(now.getTime() + policy.answerDays * DAY_MS).toISOString(),
          alertDueAt: new Date(ackDueAt.getTime() - REMIND_BEFORE_MS.ack).toISOString(),
        });
        await store.insertFollower(trx, {
          petitionId: id,
          userId,
          kind: 'owner',
          showName: draft.showName,
          createdAt: at,
        });
        for (const f of photos) await store.insertPhoto(trx, id, f, at);
        await store.insertEvent(trx, { petitionId: id, at, actorId: userId, kind: 'filed', status: 'submitted' });
        const p = (await store.findPetition(trx, id))!;
        const card = await cardContent(trx, p, { community, petitioner: user }, policy.timezone);
        await notify.toHandlers(trx, p, `petitions:new:${p.id}`, card, now);
        await tellIfUncovered(parts, trx, p, community, now);
        for (const [i, photo] of photos.entries()) {
          const content = {
            key: 'petitions.fwd.photo',
            params: { id: p.id, place: p.place, n: i + 1, total: photos.length },
            photo,
          };
          await notify.toHandlers(trx, p, `petitions:new:${p.id}:photo${i + 1}`, content, now);
        }
        await runHooks(trx, done?.(p));
        return id;
      });
      return (await store.findPetition(db, id))!;
    },

    /** Joins an open petition as a co-signer (联名); returns how many have co-signed. */
    async cosign(petitionId: number, userId: number, showName: boolean, done?: TxHook): Promise<number> {
      const at = clock.now().toISOString();
      // Co-signing may be tapped from the filing flow: a refusal leaves the resident's own draft open to file.
      const keepFlow = { endsFlow: false };
      return db.transaction().execute(async (trx) => {
        const p = await getPetition(trx, petitionId, keepFlow);
        if (p.petitionerId === userId) throw new OwnPetition();
        if (!isOpen(p)) throw new PetitionClosed(keepFlow);
        const joined = await store.insertFollower(trx, {
          petitionId: p.id,
          userId,
          kind: 'cosigner',
          showName,
          createdAt: at,
        });
        if (!joined) throw new AlreadySigned();
        await store.insertEvent(trx, { petitionId: p.id, at, actorId: userId, kind: 'cosigned' });
        await store.updatePetition(trx, p.id, { updatedAt: at });
        await runHooks(trx, done);
        return store.countCosigners(trx, p.id);
      });
    },
  };
}
