import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { ImportFailed } from '../../../src/features/relief/errors';
import type { ReliefService } from '../../../src/features/relief/service';
import { createResidentsService } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { person, reliefOn, rosterCsv } from './support';

let h: DbHandle;
let platform: Platform;
let relief: ReliefService;
beforeEach(async () => {
  h = await freshDb();
  ({ platform, relief } = reliefOn(h.db, new ManualClock('2025-06-01T02:00:00Z')));
});
afterEach(() => h.close());

describe('roster import', () => {
  it('a file with bad rows imports nothing and names every bad row and what is wrong', async () => {
    const csv = rosterCsv(['', ',低保,,', '赵大爷,贫困户,,', '钱奶奶,特困,12ab,', '王秀英,低保,13900001000,']);
    const err = await relief.importRoster(null, csv).catch((e) => e);
    expect(err).toBeInstanceOf(ImportFailed);
    const lines = (err as ImportFailed).errors;
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^row 172: name is empty/);
    expect(lines[1]).toMatch(/^row 173: category "贫困户" is not one of 低保, 特困, 残疾, 独居老人, 其他/);
    expect(lines[2]).toMatch(/^row 174: phone "12ab" is not a phone number/);
    expect(lines[3]).toMatch(/^row 175: same person as row 2/);
    expect(await relief.roster()).toHaveLength(0);
  });

  it('a clean file of 169 people is imported in one go, with quoted notes kept', async () => {
    expect(await relief.importRoster(null, rosterCsv())).toEqual({ added: 169, updated: 0 });
    const all = await relief.roster();
    expect(all).toHaveLength(169);
    expect(new Set(all.map((r) => r.category))).toEqual(
      new Set(['dibao', 'tekun', 'disabled', 'elderly_alone', 'other']),
    );
    expect(all.filter((r) => r.phone !== null).length).toBeGreaterThan(90);
    expect((await listAudit(h.db, { action: 'relief.roster.import' }))[0]?.details).toBe(
      JSON.stringify({ added: 169, updated: 0 }),
    );
  });

  it('importing the same people again is refused rather than doubling the roster', async () => {
    await relief.importRoster(null, rosterCsv());
    const err = await relief.importRoster(null, rosterCsv()).catch((e) => e);
    expect((err as ImportFailed).errors[0]).toMatch(/already on the roster as id 1/);
    expect(await relief.roster()).toHaveLength(169);
  });

  it('an exported roster, edited and imported back, updates people by id', async () => {
    await relief.importRoster(null, rosterCsv());
    const exported = await relief.exportRoster();
    expect(exported.startsWith('\uFEFFid,name,category,phone,notes,active,linked\r\n1,王秀英,')).toBe(true);
    const edited = exported
      .replace('\r\n2,李', '\r\n2,李改名')
      .replace(/\r\n3,([^,]+),([^,]+),([^,]*),([^,]*),1,/, '\r\n3,$1,$2,$3,$4,0,');
    expect(await relief.importRoster(null, edited)).toEqual({ added: 0, updated: 169 });
    const all = await relief.roster();
    expect(all).toHaveLength(169);
    expect(all[1]!.name.startsWith('李改名')).toBe(true);
    expect(all[2]!.active).toBe(false);
  });

  it('a header without a category column is refused with a hint', async () => {
    const err = await relief.importRoster(null, 'name,phone\n王秀英,13900001111\n').catch((e) => e);
    expect((err as ImportFailed).errors[0]).toMatch(/row 1: the header must name the columns category/);
  });
});

describe('roster editing by staff', () => {
  it('staff add, edit and deactivate a recipient, and each change is audited', async () => {
    const staff = await person(platform, 900, '刘干事', 'staff');
    const id = await relief.addRecipient(staff, {
      name: ' 孙  桂英 ',
      category: 'elderly_alone',
      phone: '+86 139-0000-7777',
      notes: '',
    });
    let r = (await relief.roster())[0]!;
    expect(r).toMatchObject({ id, name: '孙 桂英', phone: '13900007777', notes: null, active: true });
    r = await relief.editRecipient(staff, id, 'phone', '');
    expect(r.phone).toBeNull();
    await expect(relief.editRecipient(staff, id, 'name', '<b>x</b>')).rejects.toMatchObject({
      code: 'relief.invalidName',
    });
    r = await relief.setActive(staff, id, false);
    expect(r.active).toBe(false);
    expect((await listAudit(h.db, { actorId: staff })).map((a) => a.action).sort()).toEqual([
      'relief.recipient.add',
      'relief.recipient.deactivate',
      'relief.recipient.edit',
    ]);
  });

  it('the same person twice is refused when added or edited, as the import refuses them', async () => {
    const staff = await person(platform, 900, '刘干事', 'staff');
    const wang = { name: '王秀英', category: 'dibao' as const, phone: '13900001000', notes: null };
    const id = await relief.addRecipient(staff, wang);
    await expect(relief.addRecipient(staff, { ...wang, category: 'tekun' })).rejects.toMatchObject({
      code: 'relief.alreadyOnRoster',
      params: { id },
    });
    // The same name with another phone (or none) is another person.
    const other = await relief.addRecipient(staff, { ...wang, phone: null });
    await expect(relief.editRecipient(staff, other, 'phone', '13900001000')).rejects.toMatchObject({
      code: 'relief.alreadyOnRoster',
    });
    expect((await relief.roster()).map((r) => r.phone)).toEqual(['13900001000', null]);
  });

  it('a whole entry is edited at once, its community checked, and only what changed is audited', async () => {
    const staff = await person(platform, 900, '刘干事', 'staff');
    const residents = createResidentsService(platform);
    const east = (await residents.addCommunity(staff, { nameZh: '东风社区', nameEn: 'Dongfeng' })).id;
    const id = await relief.addRecipient(staff, { name: '赵大爷', category: 'other', phone: null, notes: null });
    const entry = { name: '赵大爷', category: 'tekun' as const, phone: '13900002000', notes: '', communityId: east };
    expect(await relief.updateRecipient(staff, id, entry)).toMatchObject({ category: 'tekun', communityId: east });
    await expect(relief.updateRecipient(staff, id, { ...entry, communityId: east + 99 })).rejects.toMatchObject({
      code: 'relief.invalidCommunity',
    });
    const edits = await listAudit(h.db, { action: 'relief.recipient.edit' });
    expect(edits.map((a) => JSON.parse(a.details).fields)).toEqual([['category', 'phone', 'communityId']]);
    expect(await relief.recipient(id)).toMatchObject({ phone: '13900002000', communityId: east });
  });
});
