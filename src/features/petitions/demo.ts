import { DAY_MS } from '../../core/time';
import type { Platform } from '../../platform';
import type { ResidentsService } from '../residents/service';
import type { Category, PetitionStatus, PetitionsPolicy } from './policy';
import * as store from './store';

export const DEMO_DEPARTMENTS = [
  ['水务局', 'Water Affairs Bureau'],
  ['交通局', 'Transport Bureau'],
  ['住建局', 'Housing and Construction Bureau'],
  ['城管局', 'Urban Management Bureau'],
  ['消防救援大队', 'Fire and Rescue Brigade'],
  ['供电公司', 'Power Supply Company'],
] as const;

/** Demo residents: negative ids, which Telegram never gives a person, marked unreachable so nothing is sent to them. */
export const DEMO_RESIDENTS = [
  { id: -9_100_000_001, firstName: '肖大爷', compound: '肖明组' },
  { id: -9_100_000_002, firstName: '王阿姨', compound: '幸福里' },
  { id: -9_100_000_003, firstName: '李师傅', compound: '铁路新村' },
  { id: -9_100_000_004, firstName: '陈奶奶', compound: '肖明组' },
] as const;
type DemoResident = (typeof DEMO_RESIDENTS)[number];

interface DemoPetition {
  by: DemoResident;
  compound: string;
  category: Category;
  place: string;
  filedDaysAgo: number;
  showName: boolean;
  description: string;
  status: PetitionStatus;
  department: string | null;
  note: string | null;
  occurrences: number;
  cosigners: DemoResident[];
  latitude: number | null;
  longitude: number | null;
}

const DEMO_PETITIONS: DemoPetition[] = [
  {
    by: DEMO_RESIDENTS[0],
    compound: '肖明组',
    category: 'roads',
    place: '肖明组铁路涵洞',
    filedDaysAgo: 12,
    showName: true,
    description:
      '肖明组的铁路涵洞一下雨就积水，水深到膝盖，电动车和行人都过不去。' +
      '每天一千多人上下班要从这里走，只能绕很远的路。',
    status: 'transferred',
    department: '水务局',
    note: null,
    occurrences: 3,
    cosigners: [DEMO_RESIDENTS[3]],
    latitude: 27.8705,
    longitude: 113.1702,
  },
  {
    by: DEMO_RESIDENTS[1],
    compound: '幸福里',
    category: 'safety',
    place: '幸福里 3 栋一楼消防通道',
    filedDaysAgo: 1,
    showName: false,
    description: '3 栋一楼的消防通道被杂物和电动车堵死了，真着火了人出不去。',
    status: 'submitted',
    department: null,
    note: null,
    occurrences: 0,
    cosigners: [],
    latitude: null,
    longitude: null,
  },
  {
    by: DEMO_RESIDENTS[2],
    compound: '铁路新村',
    category: 'facilities',
    place: '铁路新村东门路口',
    filedDaysAgo: 20,
    showName: true,
    description: '东门路口的路灯坏了一个多月，晚上一片黑，老人出门不安全。',
    status: 'resolved',
    department: '供电公司',
    note: '供电公司已更换灯具，路灯恢复照明。',
    occurrences: 0,
    cosigners: [],
    latitude: null,
    longitude: null,
  },
];

/**
 * Departments and three demo petitions (the 肖明组 culvert, a blocked fire exit, a broken street light), filed by demo
 * residents. Nothing is forwarded: demo rows must not message real staff. Safe to run twice; returns how many
 * petitions were added.
 */
