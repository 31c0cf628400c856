import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client';
import { findDelivery } from '../../../src/features/delivery/service';
import { communityReport, parsePeriod, reportRows } from '../../../src/features/fund/report';
import { legacyReportSources } from '../../../src/features/report-sources';
import { createReliefService } from '../../../src/features/relief/service';
import { testPlatform } from '../../support/platform';
import { createPetitionsService } from '../../../src/features/petitions/service';
import { createResidentsService } from '../../../src/features/residents/service';
import type { Db } from '../../../src/db/schema';

const reportSources = (db: Db) => {
  const p = testPlatform(db);
  return {
    ...legacyReportSources(db),
    reliefMonth: createReliefService(p).monthFigures,
    petitionRates: createPetitionsService(p, { residents: createResidentsService(p) }).reportRates,
  };
};
import { recordEntry } from '../../../src/features/fund/service';
import { seedDemoPartners, seedDemoTeams } from '../../../src/features/partners/seed';
import { partnerCard, partnerTypeCounts } from '../../../src/features/partners/service';
import {
  AlreadyApplied,
  ApplicationNotFound,
  allApprovedVolunteers,
  applyToTeam,
  createTeam,
  decideApplication,
  hoursOf,
  logShift,
  messageTeam,
  NotTeamMember,
  offerShift,
  ShiftAlreadyTaken,
  ShiftFull,
  ShiftNotYet,
  ShiftPast,
  takeShift,
} from '../../../src/features/partners/volunteers';
import * as residents from '../../../src/features/residents/service';
import { freshDb } from '../../support/db';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2025-03-10T02:00:00Z');
let h: DbHandle;
let team: number;
beforeEach(async () => {
  h = await freshDb();
  await residents.grantRole(h.db, null, 900, 'staff', NOW);
  for (const id of [1, 2, 3]) await residents.touchUser(h.db, { id, first_name: `V${id}` }, NOW);
  team = await createTeam(h.db, 900, '便民服务队', '', NOW);
});
afterEach(() => h.close());

async function member(userId: number) {
  await applyToTeam(h.db, userId, team, NOW);
  await decideApplication(h.db, 900, team, userId, true, NOW);
}

describe('partner directory', () => {
  it('demo partners are grouped by type, and seeding twice adds nothing', async () => {
    expect(await seedDemoPartners(h.db, NOW)).toBeGreaterThan(5);
    expect(await seedDemoPartners(h.db, NOW)).toBe(0);
    const types = await partnerTypeCounts(h.db);
    expect(types.map((t) => t.type)).toEqual(
      expect.arrayContaining(['business', 'group', 'association', 'property', 'new_economy', 'individual']),
    );
    expect(types.every((t) => t.count > 0)).toBe(true);
  });

  it('the demo teams are 帮困服务队, 便民服务队 and 公益联盟', async () => {
    await seedDemoTeams(h.db, NOW);
    const names = (await h.db.selectFrom('volunteer_teams').select('name').execute()).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['帮困服务队', '便民服务队', '公益联盟']));
  });

  it('a partner card lists what they offer', async () => {
    await seedDemoPartners(h.db, NOW);
    const lele = await h.db
      .selectFrom('partners')
      .select('id')
      .where('name', '=', '乐乐超市')
      .executeTakeFirstOrThrow();
    const card = await partnerCard(h.db, lele.id);
    expect(card.offers.map((o) => o.kind)).toEqual(['discount', 'money']);
  });
});

