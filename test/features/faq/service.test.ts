import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client';
import type { Db } from '../../../src/db/schema';
import { listAudit } from '../../../src/features/audit/store';
import { CSV_COLUMNS, entriesToCsv, inputsFromCsv, inputsFromJson } from '../../../src/features/faq/csv';
import { demoFaqEntries } from '../../../src/features/faq/demo-entries';
import * as entries from '../../../src/features/faq/entries';
import * as handoffs from '../../../src/features/faq/handoffs';
import { knowledgeOf, syncKnowledge } from '../../../src/features/faq/knowledge';
import { isOfficeOpen, nextOpening, parseOfficeHours, workingMsBetween } from '../../../src/core/office-hours';
import * as faq from '../../../src/features/faq/service';
import * as residents from '../../../src/features/residents/service';
import { freshDb } from '../../support/db';

// Monday 2025-03-10, 10:00 in Shanghai.
const MON_10 = new Date('2025-03-10T02:00:00Z');
const hours = (h: number) => h * 3_600_000;
const TZ = 'Asia/Shanghai';
const policy: handoffs.HandoffPolicy = { officeHours: parseOfficeHours('Mon-Fri 08:30-17:30', TZ), remindHours: 4 };

let h: DbHandle;
let db: Db;
const STAFF_A = 500;
const STAFF_B = 501;
const ADMIN = 502;
const RESIDENT = 100;
const OTHER = 101;

async function person(id: number, name: string, role?: 'staff' | 'admin') {
  await residents.touchUser(db, { id, first_name: name }, MON_10);
  if (role) await residents.grantRole(db, null, id, role, MON_10);
}

const demoInputs = () =>
  demoFaqEntries.flatMap((e) => [
    { key: e.key, lang: 'zh-CN', category: e.category, ...e.zh },
    { key: e.key, lang: 'en', category: e.category, ...e.en },
  ]);

const outbox = (prefix: string) =>
  db
    .selectFrom('deliveries')
    .select(['dedupe_key', 'chat_id', 'user_id', 'category'])
    .where('dedupe_key', 'like', `${prefix}%`)
    .orderBy('id')
    .execute();

beforeEach(async () => {
  h = await freshDb();
  db = h.db;
  await residents.seedDemoPlaces(db);
  await person(RESIDENT, '王阿姨');
  await person(OTHER, '李大爷');
  await residents.setHome(db, RESIDENT, (await residents.listCompounds(db))[0]!.id);
  await person(STAFF_A, '小张', 'staff');
  await person(STAFF_B, '小刘', 'staff');
  await person(ADMIN, '主任', 'admin');
  await entries.seedEntries(db, demoInputs(), MON_10);
});
afterEach(() => h.close());