export async function seedDemoPetitions(
  { db, clock, identity }: Pick<Platform, 'db' | 'clock' | 'identity'>,
  residents: ResidentsService,
  limits: Pick<PetitionsPolicy, 'ackDays' | 'answerDays'>,
): Promise<number> {
  const now = clock.now();
  for (const [zh, en] of DEMO_DEPARTMENTS) await store.upsertDepartment(db, { nameZh: zh, nameEn: en });
  const compounds = await residents.compounds();
  const compoundOf = (name: string) => compounds.find((c) => c.nameZh === name);
  for (const r of DEMO_RESIDENTS) {
    await identity.touch({ id: r.id, first_name: r.firstName, language_code: 'zh-hans' });
    const c = compoundOf(r.compound);
    if (c) await residents.setHome(r.id, c.id);
    await identity.setReachable(r.id, false);
  }
  const departments = await store.listDepartments(db);
  const categories = await store.listCategories(db, { retired: true });
  const dept = (zh: string) => departments.find((d) => d.nameZh === zh)?.id ?? null;
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  let added = 0;
  for (const d of DEMO_PETITIONS) {
    if (await store.hasPetitionWithDescription(db, d.by.id, d.description)) continue;
    const compound = compoundOf(d.compound);
    const filed = ago(d.filedDaysAgo);
    const at = filed.toISOString();
    const ackAt = new Date(filed.getTime() + DAY_MS).toISOString();
    const answered = d.status === 'resolved' ? ago(2).toISOString() : null;
    const departmentId = d.department ? dept(d.department) : null;
    const category = categories.find((c) => c.code === d.category);
    const categoryName = { nameZh: category?.nameZh ?? d.category, nameEn: category?.nameEn ?? d.category };
    await db.transaction().execute(async (trx) => {
      const id = await store.insertPetition(trx, {
        petitionerId: d.by.id,
        communityId: compound?.communityId ?? null,
        compoundId: compound?.id ?? null,
        category: d.category,
        categoryName,
        place: d.place,
        latitude: d.latitude,
        longitude: d.longitude,
        description: d.description,
        showName: d.showName,
        status: d.status,
        departmentId,
        statusNote: d.note,
        createdAt: at,
        updatedAt: answered ?? at,
        ackDueAt: new Date(filed.getTime() + limits.ackDays * DAY_MS).toISOString(),
        answerDueAt: new Date(filed.getTime() + limits.answerDays * DAY_MS).toISOString(),
        acknowledgedAt: d.status === 'submitted' ? null : ackAt,
        answeredAt: answered,
        occurrences: d.occurrences,
        solved: answered ? 'yes' : null,
        satisfaction: answered ? 5 : null,
        feedbackAt: answered,
        // open ones are looked at by the next deadlines run, which works out what is still ahead
        alertDueAt: answered ? null : now.toISOString(),
      });
      await store.insertFollower(trx, {
        petitionId: id,
        userId: d.by.id,
        kind: 'owner',
        showName: d.showName,
        createdAt: at,
      });
      await store.insertEvent(trx, { petitionId: id, at, actorId: d.by.id, kind: 'filed', status: 'submitted' });
      for (const c of d.cosigners) {
        await store.insertFollower(trx, {
          petitionId: id,
          userId: c.id,
          kind: 'cosigner',
          showName: true,
          createdAt: at,
        });
        await store.insertEvent(trx, { petitionId: id, at, actorId: c.id, kind: 'cosigned' });
      }
      if (d.status !== 'submitted')
        await store.insertEvent(trx, {
          petitionId: id,
          at: ackAt,
          actorId: null,
          kind: 'acknowledged',
          status: 'accepted',
        });
      for (let i = 0; i < d.occurrences; i++) {
        const on = ago(d.filedDaysAgo - 2 - i * 3).toISOString();
        await store.insertEvent(trx, {
          petitionId: id,
          at: on,
          actorId: d.by.id,
          kind: 'occurrence',
          occurredOn: on.slice(0, 10),
        });
      }
      if (d.department)
        await store.insertEvent(trx, {
          petitionId: id,
          at: answered ?? ackAt,
          actorId: null,
          kind: 'status',
          status: d.status,
          departmentId,
          text: d.note,
        });
    });
    added++;
  }
  return added;
}
