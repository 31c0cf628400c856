import type { DbOrTx } from '../../../db/schema';
import type { Platform } from '../../../platform';
import type { ResidentsService } from '../../residents/service';
import { PetitionNotFound } from '../errors';
import type { PetitionsPolicy } from '../policy';
import type { Petition } from '../store';
import * as store from '../store';
import type { CardFacts } from './card';
import type { Notifier } from './notify';

/** What each part of the petitions service is built with. */
export interface Parts
  extends Pick<Platform, 'db' | 'reads' | 'clock' | 'config' | 'identity' | 'outbox' | 'settings'> {
  residents: ResidentsService;
  policy: PetitionsPolicy;
  notify: Notifier;
}

/** Who is acting on a petition: their id and roles as the guard saw them. */
export interface Actor {
  id: number;
  roles: ReadonlySet<string>;
}

export async function getPetition(db: DbOrTx, id: number, opts?: { endsFlow?: boolean }) {
  const p = await store.findPetition(db, id);
  if (!p) throw new PetitionNotFound(opts);
  return p;
}

/** What a petition's card says that does not change with its state; read before a transaction opens. */
export async function factsOf(parts: Pick<Parts, 'identity' | 'residents'>, p: Petition): Promise<CardFacts> {
  return {
    community: p.communityId === null ? undefined : await parts.residents.community(p.communityId),
    petitioner: await parts.identity.user(p.petitionerId),
  };
}
