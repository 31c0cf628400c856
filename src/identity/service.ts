import type { Locale } from '../config';
import type { Clock } from '../core/clock';
import { NotAllowed } from '../core/errors';
import { MINUTE_MS } from '../core/time';
import type { WriteBatcher } from '../db/batch';
import type { Db, DbOrTx } from '../db/schema';
import { recordUpdate } from '../db/update-scope';
import { auditDenied, recordAudit } from './audit';
import type { StoredFlow } from './flows';
import { createInvitation, type RedeemListener, redeemInvitation } from './invitations';
import type { Role } from './roles';
import * as store from './store';
import type { TelegramProfile, User } from './user';
import { createWebLogins } from './web-logins';

/** Seen-time writes are skipped if the last is this recent: a write per update would cap throughput at fsync speed. */
const SEEN_RESOLUTION_MS = 5 * MINUTE_MS;

/** Users, roles and invitations: the foundation every area and the Telegram layer stand on. */
export type Identity = ReturnType<typeof createIdentity>;

export function createIdentity(db: Db, clock: Clock, writes?: WriteBatcher) {
  // Profile refreshes go through the group commit when there is one (the bot); the CLI and tests write directly.
  const write = (work: (trx: DbOrTx) => Promise<unknown>) =>
    writes ? writes.run(async (trx) => void (await work(trx))) : work(db).then(() => undefined);
  const userWithRoles = store.userWithRolesQuery(db);
  const redeemListeners: RedeemListener[] = [];
  const now = () => clock.now();

  /** Makes sure the sender exists and their names/language are current (`known`: the row if already read). */
  async function touch(p: TelegramProfile, known?: User): Promise<User> {
    const at = now().toISOString();
    const existing = known ?? (await store.findUser(db, p.id));
    // Telegram always sends a first name; a client that does not must still get an answer.
    const fresh = {
      firstName: (p.first_name ?? '').slice(0, 128) || String(p.id),
      lastName: p.last_name?.slice(0, 128) ?? null,
      username: p.username ?? null,
      tgLanguage: p.language_code ?? null,
    };
    const columns = {
      first_name: fresh.firstName,
      last_name: fresh.lastName,
      username: fresh.username,
      tg_language: fresh.tgLanguage,
    };
    if (!existing) {
      await write((trx) => store.insertUser(trx, { id: p.id, ...columns, created_at: at, seen_at: at }));
      return (await store.findUser(db, p.id))!;
    }
    const changed = (Object.keys(fresh) as (keyof typeof fresh)[]).some((k) => existing[k] !== fresh[k]);
    const stale = now().getTime() - Date.parse(existing.seenAt) > SEEN_RESOLUTION_MS;
    if (!changed && !stale) return existing;
    await write((trx) => store.updateUser(trx, p.id, { ...columns, seen_at: at }));
    return { ...existing, ...fresh, seenAt: at };
  }

  async function grant(actorId: number | null, userId: number, role: Role): Promise<boolean> {
    if (actorId !== null && !(await store.rolesOf(db, actorId)).includes('admin')) throw new NotAllowed();
    const at = now();
    return db.transaction().execute(async (trx) => {
      await recordUpdate(trx);
      if (!(await store.findUser(trx, userId))) {
        await store.insertUser(trx, {
          id: userId,
          first_name: String(userId),
          created_at: at.toISOString(),
          seen_at: at.toISOString(),
        });
      }
      const added = await store.insertRole(trx, userId, role, actorId, at.toISOString());
      if (added)
        await recordAudit(trx, { actorId, action: 'role.grant', subject: `user:${userId}`, details: { role } }, at);
      return added;
    });
  }

  async function revoke(actorId: number | null, userId: number, role: Role): Promise<boolean> {
    if (actorId !== null && !(await store.rolesOf(db, actorId)).includes('admin')) throw new NotAllowed();
    const at = now();
    return db.transaction().execute(async (trx) => {
      await recordUpdate(trx);
      const removed = await store.deleteRole(trx, userId, role);
      if (removed)
        await recordAudit(trx, { actorId, action: 'role.revoke', subject: `user:${userId}`, details: { role } }, at);
      return removed;
    });
  }

  return {
    /** Every update: the sender, created or refreshed, with their roles. */
    /** Every update: the sender, created or refreshed, with their roles and their flow in progress (one query). */
    async touchWithRoles(p: TelegramProfile): Promise<{ user: User; roles: Set<Role>; flow: StoredFlow | null }> {
      const found = await userWithRoles(p.id);
      if (!found) return { user: await touch(p), roles: new Set(), flow: null };
      return { user: await touch(p, found.user), roles: new Set(found.roles), flow: found.flow };
    },
    touch: (p: TelegramProfile) => touch(p),
    user: (id: number) => store.findUser(db, id),
    users: (ids: readonly number[]) => store.findUsers(db, ids),
    roles: async (id: number) => new Set(await store.rolesOf(db, id)),
    grant,
    revoke,
    async ensureAdmins(ids: readonly number[]): Promise<void> {
      for (const id of ids) await grant(null, id, 'admin');
    },
    /** Users holding any of these roles (admins are not added: say 'admin' when they are meant). */
    withRoles: (roles: readonly Role[], trx: DbOrTx = db) => store.usersWithRoles(trx, roles),
    /** Who handles the community's work: every staff member and every admin, each once. */
    staffAndAdmins: (trx: DbOrTx = db) => store.usersWithRoles(trx, ['staff', 'admin']),
    privileged: () => store.privilegedUsers(db),
    counts: () => store.userCounts(db),

    setHome: (userId: number, communityId: number, compoundId: number) =>
      store.updateUser(db, userId, { community_id: communityId, compound_id: compoundId, onboarded: 1 }),
    finishOnboarding: (userId: number) => store.updateUser(db, userId, { onboarded: 1 }),
    setPhone: (userId: number, phone: string | null) => store.updateUser(db, userId, { phone }),
    setLanguage: (userId: number, language: Locale) => store.updateUser(db, userId, { language }),
    setNoticesOptOut: (userId: number, optOut: boolean) =>
      store.updateUser(db, userId, { notices_opt_out: optOut ? 1 : 0 }),
    /** Telegram said 403 (blocked) or the user came back; `trx` when it is part of recording a send outcome. */
    setReachable: (userId: number, reachable: boolean, trx: DbOrTx = db) =>
      store.updateUser(trx, userId, { reachable: reachable ? 1 : 0 }),

    /** A one-use link for a role, with what comes with it (`scope`: a deputy's areas) for the area it concerns. */
    createInvitation: (actorId: number, role: Role, scope: Record<string, unknown> | null = null) =>
      createInvitation(db, actorId, role, now(), scope),
    redeemInvitation: (userId: number, code: string) => redeemInvitation(db, userId, code, now(), redeemListeners),
    /** An area applies its part of an invitation's scope, in the transaction that grants the role. */
    onInvitationRedeemed(listener: RedeemListener): void {
      redeemListeners.push(listener);
    },
    denied: (userId: number, what: string) => auditDenied(db, userId, what, now()),
    /**
     * A refused request whose sender could not be established (a forged or stale Mini App signature, a used login
     * link): recorded with what is known of it; `claimed` is the user id it named, not a verified one.
     */
    refused: (what: string, details: Record<string, unknown> & { claimed?: number | null }) =>
      recordAudit(db, { actorId: null, action: 'denied', subject: what.slice(0, 200), details }, now()),
    /** The staff console's browser sign-in: one-time links and sessions. */
    logins: createWebLogins(db, clock),
  };
}
