// TRANSITION (issue 12): the residents functions areas used before identity/ and the places service. Deleted with
// the last area that imports them.
import { randomBytes } from 'node:crypto';
import { DomainError, NotAllowed } from '../../core/errors';
import type { Db, DbOrTx, UserRow } from '../../db/schema';
import { recordAudit } from '../../identity/audit';
import { invitableBy, isRole, type Role } from '../../identity/roles';
import * as store from './legacy-store';

export class InvitationNotFound extends DomainError {
  constructor() {
    super('invitationNotFound');
  }
}
export class InvitationExpired extends DomainError {
  constructor() {
    super('invitationExpired');
  }
}
export class InvitationUsed extends DomainError {
  constructor() {
    super('invitationUsed');
  }
}
export class UnknownCompound extends DomainError {
  constructor() {
    super('unknownCompound');
  }
}

export const INVITATION_DAYS = 7;
/** Seen-time writes are skipped if the last one is this recent: one write per update would cap throughput at fsync speed. */
const SEEN_RESOLUTION_MS = 5 * 60_000;

export interface TelegramProfile {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Every update: the sender, created or refreshed, with their roles. */
export async function touchUserWithRoles(
  db: DbOrTx,
  p: TelegramProfile,
  now: Date,
): Promise<{ user: UserRow; roles: Set<string> }> {
  const found = await store.findUserWithRoles(db, p.id);
  if (!found) return { user: await touchUser(db, p, now), roles: new Set() };
  return { user: await touchUser(db, p, now, found.user), roles: new Set(found.roles) };
}

/** Make sure the sender exists and their names/language are current (`known`: the row if already read). */
export async function touchUser(db: DbOrTx, p: TelegramProfile, now: Date, known?: UserRow): Promise<UserRow> {
  const at = now.toISOString();
  const existing = known ?? (await store.findUser(db, p.id));
  const fresh = {
    first_name: p.first_name.slice(0, 128),
    last_name: p.last_name?.slice(0, 128) ?? null,
    username: p.username ?? null,
    tg_language: p.language_code ?? null,
  };
  if (!existing) {
    await store.insertUser(db, { id: p.id, ...fresh, created_at: at, seen_at: at });
    return (await store.findUser(db, p.id))!;
  }
  const changed = (Object.keys(fresh) as (keyof typeof fresh)[]).some((k) => existing[k] !== fresh[k]);
  const stale = now.getTime() - Date.parse(existing.seen_at) > SEEN_RESOLUTION_MS;
  if (!changed && !stale) return existing;
  await store.updateUser(db, p.id, { ...fresh, seen_at: at });
  return { ...existing, ...fresh, seen_at: at };
}

export const getUser = (db: DbOrTx, id: number) => store.findUser(db, id);
export const rolesOf = async (db: DbOrTx, id: number) => new Set(await store.rolesOf(db, id));
export const listCommunities = (db: DbOrTx) => store.listCommunities(db);
export const listCompounds = (db: DbOrTx, communityId?: number) => store.listCompounds(db, communityId);
export const findCompound = (db: DbOrTx, id: number) => store.findCompound(db, id);
export const findCommunity = (db: DbOrTx, id: number) => store.findCommunity(db, id);
export const usersWithRole = (db: DbOrTx, role: Role) => store.usersWithRole(db, role);
export const privilegedUsers = (db: DbOrTx) => store.privilegedUsers(db);
export const userCounts = (db: DbOrTx) => store.userCounts(db);

export async function setHome(db: DbOrTx, userId: number, compoundId: number): Promise<void> {
  const compound = await store.findCompound(db, compoundId);
  if (!compound) throw new UnknownCompound();
  await store.updateUser(db, userId, { community_id: compound.community_id, compound_id: compound.id, onboarded: 1 });
}

export const finishOnboarding = (db: DbOrTx, userId: number) => store.updateUser(db, userId, { onboarded: 1 });
export const setPhone = (db: DbOrTx, userId: number, phone: string | null) => store.updateUser(db, userId, { phone });
export const setLanguage = (db: DbOrTx, userId: number, language: string) => store.updateUser(db, userId, { language });
export const setNoticesOptOut = (db: DbOrTx, userId: number, optOut: boolean) =>
  store.updateUser(db, userId, { notices_opt_out: optOut ? 1 : 0 });
export const setReachable = (db: DbOrTx, userId: number, reachable: boolean) =>
  store.updateUser(db, userId, { reachable: reachable ? 1 : 0 });

/** Staff and admins create a one-use link that grants a role for 7 days. */
export async function createInvitation(
  db: Db,
  actorId: number,
  role: Role,
  now: Date,
): Promise<{ code: string; expiresAt: string }> {
  const actorRoles = await rolesOf(db, actorId);
  if (!invitableBy(actorRoles).includes(role)) throw new NotAllowed();
  const code = randomBytes(9).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await store.insertInvitation(trx, {
      code,
      role,
      created_by: actorId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_by: null,
      used_at: null,
    });
    await recordAudit(trx, { actorId, action: 'invitation.create', subject: `role:${role}`, details: { code } }, now);
  });
  return { code, expiresAt };
}

