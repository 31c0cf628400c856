import { localDate } from '../../../core/time';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { BadNumber, BadServiceName, ServiceNotFound } from '../errors';
import { prefixOf } from '../input';
import { limits } from '../policy';
import * as store from '../store';
import type { MarketDeps } from './deps';

/** What staff give for a new service (all of it) or change about one (any of it). */
export interface ServiceInput {
  nameZh: string;
  nameEn: string;
  groupKey: store.ServiceGroup;
  defaultCapacity: number;
  minutesPerTicket: number;
  needsDetails: boolean;
  needsPhoto: boolean;
}
export type ServiceEdit = Partial<ServiceInput>;

const length = (s: string) => [...s].length;

/** The rules a service's fields keep, however they came (typed in the chat, or a forged flow). */
function check(e: ServiceEdit): void {
  const names = [e.nameZh, e.nameEn].filter((n) => n !== undefined);
  if (names.some((n) => !n.trim() || length(n) > limits.serviceName)) throw new BadServiceName(limits.serviceName);
  const c = e.defaultCapacity;
  if (c !== undefined && (!Number.isInteger(c) || c < 1 || c > limits.capacity))
    throw new BadNumber(limits.capacity, 20);
  const m = e.minutesPerTicket;
  if (m !== undefined && (!Number.isInteger(m) || m < 1 || m > limits.minutes)) throw new BadNumber(limits.minutes, 10);
  if (e.groupKey !== undefined && !store.SERVICE_GROUPS.includes(e.groupKey)) throw new ServiceNotFound();
}

/**
 * A repair (its results are fixed / not fixable / needs parts, and the resident is asked later whether it held) is a
 * service of the repair group whose item is described: sharpening a knife is served, mending a rice cooker is fixed.
 */
const isRepair = (s: Pick<store.Service, 'groupKey' | 'needsDetails'>) => s.groupKey === 'repair' && s.needsDetails;

/**
 * The catalogue as staff keep it in the chat: add a service, change its names, places, minutes, group and what a
 * resident is asked when booking, retire it and bring it back. Every change is audited; a retired service stays in
 * the history, and a booking keeps the name it was made with (the day's offer keeps it).
 */
export function catalogue(deps: Pick<MarketDeps, 'db' | 'clock' | 'policy'>) {
  const { db, clock, policy } = deps;

  async function service(id: number): Promise<store.Service> {
    const s = await store.findService(db, id);
    if (!s) throw new ServiceNotFound();
    return s;
  }

  /** Applies a change and records it, with what it was before, in one transaction. */
  async function change(actorId: number, id: number, action: string, patch: store.ServicePatch, done?: TxHook) {
    const now = clock.now();
    return store.atomically(db, async (trx) => {
      const before = await store.findService(trx, id);
      if (!before) throw new ServiceNotFound();
      // Nothing to change (a confirmation tapped twice): nothing written, nothing audited.
      if (Object.entries(patch).every(([k, v]) => before[k as keyof store.Service] === v)) {
        await runHooks(trx, done);
        return before;
      }
      await store.updateService(trx, id, patch);
      const after = (await store.findService(trx, id))!;
      if (patch.nameZh !== undefined || patch.nameEn !== undefined)
        await store.renameUnbookedOffers(trx, after, localDate(now, policy.timezone));
      const was = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof store.Service]]));
      const details = { was, now: patch };
      await recordAudit(trx, { actorId, action, subject: `service:${id}`, details }, now);
      await runHooks(trx, done);
      return after;
    });
  }

  return {
    /** Every service, retired ones last (staff's list); `services()` gives only those a market day can offer. */
    catalogue: () => store.listServices(db, false),
    service,

    async addService(actorId: number, input: ServiceInput, done?: TxHook): Promise<store.Service> {
      check(input);
      const now = clock.now();
      return store.atomically(db, async (trx) => {
        const id = await store.insertService(trx, {
          ...input,
          isRepair: isRepair(input),
          ticketPrefix: prefixOf.zh(input.nameZh),
          ticketPrefixEn: prefixOf.en(input.nameEn),
          descriptionZh: '',
          descriptionEn: '',
          bringZh: null,
          bringEn: null,
          provider: null,
        });
        const details = { ...input };
        await recordAudit(trx, { actorId, action: 'market.service.add', subject: `service:${id}`, details }, now);
        await runHooks(trx, done);
        return (await store.findService(trx, id))!;
      });
    },

    /** Changes what staff changed; a new name brings its ticket prefix along (tickets already held keep theirs). */
    async editService(actorId: number, id: number, edit: ServiceEdit, done?: TxHook): Promise<store.Service> {
      check(edit);
      const s = await service(id);
      const patch: store.ServicePatch = { ...edit };
      if (edit.nameZh !== undefined && edit.nameZh !== s.nameZh) patch.ticketPrefix = prefixOf.zh(edit.nameZh);
      if (edit.nameEn !== undefined && edit.nameEn !== s.nameEn) patch.ticketPrefixEn = prefixOf.en(edit.nameEn);
      if (edit.groupKey !== undefined || edit.needsDetails !== undefined) patch.isRepair = isRepair({ ...s, ...edit });
      return change(actorId, id, 'market.service.edit', patch, done);
    },

    /** Offered for no new market day; the days that offered it, and their tickets, keep it. */
    retireService: (actorId: number, id: number) => change(actorId, id, 'market.service.retire', { active: false }),
    restoreService: (actorId: number, id: number) => change(actorId, id, 'market.service.restore', { active: true }),
  };
}
