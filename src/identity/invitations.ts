import { randomBytes } from 'node:crypto';
import { NotAllowed } from '../core/errors';
import { DAY_MS } from '../core/time';
import type { Db, DbOrTx } from '../db/schema';
import { recordUpdate } from '../db/update-scope';
import { recordAudit } from './audit';
import { InvitationExpired, InvitationNotFound, InvitationUsed } from './errors';
import { invitableBy, isRole, type Role } from './roles';
import { insertRole, rolesOf } from './store';

export const INVITATION_DAYS = 7;

/** Staff and admins create a one-use link that grants a role for 7 days. */
export async function createInvitation(
  db: Db,
  actorId: number,
  role: Role,
  now: Date,
  scope: Record<string, unknown> | null = null,
): Promise<{ code: string; expiresAt: string }> {
  if (!invitableBy(new Set(await rolesOf(db, actorId))).includes(role)) throw new NotAllowed();
  const code = randomBytes(9).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString();
  await db.transaction().execute(async (trx) => {
    await recordUpdate(trx);
    await trx
      .insertInto('invitations')
      .values({
        code,
        role,
        created_by: actorId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        scope: scope === null ? null : JSON.stringify(scope),
      })
      .execute();
    await recordAudit(
      trx,
      { actorId, action: 'invitation.create', subject: `role:${role}`, details: { code, scope } },
      now,
    );
  });
  return { code, expiresAt };
}

/** Marks the invitation used only if nobody used it first (the WHERE makes a double tap harmless). */
const claim = async (db: DbOrTx, code: string, userId: number, at: string) =>
  (
    await db
      .updateTable('invitations')
      .set({ used_by: userId, used_at: at })
      .where('code', '=', code)
      .where('used_by', 'is', null)
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

/**
 * What an area does when an invitation carrying its scope is used (a deputy's areas assigned): it runs in the
 * transaction that grants the role, so the role and what comes with it exist together or not at all.
 */
export type RedeemListener = (trx: DbOrTx, userId: number, role: Role, scope: Record<string, unknown>) => Promise<void>;

/** Redeems a one-time code: the role is granted and the code can never be used again. */
export async function redeemInvitation(
  db: Db,
  userId: number,
  code: string,
  now: Date,
  listeners: readonly RedeemListener[] = [],
): Promise<Role> {
  return db.transaction().execute(async (trx) => {
    const inv = await trx.selectFrom('invitations').selectAll().where('code', '=', code).executeTakeFirst();
    if (!inv || !isRole(inv.role)) throw new InvitationNotFound();
    if (inv.used_by !== null) throw new InvitationUsed();
    if (Date.parse(inv.expires_at) <= now.getTime()) throw new InvitationExpired();
    if (!(await claim(trx, code, userId, now.toISOString()))) throw new InvitationUsed();
    await insertRole(trx, userId, inv.role, inv.created_by, now.toISOString());
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
    const scope = inv.scope === null ? null : (JSON.parse(inv.scope) as Record<string, unknown>);
    if (scope) for (const l of listeners) await l(trx, userId, inv.role, scope);
    return inv.role;
  });
}