describe('the knowledge base', () => {
  it('the demo has at least 40 questions in Chinese, each with an English version, and seeding twice adds nothing', async () => {
    expect(demoFaqEntries.length).toBeGreaterThanOrEqual(40);
    const all = await entries.allEntries(db);
    expect(all.filter((e) => e.lang === 'zh-CN')).toHaveLength(demoFaqEntries.length);
    expect(all.filter((e) => e.lang === 'en')).toHaveLength(demoFaqEntries.length);
    expect(await entries.seedEntries(db, demoInputs(), MON_10)).toBe(0);
    expect(await entries.allEntries(db)).toHaveLength(all.length);
  });

  it('a resident asking when relief is handed out gets that answer, and the entry counts the hit', async () => {
    const r = await faq.ask(db, RESIDENT, '救助物资几号领？', 'zh-CN', MON_10);
    expect(r.outcome).toBe('answer');
    expect(r.entries[0]?.key).toBe('relief-when');
    expect((await entries.getEntry(db, r.entries[0]!.id)).hits).toBe(1);
  });

  it('a staff-added entry is found at once, an edit changes the answer given, and a deleted one is no longer found', async () => {
    expect((await faq.ask(db, RESIDENT, '社区可以借轮椅吗？', 'zh-CN', MON_10)).outcome).toBe('none');
    const e = await entries.addEntry(
      db,
      STAFF_A,
      {
        lang: 'zh-CN',
        category: 'other',
        question: '社区可以借轮椅吗？',
        phrasings: ['哪里能借到轮椅'],
        keywords: ['轮椅'],
        answer: '可以，带身份证到社区办公室登记借用。',
      },
      MON_10,
    );
    let r = await faq.ask(db, OTHER, '社区能借轮椅吗', 'zh-CN', MON_10);
    expect(r.outcome).toBe('answer');
    expect(r.entries[0]?.id).toBe(e.id);
    await entries.updateEntry(db, STAFF_A, e.id, { answer: '可以，免费借用两周。' }, MON_10);
    r = await faq.ask(db, OTHER, '社区能借轮椅吗', 'zh-CN', MON_10);
    expect(r.entries[0]?.answer).toBe('可以，免费借用两周。');
    await entries.deleteEntry(db, STAFF_A, e.id, MON_10);
    expect((await faq.ask(db, OTHER, '社区能借轮椅吗', 'zh-CN', MON_10)).outcome).toBe('none');
    expect((await listAudit(db, { actorId: STAFF_A })).map((a) => a.action)).toEqual([
      'faq.delete',
      'faq.edit',
      'faq.add',
    ]);
  });

  it('a question that is too short, an answer that is empty or an unknown category is refused and nothing is saved', async () => {
    const before = (await entries.allEntries(db)).length;
    const base = {
      lang: 'zh-CN',
      category: 'other',
      question: '社区可以借轮椅吗？',
      phrasings: [],
      keywords: [],
      answer: '可以。',
    };
    await expect(entries.addEntry(db, STAFF_A, { ...base, question: '轮' }, MON_10)).rejects.toBeInstanceOf(
      entries.InvalidQuestion,
    );
    await expect(entries.addEntry(db, STAFF_A, { ...base, answer: '  ' }, MON_10)).rejects.toBeInstanceOf(
      entries.InvalidAnswer,
    );
    await expect(entries.addEntry(db, STAFF_A, { ...base, category: 'weather' }, MON_10)).rejects.toBeInstanceOf(
      entries.InvalidCategory,
    );
    await expect(
      entries.addEntry(db, STAFF_A, { ...base, phrasings: Array.from({ length: 21 }, (_, i) => `问法${i}`) }, MON_10),
    ).rejects.toBeInstanceOf(entries.InvalidPhrasings);
    expect(await entries.allEntries(db)).toHaveLength(before);
  });

  it('a change made by another process (the import command) is picked up by the running index', async () => {
    await knowledgeOf(db);
    const at = MON_10.toISOString();
    await db
      .insertInto('faq_entries')
      .values({
        key: 'outside',
        lang: 'zh-CN',
        category: 'other',
        question: '社区可以借轮椅吗？',
        answer: '可以。',
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    expect((await faq.ask(db, RESIDENT, '社区可以借轮椅吗', 'zh-CN', MON_10)).outcome).toBe('none');
    expect(await syncKnowledge(db)).toBe(true);
    expect((await faq.ask(db, RESIDENT, '社区可以借轮椅吗', 'zh-CN', MON_10)).outcome).toBe('answer');
    expect(await syncKnowledge(db)).toBe(false);
  });

  it('hit and feedback counters do not make the index rebuild', async () => {
    await knowledgeOf(db);
    const r = await faq.ask(db, RESIDENT, '救助物资几号领？', 'zh-CN', MON_10);
    await faq.giveFeedback(db, RESIDENT, r.queryId, true);
    expect(await syncKnowledge(db)).toBe(false);
  });
});

describe('asking and feedback', () => {
  it('thank-yous and single characters are small talk, a real question is not', () => {
    for (const s of ['谢谢', '好的', '嗯', 'ok', '👍']) expect(faq.isSmallTalk(s), s).toBe(true);
    for (const s of ['磨刀', '救助物资几号领', 'How do I donate?']) expect(faq.isSmallTalk(s), s).toBe(false);
  });

  it("a vote counts once, and nobody can vote on or pick from another resident's question", async () => {
    const r = await faq.ask(db, RESIDENT, '救助物资几号领？', 'zh-CN', MON_10);
    await expect(faq.giveFeedback(db, OTHER, r.queryId, false)).rejects.toBeInstanceOf(faq.QueryNotFound);
    await expect(faq.choose(db, OTHER, r.queryId, r.entries[0]!.id)).rejects.toBeInstanceOf(faq.QueryNotFound);
    expect(await faq.giveFeedback(db, RESIDENT, r.queryId, false)).toBe(true);
    expect(await faq.giveFeedback(db, RESIDENT, r.queryId, false)).toBe(false);
    const e = await entries.getEntry(db, r.entries[0]!.id);
    expect([e.helpful, e.unhelpful]).toEqual([0, 1]);
  });

  it('an unclear question offers a few likely questions, and the one picked is counted', async () => {
    const r = await faq.ask(db, RESIDENT, '领东西', 'zh-CN', MON_10);
    expect(r.outcome).toBe('choices');
    expect(r.entries.length).toBeGreaterThan(1);
    expect(r.entries.length).toBeLessThanOrEqual(4);
    const picked = await faq.choose(db, RESIDENT, r.queryId, r.entries[1]!.id);
    expect((await entries.getEntry(db, picked.id)).hits).toBe(1);
  });

  it('a question longer than 500 characters is refused', async () => {
    await expect(faq.ask(db, RESIDENT, '问'.repeat(501), 'zh-CN', MON_10)).rejects.toBeInstanceOf(faq.QuestionTooLong);
  });
});

describe('hand-off to staff', () => {
  async function handedOff(text = '社区可以借轮椅吗？', at = MON_10) {
    const q = await faq.ask(db, RESIDENT, text, 'zh-CN', at);
    return handoffs.requestHandoff(db, RESIDENT, q.queryId, policy, at);
  }

  it('goes to every staff member and admin once, even if the resident taps twice', async () => {
    const r = await handedOff();
    expect(r.created).toBe(true);
    expect(r.officeOpen).toBe(true);
    const again = await handoffs.requestHandoff(db, RESIDENT, r.handoff.query_id!, policy, MON_10);
    expect(again.created).toBe(false);
    const rows = await outbox('faq:handoff:');
    expect(rows.map((x) => x.chat_id)).toEqual([STAFF_A, STAFF_B, ADMIN]);
    expect(rows.every((x) => x.category === 'staff')).toBe(true);
  });

  it('goes to the staff group only when one is configured', async () => {
    await handedOff('社区可以借轮椅吗？');
    const q = await faq.ask(db, RESIDENT, '我家楼下的路灯坏了找谁', 'zh-CN', MON_10);
    await handoffs.requestHandoff(db, RESIDENT, q.queryId, { ...policy, staffChatId: -100123 }, MON_10);
    expect((await outbox('faq:handoff:2:')).map((x) => x.chat_id)).toEqual([-100123]);
  });

  it("nobody can hand off another resident's question", async () => {
    const q = await faq.ask(db, RESIDENT, '社区可以借轮椅吗？', 'zh-CN', MON_10);
    await expect(handoffs.requestHandoff(db, OTHER, q.queryId, policy, MON_10)).rejects.toBeInstanceOf(
      faq.QueryNotFound,
    );
  });

  it('on Friday evening the resident is told staff answer from Monday 08:30', async () => {
    const friEvening = new Date('2025-03-14T11:00:00Z'); // 19:00 in Shanghai
    const r = await handedOff('社区可以借轮椅吗？', friEvening);
    expect(r.officeOpen).toBe(false);
    expect(r.expectFrom.toISOString()).toBe('2025-03-17T00:30:00.000Z');
  });

  it('a second staff member pressing reply is told who took it; the answer reaches the resident and the thread is kept', async () => {
    const { handoff } = await handedOff();
    await handoffs.takeHandoff(db, STAFF_A, handoff.id, MON_10);
    await handoffs.takeHandoff(db, STAFF_A, handoff.id, MON_10); // pressing again is harmless
    await expect(handoffs.takeHandoff(db, STAFF_B, handoff.id, MON_10)).rejects.toMatchObject({
      code: 'faq.handoffTaken',
      params: { name: '小张' },
    });
    await expect(handoffs.answerHandoff(db, STAFF_B, handoff.id, '可以', MON_10)).rejects.toBeInstanceOf(
      handoffs.HandoffTaken,
    );
    await handoffs.answerHandoff(db, STAFF_A, handoff.id, '可以，带身份证来办公室借。', MON_10);
    expect(await outbox('faq:answer:')).toEqual([
      {
        dedupe_key: expect.stringMatching(/^faq:answer:1:/),
        chat_id: RESIDENT,
        user_id: RESIDENT,
        category: 'personal',
      },
    ]);
    expect((await handoffs.threadOf(db, handoff.id)).map((m) => [m.side, m.text])).toEqual([
      ['resident', '社区可以借轮椅吗？'],
      ['staff', '可以，带身份证来办公室借。'],
    ]);
    await expect(handoffs.takeHandoff(db, STAFF_B, handoff.id, MON_10)).rejects.toMatchObject({
      code: 'faq.handoffAnswered',
    });
    expect(await handoffs.openHandoffs(db)).toEqual([]);
  });

  it('an answered question becomes an entry under the wording staff chose, once, and the next resident gets it at once', async () => {
    const { handoff } = await handedOff('我腿脚不好，社区有没有轮椅可以借用一下？');
    await expect(
      handoffs.entryFromHandoff(db, STAFF_A, handoff.id, '社区可以借轮椅吗？', MON_10),
    ).rejects.toBeInstanceOf(handoffs.HandoffNotAnswered);
    await handoffs.answerHandoff(db, STAFF_A, handoff.id, '可以，带身份证来办公室借。', MON_10);
    const e = await handoffs.entryFromHandoff(db, STAFF_B, handoff.id, '社区可以借轮椅吗？', MON_10);
    expect(e).toMatchObject({
      lang: 'zh-CN',
      category: 'other',
      question: '社区可以借轮椅吗？',
      answer: '可以，带身份证来办公室借。',
    });
    await expect(handoffs.entryFromHandoff(db, STAFF_B, handoff.id, '能借轮椅吗', MON_10)).rejects.toBeInstanceOf(
      handoffs.EntryAlreadyMade,
    );
    const next = await faq.ask(db, OTHER, '社区能借轮椅吗', 'zh-CN', MON_10);
    expect(next.outcome).toBe('answer');
    expect(next.entries[0]?.id).toBe(e.id);
  });

  it('a resident cannot have more than five questions waiting', async () => {
    for (let i = 0; i < handoffs.MAX_OPEN_PER_RESIDENT; i++) await handedOff(`社区可以借轮椅吗 ${i}`);
    await expect(handedOff('社区可以借拐杖吗')).rejects.toBeInstanceOf(handoffs.TooManyOpen);
  });

  it('an open question is reminded after 4 working hours, once per 4 hours, and a second run sends nothing more', async () => {
    await handedOff(); // Monday 10:00
    expect(await handoffs.remindOverdue(db, policy, new Date(MON_10.getTime() + hours(3.5)))).toBe(0);
    expect(await handoffs.remindOverdue(db, policy, new Date(MON_10.getTime() + hours(4)))).toBe(3);
    expect(await handoffs.remindOverdue(db, policy, new Date(MON_10.getTime() + hours(5)))).toBe(0);
    // Tuesday 10:00: Monday 10:00–17:30 and Tuesday 08:30–10:00 make 9 working hours, the second round.
    expect(await handoffs.remindOverdue(db, policy, new Date(MON_10.getTime() + hours(24)))).toBe(3);
    expect((await outbox('faq:remind:')).map((r) => r.dedupe_key)).toEqual([
      `faq:remind:1:1:${STAFF_A}`,
      `faq:remind:1:1:${STAFF_B}`,
      `faq:remind:1:1:${ADMIN}`,
      `faq:remind:1:2:${STAFF_A}`,
      `faq:remind:1:2:${STAFF_B}`,
      `faq:remind:1:2:${ADMIN}`,
    ]);
  });

  it('a question asked on Friday evening is not reminded over the weekend', async () => {
    await handedOff('社区可以借轮椅吗？', new Date('2025-03-14T11:00:00Z'));
    expect(await handoffs.remindOverdue(db, policy, new Date('2025-03-17T00:00:00Z'))).toBe(0); // Monday 08:00
    expect(await handoffs.remindOverdue(db, policy, new Date('2025-03-17T04:30:00Z'))).toBe(3); // Monday 12:30
  });
});

describe('office hours', () => {
  const oh = parseOfficeHours('Mon-Fri 08:30-17:30', TZ);

  it('are open on a weekday morning and closed on Saturday', () => {
    expect(isOfficeOpen(MON_10, oh)).toBe(true);
    expect(isOfficeOpen(new Date('2025-03-15T02:00:00Z'), oh)).toBe(false);
    expect(isOfficeOpen(new Date('2025-03-10T09:30:00Z'), oh)).toBe(false); // 17:30 sharp
  });

  it('count only working time between two instants', () => {
    // Friday 16:30 → Monday 10:30: one hour on Friday, two on Monday.
    expect(workingMsBetween(new Date('2025-03-14T08:30:00Z'), new Date('2025-03-17T02:30:00Z'), oh)).toBe(hours(3));
    expect(nextOpening(new Date('2025-03-15T02:00:00Z'), oh).toISOString()).toBe('2025-03-17T00:30:00.000Z');
  });

  it('may wrap the week', () => {
    const weekend = parseOfficeHours('Sat-Mon 09:00-12:00', TZ);
    expect([...weekend.days].sort()).toEqual([0, 1, 6]);
  });
});

describe('import and export', () => {
  it('the export opens in Excel and imports back unchanged', async () => {
    const before = await entries.allEntries(db);
    const csv = entriesToCsv(before);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = inputsFromCsv(`\ufeff${csv}`);
    expect(rows).toHaveLength(before.length);
    const r = await entries.importEntries(db, null, rows, MON_10);
    expect(r).toEqual({ added: 0, updated: before.length });
    expect((await entries.allEntries(db)).map(({ hits: _h, ...e }) => e)).toEqual(
      before.map(({ hits: _h, ...e }) => e),
    );
  });

  it('a cell that Excel would run as a formula is neutralised and still imports as written', async () => {
    const e = await entries.addEntry(
      db,
      STAFF_A,
      {
        lang: 'en',
        category: 'other',
        question: '=1+1 is what?',
        phrasings: [],
        keywords: [],
        answer: '-2 degrees is cold',
      },
      MON_10,
    );
    const csv = entriesToCsv([e]);
    expect(csv).toContain("'=1+1 is what?");
    const [row] = inputsFromCsv(csv);
    expect(row?.input).toMatchObject({ question: '=1+1 is what?', answer: '-2 degrees is cold' });
  });

  it('a file with one bad row imports nothing and names the row', async () => {
    const before = (await entries.allEntries(db)).length;
    const csv =
      'key,lang,category,question,phrasings,keywords,answer\r\nwheel,zh-CN,other,社区可以借轮椅吗？,能借轮椅吗|哪里借轮椅,轮椅,可以。\r\nbad,zh-CN,weather,今天下雨吗,,,不知道\r\n';
    try {
      await entries.importEntries(db, null, inputsFromCsv(csv), MON_10);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(entries.ImportRejected);
      expect((err as entries.ImportRejected).errors).toEqual([{ row: 3, message: 'faq.invalidCategory' }]);
    }
    expect(await entries.allEntries(db)).toHaveLength(before);
    const ok = await entries.importEntries(db, null, inputsFromCsv(csv.split('\r\n').slice(0, 2).join('\r\n')), MON_10);
    expect(ok).toEqual({ added: 1, updated: 0 });
    expect((await faq.ask(db, RESIDENT, '哪里借轮椅', 'zh-CN', MON_10)).outcome).toBe('answer');
  });

  it('a JSON file takes lists as arrays or as text', () => {
    const rows = inputsFromJson(
      JSON.stringify([
        {
          lang: 'en',
          category: 'other',
          question: 'Wheelchair?',
          answer: 'Yes.',
          phrasings: ['Can I borrow a wheelchair'],
          keywords: 'wheelchair, loan',
        },
      ]),
    );
    expect(rows[0]?.input).toMatchObject({
      phrasings: ['Can I borrow a wheelchair'],
      keywords: ['wheelchair', 'loan'],
    });
  });

  it("the revision counter is the database's own, not bumped by hits", async () => {
    const rev = async () => (await sql<{ n: number }>`select n from faq_revision`.execute(db)).rows[0]!.n;
    const r0 = await rev();
    await faq.ask(db, RESIDENT, '救助物资几号领？', 'zh-CN', MON_10);
    expect(await rev()).toBe(r0);
    await entries.updateEntry(db, STAFF_A, 1, { answer: '每月5号。' }, MON_10);
    expect(await rev()).toBe(r0 + 1);
  });
});
