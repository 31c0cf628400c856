import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../../src/core/time';
import { faqJobs } from '../../../src/features/faq/jobs';
import { createFaqService } from '../../../src/features/faq/service';
import { testPlatform } from '../../support/platform';
import { ADMIN, faqWorld, MON_10, RESIDENT, STAFF_A, STAFF_B, type World } from './world';

// The hand-off cards staff hold, updated in place through the outbox, and the reminder job's bookkeeping.

const hours = (h: number) => h * HOUR_MS;

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

describe('the cards staff hold (issue 13 item 2)', () => {
  /** The newest card update queued for each chat, as the worker will edit it in. */
  async function updates(suffix: string) {
    const rows = await w.platform.outbox.list({ dedupePrefix: 'faq:' });
    return rows
      .filter((r) => r.dedupeKey.endsWith(`:${suffix}`))
      .map((r) => {
        const c = r.content as { key: string; replaces?: string; buttons?: { data: string }[][] };
        return { chatId: r.chatId, replaces: c.replaces, buttons: (c.buttons ?? []).flat().map((b) => b.data) };
      });
  }

  it('say who took a question, and only the one who took it keeps the reply button', async () => {
    const { handoff } = await handedOff();
    await w.faq.handoffs.take(STAFF_A, handoff.id);
    expect(await updates('taken')).toEqual([
      { chatId: STAFF_A, replaces: `faq:handoff:1:${STAFF_A}`, buttons: ['fq:r:1'] },
      { chatId: STAFF_B, replaces: `faq:handoff:1:${STAFF_B}`, buttons: [] },
      { chatId: ADMIN, replaces: `faq:handoff:1:${ADMIN}`, buttons: [] },
    ]);
    await w.faq.handoffs.take(STAFF_A, handoff.id); // pressing again changes nothing
    expect(await updates('taken')).toHaveLength(3);
    await w.faq.handoffs.answer(STAFF_A, handoff.id, '可以，带身份证来办公室借。');
    expect((await updates('answered')).map((u) => u.buttons)).toEqual([['fq:n:1'], ['fq:n:1'], ['fq:n:1']]);
  });

  it('in the staff group the one card keeps the reply button for whoever took it', async () => {
    const grouped = createFaqService(testPlatform(w.h.db, { clock: w.clock, env: { STAFF_CHAT_ID: '-100123' } }), {
      residents: w.residents,
    });
    const q = await grouped.questions.ask(RESIDENT, '社区可以借轮椅吗？', 'zh-CN');
    const { handoff } = await grouped.handoffs.request(RESIDENT, q.queryId);
    await grouped.handoffs.take(STAFF_B, handoff.id);
    expect(await updates('taken')).toEqual([
      { chatId: -100123, replaces: `faq:handoff:${handoff.id}:-100123`, buttons: [`fq:r:${handoff.id}`] },
    ]);
  });

  it('are updated only where a card went out: a staff member who joined later gets no stray card', async () => {
    const { handoff } = await handedOff();
    await w.platform.identity.touch({ id: 503, first_name: '新同事' });
    await w.platform.identity.grant(null, 503, 'staff');
    await w.faq.handoffs.answer(STAFF_A, handoff.id, '可以，带身份证来办公室借。');
    expect((await updates('answered')).map((u) => u.chatId)).toEqual([STAFF_A, STAFF_B, ADMIN]);
  });
});

describe('the reminder job (issue 20)', () => {
  async function rowCounts(): Promise<Record<string, number>> {
    // Kysely's introspection: the same list of tables on SQLite and PostgreSQL
    const tables = await w.h.db.introspection.getTables();
    const out: Record<string, number> = {};
    for (const { name } of tables)
      out[name] = Number(
        (await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(w.h.db)).rows[0]!.n,
      );
    return out;
  }

  it('run twice in a row adds no rows anywhere the second time', async () => {
    await handedOff();
    await handedOff('小区门口的路灯坏了找谁');
    const due = new Date(MON_10.getTime() + hours(5));
    expect(await w.faq.handoffs.remindOverdue(due)).toBe(6);
    const after = await rowCounts();
    expect(await w.faq.handoffs.remindOverdue(due)).toBe(0);
    expect(await rowCounts()).toEqual(after);
  });

  it('every FAQ job run twice in a row adds no rows anywhere the second time', async () => {
    await handedOff();
    const now = new Date(MON_10.getTime() + hours(5));
    const jobs = faqJobs(w.faq, w.platform.log);
    for (const j of jobs) await j.run(now);
    const after = await rowCounts();
    for (const j of jobs) await j.run(now);
    expect(await rowCounts()).toEqual(after);
  });

  it('never reminds a round again after the outbox pruned its rows', async () => {
    await handedOff();
    const due = new Date(MON_10.getTime() + hours(5));
    expect(await w.faq.handoffs.remindOverdue(due)).toBe(3);
    await w.h.db.deleteFrom('deliveries').where('dedupe_key', 'like', 'faq:remind:%').execute();
    expect(await w.faq.handoffs.remindOverdue(due)).toBe(0);
    expect(await w.faq.handoffs.remindOverdue(new Date(MON_10.getTime() + hours(24)))).toBe(3); // the next round
  });
});
