// The FAQ: per-compound answers staff added over the years, 300,000 questions residents typed (each logged), and
// the hand-offs to staff with their conversations; a few from the last days still open.
import { HANDOFF_ANSWERS } from '../texts';
import { ANCHOR_MS, type Ctx, DAY_MS, iso, SIZE } from '../world';
import { inserter } from './sql';

const HOUR = 3_600_000;
const MIN = 60_000;
const UNKNOWN = [
  '我家猫丢了怎么办',
  '哪里可以办老年卡',
  '社区有没有钢琴课',
  '电动车上牌在哪里',
  'where can I renew my visa',
];

export function faq(ctx: Ctx) {
  const { db, r } = ctx;
  const entry = inserter(db, 'faq_entries');
  db.transaction(() => {
    for (const c of ctx.compounds) {
      const topics: [string, string, string, string][] = [
        [
          'phone',
          `${c.nameZh}的物业电话是多少？`,
          `What is the phone number of the ${c.nameZh} property office?`,
          `${c.nameZh}物业服务中心电话：0731-${r.digits(8)}，工作日 8:00–18:00。`,
        ],
        [
          'bins',
          `${c.nameZh}垃圾几点扔？`,
          `When are the bins collected at ${c.nameZh}?`,
          '每天 7:00–9:00 和 18:00–20:00 投放。',
        ],
        [
          'parking',
          `${c.nameZh}外来车辆能停吗？`,
          `Can visitors park at ${c.nameZh}?`,
          '外来车辆登记后临时停放，2 小时内免费。',
        ],
      ];
      for (const [topic, zh, en, answer] of topics) {
        const ms = r.ramp();
        const common = {
          key: `compound-${c.id}-${topic}`,
          category: 'office',
          answer,
          created_at: iso(ms),
          updated_at: iso(ms),
        };
        entry({
          ...common,
          lang: 'zh-CN',
          question: zh,
          phrasings: JSON.stringify([zh.replace('？', '')]),
          keywords: JSON.stringify([c.nameZh]),
          hits: r.int(0, 400),
          created_by: r.pick(ctx.staff),
        });
        entry({ ...common, lang: 'en', question: en, hits: r.int(0, 20), created_by: r.pick(ctx.staff) });
      }
    }
  })();
  const all = db.prepare('select id, lang, question, phrasings from faq_entries').all() as {
    id: number;
    lang: string;
    question: string;
    phrasings: string;
  }[];
  const byLang = { 'zh-CN': all.filter((e) => e.lang === 'zh-CN'), en: all.filter((e) => e.lang === 'en') };
  const askable = (e: (typeof all)[number]) => [e.question, ...(JSON.parse(e.phrasings) as string[])];

  const query = inserter(db, 'faq_queries');
  const setHandoff = db.prepare('update faq_queries set handoff_id = ? where id = ?');
  const handoff = inserter(db, 'faq_handoffs');
  const message = inserter(db, 'faq_handoff_messages');
  const times = Array.from({ length: SIZE.faqQueries }, () => r.ramp()).sort((a, b) => a - b);
  db.transaction(() => {
    for (const ms of times) {
      const p = ctx.residentBefore(ms);
      const lang = r.chance(0.93) ? 'zh-CN' : 'en';
      const u = r.next();
      const outcome = u < 0.6 ? 'answer' : u < 0.85 ? 'choices' : 'none';
      const target = r.pick(byLang[lang]);
      const text = outcome === 'none' ? r.pick(UNKNOWN) : r.pick(askable(target));
      const feedback = outcome === 'answer' && r.chance(0.08) ? (r.chance(0.75) ? 'up' : 'down') : null;
      const qid = query({
        user_id: p.id,
        text,
        lang,
        outcome,
        entry_id: outcome === 'answer' ? target.id : null,
        feedback,
        created_at: iso(ms),
      });
      // Asking a person: after no answer, or after a thumbs-down.
      if (!(outcome === 'none' ? r.chance(0.2) : feedback === 'down' && r.chance(0.5))) continue;
      const askedAt = ms + r.int(1, 10) * MIN;
      const open = ANCHOR_MS - askedAt < 3 * DAY_MS && r.chance(0.6);
      const staffId = r.pick(ctx.staff);
      const takenAt = Math.min(askedAt + r.int(1, 20) * HOUR, ANCHOR_MS - MIN);
      const answeredAt = takenAt + r.int(5, 120) * MIN;
      const taken = !open || r.chance(0.3);
      const hid = handoff({
        user_id: p.id,
        query_id: qid,
        question: text,
        lang,
        state: open ? 'open' : 'answered',
        taken_by: taken ? staffId : null,
        taken_at: taken ? iso(takenAt) : null,
        answered_by: open ? null : staffId,
        answered_at: open ? null : iso(answeredAt),
        entry_id: !open && r.chance(0.1) ? target.id : null,
        created_at: iso(askedAt),
      });
      setHandoff.run(hid, qid);
      message({ handoff_id: hid, author_id: p.id, side: 'resident', text, created_at: iso(askedAt) });
      for (const s of ctx.staffChats)
        ctx.deliver({
          ms: askedAt,
          key: `faq:handoff:${hid}:${s}`,
          chatId: s,
          userId: s,
          category: 'staff',
          content: { key: 'faq.handoff.new', params: { id: hid } },
        });
      if (taken) ctx.audit(takenAt, staffId, 'faq.handoff.take', `handoff:${hid}`, {});
      if (open) continue;
      const mid = message({
        handoff_id: hid,
        author_id: staffId,
        side: 'staff',
        text: r.pick(HANDOFF_ANSWERS),
        created_at: iso(answeredAt),
      });
      ctx.audit(answeredAt, staffId, 'faq.handoff.answer', `handoff:${hid}`, {});
      ctx.deliver({
        ms: answeredAt,
        key: `faq:answer:${hid}:${mid}`,
        chatId: p.id,
        userId: p.id,
        category: 'personal',
        content: { key: 'faq.handoff.answer', params: {} },
      });
      if (r.chance(0.3)) {
        const more = { handoff_id: hid, created_at: iso(answeredAt + HOUR) };
        message({ ...more, author_id: p.id, side: 'resident', text: '好的，谢谢！那周六可以去吗？' });
        message({ ...more, author_id: staffId, side: 'staff', text: '周六上午也有人值班，可以的。' });
      }
    }
    const hits = db.prepare('update faq_entries set hits = hits + ? where id = ?');
    for (const e of all) hits.run(r.int(0, 2000), e.id);
  })();
}
