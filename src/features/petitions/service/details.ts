import type { User } from '../../../identity';
import type { Community } from '../../residents/service';
import { overdue } from '../policy';
import type { Department, Follower, Petition, PetitionEvent } from '../store';
import * as store from '../store';
import { forHandler } from './handling';
import { type Actor, getPetition, type Parts } from './parts';

/** A follower with the name they go by (shown to others only if they chose so). */
export interface Supporter extends Follower {
  firstName: string;
  lastName: string | null;
}

/** Everything a card about one petition shows: the petition, who follows it, its timeline and places. */
export interface PetitionDetails {
  petition: Petition;
  followers: Supporter[];
  events: PetitionEvent[];
  community?: Community;
  /** The departments the petition and its timeline name. */
  departments: ReadonlyMap<number, Department>;
  /** Which limit has passed, as of now. */
  late: 'ack' | 'answer' | null;
}

/** The handler's view adds the petitioner, whose contact only handlers see, and the photos' Telegram file ids. */
export interface HandlerDetails extends PetitionDetails {
  petitioner?: User;
  photos: string[];
}

/** What the cards read: a petition with its followers, timeline and names, put together once. */
export function details(parts: Parts) {
  const { db, clock, identity, residents } = parts;

  async function gather(p: Petition): Promise<PetitionDetails> {
    const followers = await store.followersOf(db, p.id);
    const users = new Map((await identity.users(followers.map((f) => f.userId))).map((u) => [u.id, u]));
    const events = await store.eventsOf(db, p.id);
    const departments = new Map<number, Department>();
    for (const id of [p.departmentId, ...events.map((e) => e.departmentId)]) {
      if (id === null || departments.has(id)) continue;
      const d = await store.findDepartment(db, id);
      if (d) departments.set(id, d);
    }
    return {
      petition: p,
      followers: followers.map((f) => ({
        ...f,
        firstName: users.get(f.userId)?.firstName ?? String(f.userId),
        lastName: users.get(f.userId)?.lastName ?? null,
      })),
      events,
      community: p.communityId === null ? undefined : await residents.community(p.communityId),
      departments,
      late: overdue(p, clock.now()),
    };
  }

  return {
    /** A petition as this resident may see it, and whether (and how) they follow it. */
    async residentView(petitionId: number, userId: number) {
      const p = await getPetition(db, petitionId);
      return { details: await gather(p), follower: await store.findFollower(db, p.id, userId) };
    },
    /** The handler's card: refused (NotHandler) to anyone who does not handle the petition. */
    async handlerView(actor: Actor, petitionId: number): Promise<HandlerDetails> {
      const p = await forHandler(db, actor, petitionId);
      return {
        ...(await gather(p)),
        petitioner: await identity.user(p.petitionerId),
        photos: await store.photosOf(db, p.id),
      };
    },
  };
}
