import type { Db } from '../../db/schema';
import { listCompounds, setHome, setReachable, touchUser } from '../residents/service';
import * as store from './store';

const DAY_MS = 86_400_000;

export const DEMO_DEPARTMENTS = [
  ['水务局', 'Water Affairs Bureau'],
  ['交通局', 'Transport Bureau'],
  ['住建局', 'Housing and Construction Bureau'],
  ['城管局', 'Urban Management Bureau'],
  ['消防救援大队', 'Fire and Rescue Brigade'],
  ['供电公司', 'Power Supply Company'],
] as const;

/** Demo residents: negative ids, which Telegram never gives a person, marked unreachable so nothing is ever sent to them. */
export const DEMO_RESIDENTS = [
  { id: -9_100_000_001, first_name: '肖大爷', compound: '肖明组' },
  { id: -9_100_000_002, first_name: '王阿姨', compound: '幸福里' },
  { id: -9_100_000_003, first_name: '李师傅', compound: '铁路新村' },
  { id: -9_100_000_004, first_name: '陈奶奶', compound: '肖明组' },
];

/**
 * Departments and three demo petitions (the 肖明组 culvert, a blocked fire exit, a broken street light), filed by demo
 * residents. Nothing is forwarded: demo rows must not message real staff. Safe to run twice.
 */
export async function seedDemoPetitions(
  db: Db,
  now: Date,
  limits: { ackDays: number; answerDays: number },
): Promise<number> {
  for (const [zh, en] of DEMO_DEPARTMENTS) await store.upsertDepartment(db, { name_zh: zh, name_en: en });
  const compounds = await listCompounds(db);
  const compoundOf = (name: string) => compounds.find((c) => c.name_zh === name);
  for (const r of DEMO_RESIDENTS) {
    await touchUser(db, { id: r.id, first_name: r.first_name, language_code: 'zh-hans' }, now);
    const c = compoundOf(r.compound);
    if (c) await setHome(db, r.id, c.id);
    await setReachable(db, r.id, false);
  }
  const departments = await store.listDepartments(db);
  const dept = (zh: string) => departments.find((d) => d.name_zh === zh)?.id ?? null;
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const demo = [
    {
      by: DEMO_RESIDENTS[0]!,
      compound: '肖明组',
      category: 'roads',
      place: '肖明组铁路涵洞',
      filedDaysAgo: 12,
      showName: true,
      description:
        '肖明组的铁路涵洞一下雨就积水，水深到膝盖，电动车和行人都过不去。每天一千多人上下班要从这里走，只能绕很远的路。',
      status: 'transferred',
      department: '水务局',
      note: null as string | null,
      occurrences: 3,
      cosigners: [DEMO_RESIDENTS[3]!],
      latitude: 27.8705,
      longitude: 113.1702,
    },
    {
      by: DEMO_RESIDENTS[1]!,
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
      by: DEMO_RESIDENTS[2]!,
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
  let added = 0;
  for (const d of demo) {
    if (await store.findPetitionByDescription(db, d.by.id, d.description)) continue;
    const compound = compoundOf(d.compound);
    const filed = ago(d.filedDaysAgo);
    const at = filed.toISOString();
    const ackAt = new Date(filed.getTime() + DAY_MS).toISOString();
    const answered = d.status === 'resolved' ? ago(2).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      const id = await store.insertPetition(trx, {
        petitioner_id: d.by.id,
        community_id: compound?.community_id ?? null,
        compound_id: compound?.id ?? null,
        category: d.category,
        place: d.place,
        latitude: d.latitude,
        longitude: d.longitude,
        description: d.description,
        show_name: d.showName ? 1 : 0,
        status: d.status,
        department_id: d.department ? dept(d.department) : null,
        status_note: d.note,
        created_at: at,
        updated_at: answered ?? at,
        ack_due_at: new Date(filed.getTime() + limits.ackDays * DAY_MS).toISOString(),
        answer_due_at: new Date(filed.getTime() + limits.answerDays * DAY_MS).toISOString(),
        acknowledged_at: d.status === 'submitted' ? null : ackAt,
        acknowledged_by: null,
        answered_at: answered,
        answered_by: null,
        occurrences: d.occurrences,
        solved: answered ? 'yes' : null,
        satisfaction: answered ? 5 : null,
        feedback_at: answered,
      });
      await store.insertFollower(trx, {
        petition_id: id,
        user_id: d.by.id,
        kind: 'owner',
        show_name: d.showName ? 1 : 0,
        created_at: at,
      });
      await store.insertEvent(trx, { petition_id: id, at, actor_id: d.by.id, kind: 'filed', status: 'submitted' });
      for (const c of d.cosigners) {
        await store.insertFollower(trx, {
          petition_id: id,
          user_id: c.id,
          kind: 'cosigner',
          show_name: 1,
          created_at: at,
        });
        await store.insertEvent(trx, { petition_id: id, at, actor_id: c.id, kind: 'cosigned' });
      }
      if (d.status !== 'submitted')
        await store.insertEvent(trx, {
          petition_id: id,
          at: ackAt,
          actor_id: null,
          kind: 'acknowledged',
          status: 'accepted',
        });
      for (let i = 0; i < d.occurrences; i++) {
        await store.insertEvent(trx, {
          petition_id: id,
          at: ago(d.filedDaysAgo - 2 - i * 3).toISOString(),
          actor_id: d.by.id,
          kind: 'occurrence',
          occurred_on: ago(d.filedDaysAgo - 2 - i * 3)
            .toISOString()
            .slice(0, 10),
        });
      }
      if (d.department) {
        await store.insertEvent(trx, {
          petition_id: id,
          at: answered ?? ackAt,
          actor_id: null,
          kind: 'status',
          status: d.status,
          department_id: dept(d.department),
          text: d.note,
        });
      }
    });
    added++;
  }
  return added;
}
