import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import { AddressInvalid, NameInvalid, PlaceNameTaken, UnknownPlace } from '../errors';
import { residentsPolicy, subdistrictName } from '../policy';
import * as store from '../store';

type Names = { nameZh: string; nameEn: string };
type Point = { latitude: number; longitude: number };

/** A name as typed: trimmed, one line, not empty, not too long; else the step asks again. */
export function checkName(raw: string, max: number = residentsPolicy.placeNameMax): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!name || [...name].length > max) throw new NameInvalid(max);
  return name;
}

export function checkAddress(raw: string): string {
  const address = raw.replace(/\s+/g, ' ').trim();
  if (!address || [...address].length > residentsPolicy.addressMax)
    throw new AddressInvalid(residentsPolicy.addressMax);
  return address;
}

/**
 * The sub-district, its communities and their compounds, as the admin sets them up and edits them in the chat. Every
 * change is audited in its own transaction, with the end of the admin's flow; nothing is deleted (a place no longer
 * offered is retired: residents, bookings and petitions keep referring to it).
 */
export function placesEditing({ db, clock, settings }: Pick<Platform, 'db' | 'clock' | 'settings'>) {
  /** One change: the write, its audit line and the end of the admin's flow, committed together. */
  const change = (
    actor: { actorId: number; action: string; subject: string; details: object },
    work: (trx: DbOrTx) => Promise<unknown>,
    done?: TxHook,
  ) =>
    db.transaction().execute(async (trx) => {
      await work(trx);
      const { actorId, action, subject, details } = actor;
      await recordAudit(trx, { actorId, action, subject, details: { ...details } }, clock.now());
      await runHooks(trx, done);
    });
  async function community(id: number) {
    const c = await store.findCommunity(db, id);
    if (!c) throw new UnknownPlace();
    return c;
  }
  async function compound(id: number) {
    const c = await store.findCompound(db, id);
    if (!c) throw new UnknownPlace();
    return c;
  }
  const names = (n: Names): Names => ({ nameZh: checkName(n.nameZh), nameEn: checkName(n.nameEn || n.nameZh) });
  async function communityNameFree(nameZh: string, exceptId?: number) {
    const other = await store.findCommunityByName(db, nameZh);
    if (other && other.id !== exceptId) throw new PlaceNameTaken(nameZh);
  }
  async function compoundNameFree(communityId: number, nameZh: string, exceptId?: number) {
    const siblings = await store.listCompounds(db, communityId);
    if (siblings.some((s) => s.nameZh === nameZh && s.id !== exceptId)) throw new PlaceNameTaken(nameZh);
    return siblings;
  }

  return {
    /** The sub-district's name: as set in the chat, else as the communities were loaded with it (a places file). */
    async subdistrict(): Promise<string> {
      return settings.get(subdistrictName) || ((await store.listCommunities(db))[0]?.subdistrict ?? '');
    },
    subdistrictIsSet: () => settings.isSet(subdistrictName),
    /**
     * A Chinese name typed for a new or renamed place, checked at once (the admin retypes it at that question, not
     * after the English one): trimmed, not too long, not another community's or a sibling compound's.
     */
    async checkPlaceName(
      raw: string,
      kind: 'community' | 'compound',
      place: { communityId?: number; compoundId?: number },
    ): Promise<string> {
      const nameZh = checkName(raw);
      if (kind === 'community') await communityNameFree(nameZh, place.communityId);
      else if (place.compoundId !== undefined) {
        const c = await compound(place.compoundId);
        await compoundNameFree(c.communityId, nameZh, c.id);
      } else await compoundNameFree((await community(place.communityId ?? 0)).id, nameZh);
      return nameZh;
    },
    async setSubdistrict(actorId: number, raw: string, done?: TxHook): Promise<string> {
      const name = checkName(raw, residentsPolicy.subdistrictNameMax);
      await db.transaction().execute(async (trx) => {
        await settings.set(actorId, subdistrictName, name, trx);
        await store.setSubdistrict(trx, name);
        await runHooks(trx, done);
      });
      return name;
    },

    async addCommunity(actorId: number, n: Names, done?: TxHook) {
      const { nameZh, nameEn } = names(n);
      await communityNameFree(nameZh);
      let id = 0;
      const subdistrict = await this.subdistrict();
      const audit = { actorId, action: 'place.community.add', subject: `community:${nameZh}`, details: { nameEn } };
      await change(
        audit,
        async (trx) => {
          id = (await store.upsertCommunity(trx, { subdistrict, nameZh, nameEn })).id;
        },
        done,
      );
      return community(id);
    },
    async renameCommunity(actorId: number, id: number, n: Names, done?: TxHook) {
      const before = await community(id);
      const { nameZh, nameEn } = names(n);
      await communityNameFree(nameZh, id);
      const details = { from: [before.nameZh, before.nameEn], to: [nameZh, nameEn] };
      const audit = { actorId, action: 'place.community.rename', subject: `community:${id}`, details };
      await change(audit, (trx) => store.updateCommunity(trx, id, { nameZh, nameEn }), done);
      return community(id);
    },
    async setCommunityRetired(actorId: number, id: number, retired: boolean) {
      await community(id);
      const action = retired ? 'place.community.retire' : 'place.community.restore';
      await change({ actorId, action, subject: `community:${id}`, details: {} }, (trx) =>
        store.updateCommunity(trx, id, { retired }),
      );
      return community(id);
    },

    async addCompound(
      actorId: number,
      communityId: number,
      c: Names & { address: string | null; location: Point | null },
      done?: TxHook,
    ) {
      await community(communityId);
      const { nameZh, nameEn } = names(c);
      const siblings = await compoundNameFree(communityId, nameZh);
      const address = c.address === null ? null : checkAddress(c.address);
      let id = 0;
      const details = { communityId, nameZh, nameEn, address, location: c.location };
      const audit = { actorId, action: 'place.compound.add', subject: `community:${communityId}`, details };
      const order = Math.max(0, ...siblings.map((s) => s.rotationOrder)) + 1;
      const row = { communityId, nameZh, nameEn, rotationOrder: order, address, location: c.location };
      await change(
        audit,
        async (trx) => {
          id = (await store.upsertCompound(trx, row)).id;
        },
        done,
      );
      return compound(id);
    },
    async renameCompound(actorId: number, id: number, n: Names, done?: TxHook) {
      const before = await compound(id);
      const { nameZh, nameEn } = names(n);
      await compoundNameFree(before.communityId, nameZh, id);
      const details = { from: [before.nameZh, before.nameEn], to: [nameZh, nameEn] };
      const audit = { actorId, action: 'place.compound.rename', subject: `compound:${id}`, details };
      await change(audit, (trx) => store.updateCompound(trx, id, { nameZh, nameEn }), done);
      return compound(id);
    },
    async setCompoundAddress(actorId: number, id: number, raw: string | null, done?: TxHook) {
      const before = await compound(id);
      const address = raw === null ? null : checkAddress(raw);
      const details = { from: before.address, to: address };
      const audit = { actorId, action: 'place.compound.address', subject: `compound:${id}`, details };
      await change(audit, (trx) => store.updateCompound(trx, id, { address }), done);
      return compound(id);
    },
    async setCompoundLocation(actorId: number, id: number, location: Point | null, done?: TxHook) {
      const before = await compound(id);
      const details = { from: before.location, to: location };
      const audit = { actorId, action: 'place.compound.location', subject: `compound:${id}`, details };
      await change(audit, (trx) => store.updateCompound(trx, id, { location }), done);
      return compound(id);
    },
    async setCompoundRetired(actorId: number, id: number, retired: boolean) {
      await compound(id);
      const action = retired ? 'place.compound.retire' : 'place.compound.restore';
      await change({ actorId, action, subject: `compound:${id}`, details: {} }, (trx) =>
        store.updateCompound(trx, id, { retired }),
      );
      return compound(id);
    },
  };
}
