import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import { ENDS_FLOW, PartnerNotFound, TeamNotFound } from '../errors';
import { isPartnerType, partnersPolicy } from '../policy';
import * as store from '../store';

/** What staff change of a partner in the chat; the name stays (ledgers and thank-you lists use it). */
export type PartnerPatch = Omit<store.PartnerChange, 'active'>;

/**
 * The partner directory and the volunteer teams as staff keep them in the chat (issue 15): every change audited,
 * nothing deleted — a partner or team that leaves is retired (hidden from residents), and brought back the same way.
 */
export function createCatalogueService({ db, clock }: Pick<Platform, 'db' | 'clock'>) {
  const limits = partnersPolicy;
  async function change(actorId: number, id: number, c: store.PartnerChange, action: string, done?: TxHook) {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      if (!(await store.updatePartner(trx, id, c))) throw new PartnerNotFound();
      const details = { fields: Object.keys(c), ...(c.active !== undefined && { active: c.active }) };
      await recordAudit(trx, { actorId, action, subject: `partner:${id}`, details }, now);
      await runHooks(trx, done);
      return (await store.findPartner(trx, id))!;
    });
  }
  return {
    /** Sign-ups waiting for staff. */
    countPendingApplications: () => store.countPendingApplications(db),
    /** What a partner offers (listed or retired). */
    offersOf: (id: number) => store.offersOf(db, id),
    /** Every partner, listed first, then retired. */
    allPartners: () => store.listAllPartners(db),
    /** Every team with its approved members, active first, then retired. */
    async allTeams() {
      const [teams, sizes] = await Promise.all([store.listAllTeams(db), store.teamSizes(db)]);
      return teams.map((t) => ({ ...t, members: sizes.get(t.id) ?? 0 }));
    },

    editPartner(actorId: number, id: number, patch: PartnerPatch, done?: TxHook) {
      if (patch.type !== undefined && !isPartnerType(patch.type)) throw new PartnerNotFound();
      const c: store.PartnerChange = { ...patch };
      if (c.contact !== undefined) c.contact = c.contact.trim().slice(0, limits.partnerContact.max);
      if (c.description !== undefined) c.description = c.description.trim().slice(0, limits.partnerDescription.max);
      return change(actorId, id, c, 'partners.edit', done);
    },

    /** Retires a partner (residents no longer see it; what refers to it keeps its name) or lists it again. */
    setPartnerActive: (actorId: number, id: number, active: boolean) =>
      change(actorId, id, { active }, active ? 'partners.restore' : 'partners.retire'),

    /** Retires a team (its members and hours stay; nobody can join it) or brings it back. */
    async setTeamActive(actorId: number, id: number, active: boolean) {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        if (!(await store.setTeamActive(trx, id, active))) throw new TeamNotFound(ENDS_FLOW);
        const action = active ? 'partners.teamRestore' : 'partners.teamRetire';
        await recordAudit(trx, { actorId, action, subject: `team:${id}` }, now);
        return (await store.findTeam(trx, id))!;
      });
    },
  };
}