export async function redeemInvitation(db: Db, userId: number, code: string, now: Date): Promise<Role> {
  return db.transaction().execute(async (trx) => {
    const inv = await store.findInvitation(trx, code);
    if (!inv || !isRole(inv.role)) throw new InvitationNotFound();
    if (inv.used_by !== null) throw new InvitationUsed();
    if (Date.parse(inv.expires_at) <= now.getTime()) throw new InvitationExpired();
    if (!(await store.claimInvitation(trx, code, userId, now.toISOString()))) throw new InvitationUsed();
    await store.insertRole(trx, userId, inv.role, inv.created_by, now.toISOString());
    await recordAudit(
      trx,
      {
        actorId: userId,
        action: 'role.grant',
        subject: `user:${userId}`,
        details: { role: inv.role, via: 'invitation', invitedBy: inv.created_by },
      },
      now,
    );
    return inv.role;
  });
}

/** Admin-only role changes; actorId null means the command line or ADMIN_IDS at start. */
export async function grantRole(
  db: Db,
  actorId: number | null,
  userId: number,
  role: Role,
  now: Date,
): Promise<boolean> {
  if (actorId !== null && !(await rolesOf(db, actorId)).has('admin')) throw new NotAllowed();
  return db.transaction().execute(async (trx) => {
    if (!(await store.findUser(trx, userId))) {
      const at = now.toISOString();
      await store.insertUser(trx, { id: userId, first_name: String(userId), created_at: at, seen_at: at });
    }
    const r = await store.insertRole(trx, userId, role, actorId, now.toISOString());
    const added = Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
    if (added)
      await recordAudit(trx, { actorId, action: 'role.grant', subject: `user:${userId}`, details: { role } }, now);
    return added;
  });
}

export async function revokeRole(
  db: Db,
  actorId: number | null,
  userId: number,
  role: Role,
  now: Date,
): Promise<boolean> {
  if (actorId !== null && !(await rolesOf(db, actorId)).has('admin')) throw new NotAllowed();
  return db.transaction().execute(async (trx) => {
    const r = await store.deleteRole(trx, userId, role);
    const removed = Number(r.numDeletedRows) > 0;
    if (removed)
      await recordAudit(trx, { actorId, action: 'role.revoke', subject: `user:${userId}`, details: { role } }, now);
    return removed;
  });
}

export async function ensureAdmins(db: Db, ids: readonly number[], now: Date): Promise<void> {
  for (const id of ids) await grantRole(db, null, id, 'admin', now);
}

/** A refused attempt at a privileged action is itself worth recording. */
export const auditDenied = (db: DbOrTx, userId: number, what: string, now: Date) =>
  recordAudit(db, { actorId: userId, action: 'denied', subject: what.slice(0, 200) }, now);

/** The 月塘街道 demo communities and compounds; safe to run again. */
export async function seedDemoPlaces(db: Db): Promise<void> {
  const demo = [
    {
      zh: '野鸭冲社区',
      en: 'Yeyachong Community',
      compounds: [
        ['荷塘花园', 'Hetang Garden'],
        ['月塘新村', 'Yuetang New Village'],
        ['肖明组', 'Xiaoming Group'],
        ['金色家园', 'Golden Home'],
      ],
    },
    {
      zh: '石子头社区',
      en: 'Shizitou Community',
      compounds: [
        ['石子头小区', 'Shizitou Estate'],
        ['铁路新村', 'Railway New Village'],
        ['幸福里', 'Xingfuli'],
      ],
    },
  ];
  await db.transaction().execute(async (trx) => {
    for (const c of demo) {
      const community = await store.upsertCommunity(trx, { subdistrict: '月塘街道', name_zh: c.zh, name_en: c.en });
      let order = 1;
      for (const [zh, en] of c.compounds)
        await store.upsertCompound(trx, {
          community_id: community.id,
          name_zh: zh!,
          name_en: en!,
          rotation_order: order++,
        });
    }
  });
}