describe('volunteer teams', () => {
  it('a sign-up is announced to staff, decided once, and the volunteer hears the answer', async () => {
    await applyToTeam(h.db, 1, team, NOW);
    await expect(applyToTeam(h.db, 1, team, NOW)).rejects.toBeInstanceOf(AlreadyApplied);
    const staffMsg = await h.db
      .selectFrom('deliveries')
      .select('content')
      .where('chat_id', '=', 900)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(staffMsg.content ?? '{}').buttons[0][0].data).toBe(`pa:ok:${team}:1`);
    await decideApplication(h.db, 900, team, 1, true, NOW);
    await expect(decideApplication(h.db, 900, team, 1, false, NOW)).rejects.toBeInstanceOf(ApplicationNotFound);
    expect(await allApprovedVolunteers(h.db)).toEqual([1]);
  });

  it('a team message reaches approved members only, once each', async () => {
    await member(1);
    await applyToTeam(h.db, 2, team, NOW); // pending
    expect(await messageTeam(h.db, 900, team, '周六上午九点集合', NOW)).toBe(1);
    const rows = await h.db
      .selectFrom('deliveries')
      .select(['chat_id', 'content'])
      .where('dedupe_key', 'like', 'partners:team-msg:%')
      .execute();
    expect(rows.map((r) => r.chat_id)).toEqual([1]);
    expect(JSON.parse(rows[0]!.content ?? '{}').params.text).toBe('周六上午九点集合');
  });

  it('a shift is offered to members, never overfilled, and taken only by members of that team', async () => {
    await member(1);
    await member(2);
    const shift = await offerShift(
      h.db,
      900,
      { teamId: team, date: '2025-03-20', description: '市集日磨刀摊位', minutes: 180, slots: 1 },
      NOW,
      TZ,
    );
    expect(await findDelivery(h.db, `partners:shift-offer:${shift}:2`)).toBeDefined();
    await takeShift(h.db, 1, shift, NOW, TZ);
    await expect(takeShift(h.db, 1, shift, NOW, TZ)).rejects.toBeInstanceOf(ShiftAlreadyTaken);
    await expect(takeShift(h.db, 2, shift, NOW, TZ)).rejects.toBeInstanceOf(ShiftFull);
    await expect(takeShift(h.db, 3, shift, NOW, TZ)).rejects.toBeInstanceOf(NotTeamMember);
    await expect(
      offerShift(h.db, 900, { teamId: team, date: '2025-03-01', description: 'x', minutes: 60, slots: 1 }, NOW, TZ),
    ).rejects.toBeInstanceOf(ShiftPast);
  });

  it('hours are logged once after the day and shown to the volunteer', async () => {
    await member(1);
    const shift = await offerShift(
      h.db,
      900,
      { teamId: team, date: '2025-03-20', description: '市集日', minutes: 150, slots: 3 },
      NOW,
      TZ,
    );
    await takeShift(h.db, 1, shift, NOW, TZ);
    await expect(logShift(h.db, 900, shift, NOW, TZ)).rejects.toBeInstanceOf(ShiftNotYet);
    const after = new Date('2025-03-20T10:00:00Z');
    expect(await logShift(h.db, 900, shift, after, TZ)).toBe(1);
    await expect(logShift(h.db, 900, shift, after, TZ)).rejects.toBeInstanceOf(ShiftPast);
    const hours = await hoursOf(h.db, 1);
    expect(hours.totalMinutes).toBe(150);
    expect(hours.byTeam).toEqual([{ team: '便民服务队', minutes: 150 }]);
  });
});

describe('community report', () => {
  it('reads periods strictly and reports the fund and volunteer numbers of the period', async () => {
    expect(parsePeriod('2025-13')).toBeNull();
    expect(parsePeriod('25')).toBeNull();
    await recordEntry(
      h.db,
      900,
      {
        direction: 'income',
        kind: 'shop',
        amountFen: 12345,
        date: '2025-03-02',
        donor: { kind: 'anonymous' },
        restrictedTo: null,
        note: '',
      },
      { source: 'bot' },
      NOW,
      TZ,
    );
    await recordEntry(
      h.db,
      900,
      {
        direction: 'income',
        kind: 'other',
        amountFen: 100,
        date: '2025-02-02',
        donor: { kind: 'anonymous' },
        restrictedTo: null,
        note: '',
      },
      { source: 'bot' },
      NOW,
      TZ,
    );
    const march = await communityReport(h.db, reportSources(h.db), parsePeriod('2025-03')!, NOW, TZ);
    expect(march.fund).toMatchObject({ incomeTotal: 12345, selfGenerated: 12345 });
    const year = Object.fromEntries(reportRows(await communityReport(h.db, reportSources(h.db), parsePeriod('2025')!, NOW, TZ)));
    expect(year).toMatchObject({
      period: '2025',
      fund_income_yuan: '124.45',
      fund_self_generated_yuan: '123.45',
      market_days_held: 0,
      petitions_received: 0,
    });
  });
});
