import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotAllowed } from '../../../src/core/errors';
import type { DbHandle } from '../../../src/db/client';
import { listAudit } from '../../../src/features/audit/store';
import * as residents from '../../../src/features/residents/service';
import { freshDb } from '../../support/db';

const t0 = new Date('2026-11-29T08:00:00Z');
const later = (days: number) => new Date(t0.getTime() + days * 86_400_000);
let h: DbHandle;
beforeEach(async () => {
  h = await freshDb();
  await residents.touchUser(h.db, { id: 1, first_name: 'Admin' }, t0);
  await residents.touchUser(h.db, { id: 2, first_name: '王阿姨', language_code: 'zh-hans' }, t0);
  await residents.grantRole(h.db, null, 1, 'admin', t0);
});
afterEach(() => h.close());

describe('residents', () => {
  it('a new Telegram user is stored with their names and language; a rename is picked up', async () => {
    const u = await residents.touchUser(h.db, { id: 3, first_name: 'Li', last_name: 'Lei', language_code: 'en' }, t0);
    expect(u).toMatchObject({
      id: 3,
      first_name: 'Li',
      last_name: 'Lei',
      tg_language: 'en',
      onboarded: 0,
      reachable: 1,
    });
    await residents.touchUser(h.db, { id: 3, first_name: 'Lei', language_code: 'en' }, t0);
    expect((await residents.getUser(h.db, 3))?.first_name).toBe('Lei');
  });

  it('SQL-looking and emoji names are stored verbatim', async () => {
    const name = "Robert'); DROP TABLE users;-- 👵🏻\u200f\u200b";
    await residents.touchUser(h.db, { id: 4, first_name: name }, t0);
    expect((await residents.getUser(h.db, 4))?.first_name).toBe(name);
  });

  it('choosing a compound sets the community too and finishes onboarding', async () => {
    await residents.seedDemoPlaces(h.db);
    await residents.seedDemoPlaces(h.db); // idempotent
    const compounds = await residents.listCompounds(h.db);
    expect(compounds.length).toBe(7);
    await residents.setHome(h.db, 2, compounds[1]!.id);
    const u = await residents.getUser(h.db, 2);
    expect(u).toMatchObject({ compound_id: compounds[1]!.id, community_id: compounds[1]!.community_id, onboarded: 1 });
    await expect(residents.setHome(h.db, 2, 9999)).rejects.toThrow(residents.UnknownCompound);
  });

  it('an invitation grants its role once, and the grant is audited', async () => {
    const { code } = await residents.createInvitation(h.db, 1, 'staff', t0);
    expect(await residents.redeemInvitation(h.db, 2, code, later(1))).toBe('staff');
    expect(await residents.rolesOf(h.db, 2)).toEqual(new Set(['staff']));
    await residents.touchUser(h.db, { id: 5, first_name: 'X' }, t0);
    await expect(residents.redeemInvitation(h.db, 5, code, later(1))).rejects.toThrow(residents.InvitationUsed);
    expect(await residents.rolesOf(h.db, 5)).toEqual(new Set());
    const audit = await listAudit(h.db, { action: 'role.grant' });
    expect(audit.some((a) => a.subject === 'user:2' && JSON.parse(a.details).via === 'invitation')).toBe(true);
  });

  it('an invitation expires after 7 days', async () => {
    const { code } = await residents.createInvitation(h.db, 1, 'deputy', t0);
    await expect(residents.redeemInvitation(h.db, 2, code, later(7.01))).rejects.toThrow(residents.InvitationExpired);
    await expect(residents.redeemInvitation(h.db, 2, 'nonsense', t0)).rejects.toThrow(residents.InvitationNotFound);
  });

  it('a resident cannot create invitations or change roles', async () => {
    await expect(residents.createInvitation(h.db, 2, 'staff', t0)).rejects.toThrow(NotAllowed);
    await expect(residents.grantRole(h.db, 2, 2, 'admin', t0)).rejects.toThrow(NotAllowed);
    await expect(residents.revokeRole(h.db, 2, 1, 'admin', t0)).rejects.toThrow(NotAllowed);
  });

  it('staff invite staff and deputies but not admins', async () => {
    await residents.grantRole(h.db, 1, 2, 'staff', t0);
    await expect(residents.createInvitation(h.db, 2, 'deputy', t0)).resolves.toHaveProperty('code');
    await expect(residents.createInvitation(h.db, 2, 'admin', t0)).rejects.toThrow(NotAllowed);
  });

  it('an admin revokes a role and it is audited', async () => {
    await residents.grantRole(h.db, 1, 2, 'deputy', t0);
    expect(await residents.revokeRole(h.db, 1, 2, 'deputy', t0)).toBe(true);
    expect(await residents.revokeRole(h.db, 1, 2, 'deputy', t0)).toBe(false);
    expect((await listAudit(h.db, { action: 'role.revoke' })).map((a) => a.subject)).toEqual(['user:2']);
  });

  it('ADMIN_IDS of people who never wrote to the bot still become admins', async () => {
    await residents.ensureAdmins(h.db, [777], t0);
    expect(await residents.rolesOf(h.db, 777)).toEqual(new Set(['admin']));
  });
});
