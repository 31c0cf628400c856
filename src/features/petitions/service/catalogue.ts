import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { BadLimit, LastCategory, NameTaken, NotInCatalogue } from '../errors';
import { type CatalogueKind, LIMIT_BOUNDS, limitSettings } from '../policy';
import * as store from '../store';
import type { Parts } from './parts';

/** A category or a department as the catalogue's cards show it. */
export interface CatalogueEntry {
  id: number;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

export interface Names {
  nameZh: string;
  nameEn: string;
}

/**
 * Categories and departments, managed by staff: add, rename (either language), retire and restore — never delete, so
 * every petition and timeline that names one keeps working. Every change is audited. A petition keeps the category
 * names it was filed with; a department is one office under whatever it is called now.
 */
export function catalogue({ db, clock, config, settings }: Parts) {
  const list = (kind: CatalogueKind, trx: DbOrTx = db): Promise<CatalogueEntry[]> =>
    kind === 'category' ? store.listCategories(trx, { retired: true }) : store.listDepartments(trx, { retired: true });

  async function entry(kind: CatalogueKind, id: number, trx: DbOrTx = db): Promise<CatalogueEntry> {
    const e = kind === 'category' ? await store.findCategory(trx, { id }) : await store.findDepartment(trx, id);
    if (!e) throw new NotInCatalogue();
    return e;
  }

  /** Two entries never share a Chinese name (retired ones included: restoring one must not make a twin). */
  async function checkName(trx: DbOrTx, kind: CatalogueKind, nameZh: string, except?: number) {
    if ((await list(kind, trx)).some((e) => e.nameZh === nameZh && e.id !== except)) throw new NameTaken(nameZh);
  }

  const audit = (
    trx: DbOrTx,
    actorId: number,
    kind: CatalogueKind,
    id: number,
    what: string,
    details: Record<string, unknown>,
  ) =>
    recordAudit(trx, { actorId, action: `petition.${kind}.${what}`, subject: `${kind}:${id}`, details }, clock.now());

  return {
    catalogue: (kind: CatalogueKind) => list(kind),
    catalogueEntry: (kind: CatalogueKind, id: number) => entry(kind, id),

    async addToCatalogue(actorId: number, kind: CatalogueKind, names: Names, done?: TxHook): Promise<number> {
      const at = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        await checkName(trx, kind, names.nameZh);
        const id =
          kind === 'category'
            ? await store.insertCategory(trx, { ...names, createdAt: at })
            : await store.insertDepartment(trx, names);
        await audit(trx, actorId, kind, id, 'add', { ...names });
        await runHooks(trx, done);
        return id;
      });
    },

    /** A new name in one language; petitions already filed keep the category names they were filed with. */
    async renameInCatalogue(actorId: number, kind: CatalogueKind, id: number, patch: Partial<Names>, done?: TxHook) {
      await db.transaction().execute(async (trx) => {
        const before = await entry(kind, id, trx);
        if (patch.nameZh !== undefined) await checkName(trx, kind, patch.nameZh, id);
        if (kind === 'category') await store.updateCategory(trx, id, patch);
        else await store.updateDepartment(trx, id, patch);
        await audit(trx, actorId, kind, id, 'rename', {
          from: { nameZh: before.nameZh, nameEn: before.nameEn },
          to: patch,
        });
        await runHooks(trx, done);
      });
    },

    /** Retired: no longer offered to residents (a category) or handlers (a department); restored: offered again. */
    async setInCatalogue(actorId: number, kind: CatalogueKind, id: number, active: boolean): Promise<CatalogueEntry> {
      return db.transaction().execute(async (trx) => {
        const e = await entry(kind, id, trx);
        if (e.active === active) return e;
        if (kind === 'category' && !active && (await store.listCategories(trx)).length <= 1) throw new LastCategory();
        if (kind === 'category') await store.updateCategory(trx, id, { active });
        else await store.updateDepartment(trx, id, { active });
        await audit(trx, actorId, kind, id, active ? 'restore' : 'retire', {});
        return { ...e, active };
      });
    },

    /** The time limits now (settings, else configuration). */
    limits: () => {
      const specs = limitSettings(config);
      return { ackDays: settings.get(specs.ackDays), answerDays: settings.get(specs.answerDays) };
    },
    /** Whether an admin has set the time limits in the chat (the set-up walk-through asks only what is missing). */
    limitsSet: () => {
      const specs = limitSettings(config);
      return settings.isSet(specs.ackDays) && settings.isSet(specs.answerDays);
    },
    /** New time limits, for petitions filed from now on; audited (settings.set). The answer never comes first. */
    async setLimits(actorId: number, ackDays: number, answerDays: number, done?: TxHook): Promise<void> {
      const [ackMin, ackMax] = LIMIT_BOUNDS.ack;
      if (!Number.isInteger(ackDays) || ackDays < ackMin || ackDays > ackMax) throw new BadLimit(ackMin, ackMax);
      const answerMax = LIMIT_BOUNDS.answer[1];
      if (!Number.isInteger(answerDays) || answerDays < ackDays || answerDays > answerMax)
        throw new BadLimit(ackDays, answerMax);
      const specs = limitSettings(config);
      await db.transaction().execute(async (trx) => {
        await settings.set(actorId, specs.ackDays, ackDays, trx);
        await settings.set(actorId, specs.answerDays, answerDays, trx);
        await runHooks(trx, done);
      });
    },
  };
}
