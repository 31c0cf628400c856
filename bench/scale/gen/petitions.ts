// Petitions to the deputies: 24,000 over five years (about 1,000 still open, some for years), their timelines,
// co-signers (most none, a few whole neighbourhoods), photos, 代表·局长面对面 meetings, and the outbox rows the
// deadlines job left inside the retention window.
import { PETITION_TEXTS, SPOTS } from '../texts';
import { ANCHOR_MS, type Ctx, DAY_MS, iso, localDate, SIZE, START_MS } from '../world';
import { inserter } from './sql';

const HOUR = 3_600_000;
const CATEGORIES: [string, number][] = [
  ['roads', 28],
  ['sanitation', 20],
  ['facilities', 18],
  ['safety', 12],
  ['noise', 12],
  ['other', 10],
];
const OPEN = ['submitted', 'submitted', 'submitted', 'accepted', 'accepted', 'investigating', 'investigating'];
const NOTIFYING = new Set(['acknowledged', 'status', 'reply', 'info_request', 'meeting']);

type Event = {
  ms: number;
  petition_id: number;
  actor_id: number | null;
  kind: string;
  status?: string | null;
  department_id?: number | null;
  text?: string | null;
  occurred_on?: string | null;
  meeting_id?: number | null;
};

export function petitions(ctx: Ctx) {
  const { db, r } = ctx;
  const departments = (db.prepare('select id from petition_departments').all() as { id: number }[]).map((d) => d.id);
  // Two deputies per community: one for everything, one more for one category somewhere.
  const assignments = ctx.deputies.map((user, i) => ({
    user,
    community: ctx.communities[i % ctx.communities.length]!,
    category: i < ctx.communities.length ? null : CATEGORIES[i % CATEGORIES.length]![0],
  }));
  const assign = inserter(db, 'petition_deputies');
  db.transaction(() => {
    for (const a of assignments) {
      assign({ user_id: a.user, community_id: a.community, category: a.category, created_at: iso(START_MS + DAY_MS) });
      ctx.audit(START_MS + DAY_MS, ctx.admins[0]!, 'petition.assign', `user:${a.user}`, { community: a.community });
    }
  })();
  const handlersOf = (community: number | null, category: string) =>
    assignments
      .filter((a) => a.community === community && (a.category === null || a.category === category))
      .map((a) => a.user);

  const petition = inserter(db, 'petitions');
  const follower = inserter(db, 'petition_followers', { orIgnore: true });
  const photo = inserter(db, 'petition_photos');
  const events: Event[] = [];
  const followersOf = new Map<number, number[]>();
  const byCommunity = new Map<number, { id: number; created: number }[]>();
  const times = Array.from({ length: SIZE.petitions }, () => r.ramp(START_MS, ANCHOR_MS - HOUR)).sort((a, b) => a - b);

  db.transaction(() => {
    for (const created of times) {
      const owner = ctx.residentBefore(created);
      const category = CATEGORIES[r.weighted(CATEGORIES.map((c) => c[1]))]![0];
      const place = `${ctx.compounds.find((c) => c.id === owner.compoundId)?.nameZh ?? ''}${r.pick(SPOTS)}`;
      const age = ANCHOR_MS - created;
      const open = age < 45 * DAY_MS ? r.chance(0.55) : r.chance(0.02);
      const handlers = handlersOf(owner.communityId, category);
      const handler = handlers.length ? r.pick(handlers) : r.pick(ctx.deputies);
      const ackDue = created + 3 * DAY_MS;
      const answerDue = created + 15 * DAY_MS;
      const end = open ? ANCHOR_MS : created + Math.min(age * 0.95, (2 + r.next() * 38) * DAY_MS);
      let status: string;
      let ackAt: number | null = null;
      let answeredAt: number | null = null;
      let dept: number | null = null;
      let note: string | null = null;
      let round = 0;
      if (open) {
        status = r.pick([...OPEN, 'transferred', 'reopened']);
        if (status !== 'submitted') ackAt = created + Math.min(age * 0.5, r.next() * 4 * DAY_MS);
        if (ackAt !== null && r.chance(0.4)) answeredAt = ackAt + (age - (ackAt - created)) * r.next() * 0.8;
        if (status === 'transferred') dept = r.pick(departments);
        if (status === 'reopened') round = 1;
      } else {
        status = r.chance(0.85) ? 'resolved' : 'unresolvable';
        ackAt = created + Math.min((end - created) * 0.4, r.next() * 4 * DAY_MS);
        answeredAt = end;
        note =
          status === 'resolved'
            ? '已联系相关部门处理完毕，感谢反映。'
            : '该问题涉及规划调整，暂时无法解决，已向上级反映。';
        if (r.chance(0.2)) dept = r.pick(departments);
      }
      const feedback = !open && r.chance(0.6);
      const solved = feedback ? r.pick(['yes', 'yes', 'yes', 'partly', 'partly', 'no']) : null;
      const feedbackAt = feedback ? Math.min(ANCHOR_MS - 60_000, end + r.int(1, 96) * HOUR) : null;
      const occurrences = r.chance(0.05) ? r.int(1, 4) : 0;
      const id = petition({
        petitioner_id: owner.id,
        community_id: owner.communityId,
        compound_id: owner.compoundId,
        category,
        place,
        latitude: r.chance(0.4) ? 27.84 + r.next() / 50 : null,
        longitude: r.chance(0.4) ? 113.17 + r.next() / 50 : null,
        description: r.pick(PETITION_TEXTS[category]!),
        show_name: r.chance(0.3) ? 1 : 0,
        status,
        department_id: dept,
        status_note: note,
        created_at: iso(created),
        updated_at: iso(feedbackAt ?? answeredAt ?? ackAt ?? created),
        ack_due_at: iso(ackDue),
        answer_due_at: iso(answerDue),
        acknowledged_at: ackAt === null ? null : iso(ackAt),
        acknowledged_by: ackAt === null ? null : handler,
        answered_at: answeredAt === null ? null : iso(answeredAt),
        answered_by: answeredAt === null ? null : handler,
        round,
        occurrences,
        solved,
        satisfaction: feedback ? r.int(2, 5) : null,
        feedback_at: feedbackAt === null ? null : iso(feedbackAt),
      });
      if (owner.communityId !== null) {
        const list = byCommunity.get(owner.communityId) ?? [];
        list.push({ id, created });
        byCommunity.set(owner.communityId, list);
      }
      const ev = (e: Omit<Event, 'petition_id'>) => events.push({ ...e, petition_id: id });
      follower({
        petition_id: id,
        user_id: owner.id,
        kind: 'owner',
        show_name: r.chance(0.3) ? 1 : 0,
        created_at: iso(created),
      });
      ev({ ms: created, actor_id: owner.id, kind: 'filed', status: 'submitted' });
      const fs = [owner.id];
      // co-signers: most petitions none, a few the whole neighbourhood (the culvert that floods on every rain)
      const u = r.next();
      const cosigners =
        u < 0.65 ? 0 : u < 0.9 ? r.int(1, 4) : u < 0.98 ? r.int(5, 30) : u < 0.998 ? r.int(30, 120) : r.int(150, 400);
      for (let k = 0; k < cosigners; k++) {
        const ms = created + Math.floor((end - created) * r.next() ** 2);
        const p = ctx.residentBefore(ms, owner.communityId);
        if (fs.includes(p.id)) continue;
        fs.push(p.id);
        follower({
          petition_id: id,
          user_id: p.id,
          kind: 'cosigner',
          show_name: r.chance(0.3) ? 1 : 0,
          created_at: iso(ms),
        });
        ev({ ms, actor_id: p.id, kind: 'cosigned' });
      }
      followersOf.set(id, fs);
      const act = (ms: number, action: string, details: object) =>
        ctx.audit(ms, handler, action, `petition:${id}`, details);
      if (ackAt !== null) {
        ev({ ms: ackAt, actor_id: handler, kind: 'acknowledged', status: 'accepted' });
        act(ackAt, 'petition.status', { status: 'accepted' });
        if (status === 'investigating' || (!open && r.chance(0.5))) {
          const ms = ackAt + (end - ackAt) * 0.3;
          ev({ ms, actor_id: handler, kind: 'status', status: 'investigating' });
          act(ms, 'petition.status', { status: 'investigating' });
        }
        if (dept !== null) {
          const ms = ackAt + (end - ackAt) * 0.4;
          ev({ ms, actor_id: handler, kind: 'status', status: 'transferred', department_id: dept });
          act(ms, 'petition.status', { status: 'transferred', department: dept });
        }
        if (r.chance(0.1)) {
          const ms = ackAt + (end - ackAt) * 0.2;
          ev({ ms, actor_id: handler, kind: 'info_request', text: '请问具体是几栋几单元？方便拍张照片吗？' });
          ev({ ms: ms + 3 * HOUR, actor_id: owner.id, kind: 'info', text: '在7栋2单元门口，照片已上传。' });
        }
      }
      if (answeredAt !== null) {
        const ms = open ? answeredAt : answeredAt - (answeredAt - (ackAt ?? created)) * 0.3;
        ev({ ms, actor_id: handler, kind: 'reply', text: '已经转给相关部门，正在安排人员现场查看，请耐心等待。' });
        act(ms, 'petition.reply', {});
      }
      for (let k = 0; k < occurrences; k++) {
        const ms = created + (end - created) * r.next();
        ev({ ms, actor_id: owner.id, kind: 'occurrence', text: '今天又出现了', occurred_on: localDate(ms) });
      }
      if (open && ackDue < ANCHOR_MS && ackAt === null && r.chance(0.3))
        ev({ ms: ackDue + r.int(1, 48) * HOUR, actor_id: owner.id, kind: 'chase' });
      if (!open) {
        ev({ ms: end, actor_id: handler, kind: 'status', status, text: note });
        act(end, 'petition.status', { status });
      }
      if (feedbackAt !== null) ev({ ms: feedbackAt, actor_id: owner.id, kind: 'feedback', text: solved });
      if (status === 'reopened')
        ev({ ms: created + age * 0.6, actor_id: owner.id, kind: 'feedback', status: 'reopened', text: 'no' });
      if (r.chance(0.3))
        photo({ petition_id: id, file_id: `AgACAgUAAxkBAAI${r.digits(10)}`, created_at: iso(created) });

      // What the deadlines job queued inside the retention window: reminders to the handlers before a limit, and
      // once it passed the escalation to staff and the note to every follower. Older ones were pruned.
      for (const kind of ['ack', 'answer'] as const) {
        const due = kind === 'ack' ? ackDue : answerDue;
        const doneAt = kind === 'ack' ? ackAt : answeredAt;
        const remindAt = due - (kind === 'ack' ? DAY_MS : 3 * DAY_MS);
        if (doneAt !== null && doneAt < remindAt) continue;
        const key = (what: string, to: string | number) => `petitions:${what}-${kind}:${id}:${round}:${to}`;
        for (const h of handlers)
          ctx.deliver({
            ms: remindAt,
            key: key('remind', h),
            chatId: h,
            userId: h,
            category: 'staff',
            content: { key: `petitions.remind.${kind}`, params: { id, place } },
          });
        if ((doneAt !== null && doneAt < due) || !open) continue;
        for (const s of ctx.staffChats)
          ctx.deliver({
            ms: due,
            key: key('late', s),
            chatId: s,
            userId: s,
            category: 'staff',
            content: { key: `petitions.escalate.${kind}`, params: { id, place, days: kind === 'ack' ? 3 : 15 } },
          });
        for (const f of fs)
          ctx.deliver({
            ms: due,
            key: key('late', `follower:${f}`),
            chatId: f,
            userId: f,
            category: 'personal',
            content: { key: `petitions.late.tell${kind === 'ack' ? 'Ack' : 'Answer'}`, params: { id, place } },
          });
      }
    }
  })();

  // 代表·局长面对面: a meeting every two months or so per deputy, each about a few of their area's petitions.
  const meeting = inserter(db, 'petition_meetings');
  const meetingDepartment = inserter(db, 'petition_meeting_departments', { orIgnore: true });
  const meetingItem = inserter(db, 'petition_meeting_items', { orIgnore: true });
  db.transaction(() => {
    for (const a of assignments) {
      for (let ms = START_MS + r.int(20, 60) * DAY_MS; ms < ANCHOR_MS; ms += r.int(40, 80) * DAY_MS) {
        const mid = meeting({
          deputy_id: a.user,
          held_on: localDate(ms),
          outcome: '各部门当场认领问题，约定一个月内答复。',
          created_at: iso(ms + 2 * HOUR),
        });
        ctx.audit(ms + 2 * HOUR, a.user, 'petition.meeting', `meeting:${mid}`, {});
        for (let k = r.int(1, 3); k > 0; k--)
          meetingDepartment({ meeting_id: mid, department_id: r.pick(departments) });
        const pool = (byCommunity.get(a.community) ?? []).filter(
          (p) => p.created < ms && p.created > ms - 120 * DAY_MS,
        );
        for (let k = r.int(2, 5); k > 0 && pool.length; k--) {
          const p = r.pick(pool);
          meetingItem({ meeting_id: mid, petition_id: p.id });
          events.push({ ms: ms + 2 * HOUR, petition_id: p.id, actor_id: a.user, kind: 'meeting', meeting_id: mid });
        }
      }
    }
  })();

  // The timelines, in the order things happened (ids grow with time as they do in a running bot).
  events.sort((a, b) => a.ms - b.ms);
  const event = inserter(db, 'petition_events');
  db.transaction(() => {
    for (const { ms, ...e } of events) {
      const eid = event({
        petition_id: e.petition_id,
        at: iso(ms),
        actor_id: e.actor_id,
        kind: e.kind,
        status: e.status ?? null,
        department_id: e.department_id ?? null,
        text: e.text ?? null,
        occurred_on: e.occurred_on ?? null,
        meeting_id: e.meeting_id ?? null,
      });
      if (!NOTIFYING.has(e.kind) || !ctx.inWindow(ms)) continue;
      for (const f of followersOf.get(e.petition_id) ?? [])
        ctx.deliver({
          ms,
          key: `petitions:event:${eid}:${f}`,
          chatId: f,
          userId: f,
          category: 'personal',
          content: { key: `petitions.notify.${e.kind}`, params: { id: e.petition_id } },
        });
    }
  })();
}
