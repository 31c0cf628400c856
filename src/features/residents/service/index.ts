import type { Sheet, Table } from '../../../core/sheets';
import { runHooks, type TxHook } from '../../../db/tx';
import type { TFunction } from '../../../i18n';
import type { OutContent } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import type { ImportCheck } from '../../../telegram/workbench';
import { DEMO_COMMUNITIES } from '../demo';
import { PlacesFileInvalid, UnknownCompound } from '../errors';
import { countChanges, readPlaces, writePlaces } from '../places-file';
import { normalisePhone } from '../policy';
import * as store from '../store';
import { peopleDirectory } from './people';
import { placesEditing } from './places';

export type { Community, Compound, HomeCount, HomeFilter } from '../store';
export type { Person } from './people';

/** Places (communities and compounds) and the resident's own details: where they live, their phone. */
export type ResidentsService = ReturnType<typeof createResidentsService>;

export function createResidentsService(platform: Pick<Platform, 'db' | 'clock' | 'identity' | 'settings'>) {
  const { db, identity } = platform;
  const places = placesEditing(platform);
  return {
    ...places,
    people: peopleDirectory(platform),
    /** The places file, checked: what would change and every problem with its row. Nothing is written. */
    async checkPlaces(rows: Table, t: TFunction): Promise<ImportCheck> {
      const { places, problems } = readPlaces(rows, t);
      return { ...(await countChanges(db, places)), problems };
    },
    /** The places file, written all or nothing (checked again: it may have been edited since). */
    async importPlaces(rows: Table, t: TFunction, done?: TxHook) {
      const { places: rowsRead, problems } = readPlaces(rows, t);
      if (problems.length) throw new PlacesFileInvalid(problems.length);
      const subdistrict = await places.subdistrict();
      return db.transaction().execute(async (trx) => {
        const result = await writePlaces(trx, subdistrict, rowsRead);
        await runHooks(trx, done);
        return result;
      });
    },
    /** Every compound with its community, both names: the file `importPlaces` reads. */
    async placesSheet(t: TFunction): Promise<Sheet> {
      const communities = new Map((await store.listCommunities(db)).map((c) => [c.id, c]));
      const rows = (await store.listCompounds(db)).map((c) => {
        const m = communities.get(c.communityId)!;
        return [m.nameZh, m.nameEn, c.nameZh, c.nameEn, c.address ?? ''];
      });
      const header = ['community', 'communityEn', 'compound', 'compoundEn', 'address'].map((k) =>
        t(`residents.places.column.${k}`),
      );
      return { name: t('residents.places.sheet'), header, rows };
    },
    /** Every community and compound, retired ones included (what refers to them must still find their names). */
    communities: () => store.listCommunities(db),
    community: (id: number) => store.findCommunity(db, id),
    compounds: (communityId?: number) => store.listCompounds(db, communityId),
    compound: (id: number) => store.findCompound(db, id),
    /** Communities that are not the demo's: a deployment's own places, which `seed demo` must not mix with its. */
    async ownCommunities(): Promise<string[]> {
      return (await store.listCommunities(db)).map((c) => c.nameZh).filter((n) => !DEMO_COMMUNITIES.includes(n));
    },
    /** Whether a newcomer has a home to choose: a compound in use in a community in use. */
    hasPlaces: () => store.hasActivePlaces(db),
    /** What a newcomer chooses from: communities in use that have a compound in use. */
    async homeCommunities() {
      const open = new Set((await store.listCompounds(db)).filter((c) => !c.retired).map((c) => c.communityId));
      return (await store.listCommunities(db)).filter((c) => !c.retired && open.has(c.id));
    },
    homeCompounds: async (communityId: number) =>
      (await store.listCompounds(db, communityId)).filter((c) => !c.retired),

    /** The resident's home: the compound chosen, and with it the community; onboarding is then done. */
    async setHome(userId: number, compoundId: number) {
      const compound = await store.findCompound(db, compoundId);
      if (!compound) throw new UnknownCompound();
      await identity.setHome(userId, compound.communityId, compound.id);
      return compound;
    },
    /** Where a user lives, as far as they told us. */
    async homeOf(user: { communityId: number | null; compoundId: number | null }) {
      return {
        community: user.communityId === null ? undefined : await store.findCommunity(db, user.communityId),
        compound: user.compoundId === null ? undefined : await store.findCompound(db, user.compoundId),
      };
    },
    finishOnboarding: (userId: number) => identity.finishOnboarding(userId),
    /** Only the resident's own number, from Telegram's contact button; null deletes it. */
    setPhone: (userId: number, phone: string | null) =>
      identity.setPhone(userId, phone === null ? null : normalisePhone(phone)),
    setNoticesOptOut: (userId: number, optOut: boolean) => identity.setNoticesOptOut(userId, optOut),
    setLanguage: identity.setLanguage,
    /** The message that tells someone who wrote before the set-up that it is ready (the set-up adds its button). */
    async readyNotice(): Promise<Extract<OutContent, { key: string }>> {
      return { key: 'residents.start.ready', params: { subdistrict: await places.subdistrict() } };
    },
  };
}
