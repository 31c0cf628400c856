// Broadcasts over five years (to everyone, a community, a compound, staff, an area's audience) and, inside the
// retention window, their outbox rows with the shared text. At ANCHOR a broadcast to everyone has been sending for
// ten minutes: 15,000 rows sent at 25 a second, the rest queued.
import { NOTICE_TEXTS } from '../texts';
import { ANCHOR_MS, type Ctx, IDS, iso, SIZE } from '../world';
import { inserter } from './sql';

const MIN = 60_000;

export function notices(ctx: Ctx) {
  const { db, r } = ctx;
  const broadcast = inserter(db, 'notice_broadcasts');
  const content = inserter(db, 'delivery_contents');
  const row = inserter(db, 'deliveries');
  const draftKey = () => r.digits(8).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
  const times = Array.from({ length: SIZE.broadcasts }, () => r.ramp()).sort((a, b) => a - b);
  const everyone = ctx.residents.filter((p) => p.onboarded);

  const send = (ms: number, live: boolean) => {
    const u = live ? 0 : r.next();
    const community = r.pick(ctx.communities);
    const compound = r.pick(ctx.compounds);
    const audience =
      u < 0.2
        ? 'all'
        : u < 0.65
          ? `community:${community}`
          : u < 0.9
            ? `compound:${compound.id}`
            : u < 0.95
              ? 'role:staff'
              : 'x:market.booked';
    const category = audience === 'role:staff' ? 'staff' : audience.startsWith('x:') ? 'personal' : 'notice';
    const inAudience = (p: (typeof everyone)[number]) =>
      audience === 'all' ||
      (audience.startsWith('community') ? p.communityId === community : p.compoundId === compound.id);
    const to =
      audience === 'role:staff'
        ? ctx.staffChats
        : audience.startsWith('x:')
          ? everyone.filter(() => r.chance(0.006)).map((p) => p.id)
          : everyone.filter((p) => p.created < ms && !p.optOut && inAudience(p)).map((p) => p.id);
    const unreachable = new Set(
      to.filter((id) => id >= IDS.resident(0) && !ctx.residents[id - IDS.resident(0)]!.reachable),
    );
    const failed = Math.round(to.length * 0.003);
    const text = r.pick(NOTICE_TEXTS);
    const staffId = r.pick(ctx.staff);
    const finished = ms + Math.ceil(to.length / 25) * 1000;
    const id = broadcast({
      draft_key: draftKey(),
      created_by: staffId,
      created_at: iso(ms),
      audience,
      category,
      text,
      entities: '[]',
      send_at: iso(ms),
      state: live ? 'active' : 'done',
      recipients: to.length,
      progress_message_id: r.int(1000, 900_000),
      finished_at: live ? null : iso(finished),
      sent: live ? null : to.length - unreachable.size - failed,
      failed: live ? null : failed,
      unreachable: live ? null : unreachable.size,
      skipped: live ? null : 0,
    });
    ctx.audit(ms, staffId, 'notices.broadcast.create', `broadcast:${id}`, { audience, recipients: to.length });
    if (!live) ctx.audit(finished, null, 'notices.broadcast.finish', `broadcast:${id}`, {});
    if (!ctx.inWindow(ms)) return;
    const cid = content({ content: JSON.stringify({ text, entities: [] }) });
    to.forEach((uid, i) => {
      const sentAt = ms + Math.floor((i / 25) * 1000);
      const queued = live && i >= SIZE.liveSent;
      const state = queued ? 'queued' : unreachable.has(uid) ? 'skipped' : i % 333 === 7 ? 'failed' : 'sent';
      row({
        dedupe_key: `notice:${id}:${uid}`,
        chat_id: uid,
        user_id: uid,
        category,
        content_id: cid,
        state,
        reason: state === 'skipped' ? 'unreachable' : state === 'failed' ? '400: Bad Request: chat not found' : null,
        attempts: queued ? 0 : 1,
        next_attempt_at: iso(queued ? ms : sentAt),
        tg_message_id: state === 'sent' ? r.int(10, 900_000) : null,
        broadcast_id: id,
        created_at: iso(ms),
        updated_at: iso(queued ? ms : sentAt),
      });
    });
  };

  db.transaction(() => {
    for (const ms of times) send(ms, false);
    send(ANCHOR_MS - 10 * MIN, true);
  })();
}
