import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOfficeOpen, nextOpening, parseOfficeHours, workingMsBetween } from '../../../src/core/office-hours';
import { HOUR_MS } from '../../../src/core/time';
import {
  EntryAlreadyMade,
  HandoffNotAnswered,
  HandoffTaken,
  QueryNotFound,
  TooManyOpen,
} from '../../../src/features/faq/errors';
import { MAX_OPEN_PER_RESIDENT } from '../../../src/features/faq/policy';
import { createFaqService } from '../../../src/features/faq/service';
import { testPlatform } from '../../support/platform';
import { ADMIN, faqWorld, MON_10, OTHER, RESIDENT, STAFF_A, STAFF_B, type World } from './world';

const hours = (h: number) => h * HOUR_MS;
const TZ = 'Asia/Shanghai';

let w: World;
beforeEach(async () => {
  w = await faqWorld();
});
afterEach(() => w.h.close());

async function handedOff(text = '社区可以借轮椅吗？', at = MON_10) {
  w.clock.set(at);
  const q = await w.faq.questions.ask(RESIDENT, text, 'zh-CN');
  return w.faq.handoffs.request(RESIDENT, q.queryId);
}

describe('hand-off to staff', () => {
  it('goes to every staff member and admin once, even if the resident taps twice', async () => {
    const r = await handedOff();
    expect(r.created).toBe(true);
    expect(r.officeOpen).toBe(true);
    const again = await w.faq.handoffs.request(RESIDENT, r.handoff.queryId!);
    expect(again.created).toBe(false);
    const rows = await w.outbox('faq:handoff:');
    expect(rows.map((x) => x.chatId)).toEqual([STAFF_A, STAFF_B, ADMIN]);
    expect(rows.every((x) => x.category === 'staff')).toBe(true);
  });

  it('goes to the staff group only when one is configured', async () => {
    await handedOff('社区可以借轮椅吗？');
    const grouped = createFaqService(testPlatform(w.h.db, { clock: w.clock, env: { STAFF_CHAT_ID: '-100123' } }), {
      residents: w.residents,
    });
    const q = await w.faq.questions.ask(RESIDENT, '我家楼下的路灯坏了找谁', 'zh-CN');
    await grouped.handoffs.request(RESIDENT, q.queryId);
    expect((await w.outbox('faq:handoff:2:')).map((x) => x.chatId)).toEqual([-100123]);
  });

  it("nobody can hand off another resident's question", async () => {
    const q = await w.faq.questions.ask(RESIDENT, '社区可以借轮椅吗？', 'zh-CN');
    await expect(w.faq.handoffs.request(OTHER, q.queryId)).rejects.toBeInstanceOf(QueryNotFound);
  });

  it('on Friday evening the resident is told staff answer from Monday 08:30', async () => {
    const friEvening = new Date('2025-03-14T11:00:00Z'); // 19:00 in Shanghai
    const r = await handedOff('社区可以借轮椅吗？', friEvening);
    expect(r.officeOpen).toBe(false);
    expect(r.expectFrom.toISOString()).toBe('2025-03-17T00:30:00.000Z');
  });

  it(
    'a second staff member pressing reply is told who took it; ' +
      'the answer reaches the resident and the thread is kept',
    async () => {
      const { handoffs } = w.faq;
      const { handoff } = await handedOff();
      await handoffs.take(STAFF_A, handoff.id);
      await handoffs.take(STAFF_A, handoff.id); // pressing again is harmless
      await expect(handoffs.take(STAFF_B, handoff.id)).rejects.toMatchObject({
        code: 'faq.handoffTaken',
        params: { name: '小张' },
      });
      await expect(handoffs.answer(STAFF_B, handoff.id, '可以')).rejects.toBeInstanceOf(HandoffTaken);
      await handoffs.answer(STAFF_A, handoff.id, '可以，带身份证来办公室借。');
      expect(await w.outbox('faq:answer:')).toEqual([
        {
          dedupeKey: expect.stringMatching(/^faq:answer:1:/),
          chatId: RESIDENT,
          userId: RESIDENT,
          category: 'personal',
        },
      ]);
      expect((await handoffs.thread(handoff.id)).map((m) => [m.side, m.text])).toEqual([
        ['resident', '社区可以借轮椅吗？'],
        ['staff', '可以，带身份证来办公室借。'],
      ]);
      await expect(handoffs.take(STAFF_B, handoff.id)).rejects.toMatchObject({ code: 'faq.handoffAnswered' });
      expect(await handoffs.open()).toEqual([]);
    },
  );

  it(
    'an answered question becomes an entry under the wording staff chose, ' +
      'once, and the next resident gets it at once',
    async () => {
      const { handoffs } = w.faq;
      const { handoff } = await handedOff('我腿脚不好，社区有没有轮椅可以借用一下？');
      await expect(handoffs.makeEntry(STAFF_A, handoff.id, { question: '社区可以借轮椅吗？' })).rejects.toBeInstanceOf(
        HandoffNotAnswered,
      );
      await handoffs.answer(STAFF_A, handoff.id, '可以，带身份证来办公室借。');
      const e = await handoffs.makeEntry(STAFF_B, handoff.id, { question: '社区可以借轮椅吗？' });
      expect(e).toMatchObject({
        lang: 'zh-CN',
        category: 'other',
        question: '社区可以借轮椅吗？',
        answer: '可以，带身份证来办公室借。',
      });
      await expect(handoffs.makeEntry(STAFF_B, handoff.id, { question: '能借轮椅吗' })).rejects.toBeInstanceOf(
        EntryAlreadyMade,
      );
      const next = await w.faq.questions.ask(OTHER, '社区能借轮椅吗', 'zh-CN');
      expect(next.outcome).toBe('answer');
      expect(next.entries[0]?.id).toBe(e.id);
    },
  );

  it('a resident cannot have more than five questions waiting', async () => {
    for (let i = 0; i < MAX_OPEN_PER_RESIDENT; i++) await handedOff(`社区可以借轮椅吗 ${i}`);
    await expect(handedOff('社区可以借拐杖吗')).rejects.toBeInstanceOf(TooManyOpen);
  });

  it(
    'an open question is reminded after 4 working hours, ' + 'once per 4 hours, and a second run sends nothing more',
    async () => {
      const { handoffs } = w.faq;
      await handedOff(); // Monday 10:00
      expect(await handoffs.remindOverdue(new Date(MON_10.getTime() + hours(3.5)))).toBe(0);
      expect(await handoffs.remindOverdue(new Date(MON_10.getTime() + hours(4)))).toBe(3);
      expect(await handoffs.remindOverdue(new Date(MON_10.getTime() + hours(5)))).toBe(0);
      // Tuesday 10:00: Monday 10:00–17:30 and Tuesday 08:30–10:00 make 9 working hours, the second round.
      expect(await handoffs.remindOverdue(new Date(MON_10.getTime() + hours(24)))).toBe(3);
      expect((await w.outbox('faq:remind:')).map((r) => r.dedupeKey)).toEqual([
        `faq:remind:1:1:${STAFF_A}`,
        `faq:remind:1:1:${STAFF_B}`,
        `faq:remind:1:1:${ADMIN}`,
        `faq:remind:1:2:${STAFF_A}`,
        `faq:remind:1:2:${STAFF_B}`,
        `faq:remind:1:2:${ADMIN}`,
      ]);
    },
  );

  it('a question asked on Friday evening is not reminded over the weekend', async () => {
    const { handoffs } = w.faq;
    await handedOff('社区可以借轮椅吗？', new Date('2025-03-14T11:00:00Z'));
    expect(await handoffs.remindOverdue(new Date('2025-03-17T00:00:00Z'))).toBe(0); // Monday 08:00
    expect(await handoffs.remindOverdue(new Date('2025-03-17T04:30:00Z'))).toBe(3); // Monday 12:30
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
