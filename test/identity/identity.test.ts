import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock';
import { NotAllowed } from '../../src/core/errors';
import type { DbHandle } from '../../src/db/client';
import {
  createIdentity,
  type Identity,
  InvitationExpired,
  InvitationNotFound,
  InvitationUsed,
  listAudit,
} from '../../src/identity';
import { freshDb } from '../support/db';

const t0 = new Date('2026-11-29T08:00:00Z');
const clock = new ManualClock(t0);
const at = (days: number) => clock.set(new Date(t0.getTime() + days * 86_400_000));
let h: DbHandle;
let identity: Identity;
beforeEach(async () => {
  clock.set(t0);
  h = await freshDb();
  identity = createIdentity(h.db, clock);
  await identity.touch({ id: 1, first_name: 'Admin' });
  await identity.touch({ id: 2, first_name: '王阿姨', language_code: 'zh-hans' });
  await identity.grant(null, 1, 'admin');
});
afterEach(() => h.close());

describe('identity', () => {
  it('a new Telegram user is stored with their names and language; a rename is picked up', async () => {
    const u = await identity.touch({ id: 3, first_name: 'Li', last_name: 'Lei', language_code: 'en' });
    expect(u).toMatchObject({
      id: 3,
      firstName: 'Li',
      lastName: 'Lei',
      tgLanguage: 'en',
      onboarded: false,
      reachable: true,
    });
    await identity.touch({ id: 3, first_name: 'Lei', language_code: 'en' });
    expect((await identity.user(3))?.firstName).toBe('Lei');
  });

  it('SQL-looking and emoji names are stored verbatim', async () => {
    const name = "Robert'); DROP TABLE users;-- 👵🏻\u200f\u200b";
    await identity.touch({ id: 4, first_name: name });
    expect((await identity.user(4))?.firstName).toBe(name);
  });

  it('a user Telegram sends without a first name is stored under their id rather than refused', async () => {
    expect((await identity.touch({ id: 5 }))?.firstName).toBe('5');
  });

  it('an invitation grants its role once, and the grant is audited', async () => {
    const { code } = await identity.createInvitation(1, 'staff');
    at(1);
    expect(await identity.redeemInvitation(2, code)).toBe('staff');
    expect(await identity.roles(2)).toEqual(new Set(['staff']));
    await identity.touch({ id: 5, first_name: 'X' });
    await expect(identity.redeemInvitation(5, code)).rejects.toThrow(InvitationUsed);
    expect(await identity.roles(5)).toEqual(new Set());
    const audit = await listAudit(h.db, { action: 'role.grant' });
    expect(audit.some((a) => a.subject === 'user:2' && JSON.parse(a.details).via === 'invitation')).toBe(true);
  });

  it('an invitation expires after 7 days', async () => {
    const { code } = await identity.createInvitation(1, 'deputy');
    at(7.01);
    await expect(identity.redeemInvitation(2, code)).rejects.toThrow(InvitationExpired);
    await expect(identity.redeemInvitation(2, 'nonsense')).rejects.toThrow(InvitationNotFound);
  });

  it('a resident cannot create invitations or change roles', async () => {
    await expect(identity.createInvitation(2, 'staff')).rejects.toThrow(NotAllowed);
    await expect(identity.grant(2, 2, 'admin')).rejects.toThrow(NotAllowed);
    await expect(identity.revoke(2, 1, 'admin')).rejects.toThrow(NotAllowed);
  });

  it('staff invite staff and deputies but not admins', async () => {
    await identity.grant(1, 2, 'staff');
    await expect(identity.createInvitation(2, 'deputy')).resolves.toHaveProperty('code');
    await expect(identity.createInvitation(2, 'admin')).rejects.toThrow(NotAllowed);
  });

  it('an admin revokes a role and it is audited', async () => {
    await identity.grant(1, 2, 'deputy');
    expect(await identity.revoke(1, 2, 'deputy')).toBe(true);
    expect(await identity.revoke(1, 2, 'deputy')).toBe(false);
    expect((await listAudit(h.db, { action: 'role.revoke' })).map((a) => a.subject)).toEqual(['user:2']);
  });

  it('ADMIN_IDS of people who never wrote to the bot still become admins', async () => {
    await identity.ensureAdmins([777]);
    expect(await identity.roles(777)).toEqual(new Set(['admin']));
  });

  it('staff and admins are each one recipient, however many roles they hold', async () => {
    await identity.grant(1, 1, 'staff');
    await identity.grant(1, 2, 'staff');
    expect((await identity.staffAndAdmins()).map((u) => u.id)).toEqual([1, 2]);
  });
});
