// The IGO charity supermarket's roster (the demo's 169 plus those who joined later, some since gone), linked
// accounts and proxies, and every month's pickups on the 5th. Today is a pickup day: the desk has been open since
// 08:30 and four in ten have collected; every active recipient has this month's code.
import { ANCHOR_MS, addMonths, at, type Ctx, DAY_MS, iso, localMonth, months, SIZE, START_MS } from '../world';
import { inserter } from './sql';

const MIN = 60_000;

interface Recipient {
  id: number;
  created: number;
  left: number | null;
  user: number | null;
  proxies: { id: number; user: number | null; name: string }[];
}

export function relief(ctx: Ctx) {
  const { db, r } = ctx;
  const thisMonth = localMonth(ANCHOR_MS);
  const demo = db.prepare('select id from relief_recipients order by id').all() as { id: number }[];
  const recipient = inserter(db, 'relief_recipients');
  const update = db.prepare('update relief_recipients set created_at = ?, updated_at = ?, user_id = ? where id = ?');
  const leave = db.prepare('update relief_recipients set active = 0, updated_at = ? where id = ?');
  const proxy = inserter(db, 'relief_proxies');
  const link = inserter(db, 'relief_links');
  const code = inserter(db, 'relief_codes', { orIgnore: true });
  const pickup = inserter(db, 'relief_pickups');
  const later = inserter(db, 'relief_later');
  const holidays = (db.prepare('select date from relief_holidays').all() as { date: string }[]).map((h) => h.date);
  const linked = new Set<number>();
  const linkable = (before: number) => {
    for (let tries = 0; tries < 30; tries++) {
      const p = ctx.residentBefore(before);
      if (!linked.has(p.id)) {
        linked.add(p.id);
        return p;
      }
    }
    return null;
  };
  const roster: Recipient[] = [];

  db.transaction(() => {
    const add = (id: number, created: number) => {
      const rec: Recipient = { id, created, left: null, user: null, proxies: [] };
      const self = r.chance(0.55) ? linkable(created + 30 * DAY_MS) : null;
      if (self) {
        rec.user = self.id;
        const at = Math.max(created, self.created) + r.int(1, 30) * DAY_MS;
        link({
          code: `rl${r.digits(10)}`,
          recipient_id: id,
          created_by: r.pick(ctx.staff),
          created_at: iso(at - DAY_MS),
          expires_at: iso(at + 6 * DAY_MS),
          used_by: self.id,
          used_at: iso(at),
        });
      }
      if (r.chance(0.4)) {
        const family = r.chance(0.5) ? linkable(created + 60 * DAY_MS) : null;
        const name = family?.name ?? r.pick(['女儿', '儿子', '邻居', '侄子']);
        const pid = proxy({
          recipient_id: id,
          name,
          user_id: family?.id ?? null,
          active: 1,
          created_by: r.pick(ctx.staff),
          created_at: iso(created + r.int(1, 90) * DAY_MS),
        });
        rec.proxies.push({ id: pid, user: family?.id ?? null, name });
      }
      roster.push(rec);
      return rec;
    };
    for (const { id } of demo) {
      const created = START_MS + r.int(0, 200) * DAY_MS;
      update.run(iso(created), iso(created), add(id, created).user, id);
    }
    for (let i = 0; i < SIZE.reliefExtra; i++) {
      const created = r.ramp();
      const id = recipient({
        name: `${r.pick(['王', '李', '张', '刘', '陈'])}${r.pick(['秀英', '桂兰', '建国', '德福', '玉兰'])}`,
        category: r.pick(['dibao', 'tekun', 'disabled', 'elderly_alone', 'other']),
        phone: `139${r.digits(8)}`,
        notes: r.chance(0.2) ? '行动不便，需送货上门' : null,
        active: 1,
        created_at: iso(created),
        updated_at: iso(created),
      });
      const rec = add(id, created);
      if (rec.user !== null) db.prepare('update relief_recipients set user_id = ? where id = ?').run(rec.user, id);
    }
    for (let i = 0; i < SIZE.reliefLeft; i++) {
      const rec = roster[r.int(0, roster.length - 1)]!;
      if (rec.left !== null) continue;
      rec.left = rec.created + Math.floor((ANCHOR_MS - rec.created) * (0.3 + 0.7 * r.next()));
      leave.run(iso(rec.left), rec.id);
    }

    const contacts = (rec: Recipient) => [
      ...(rec.user === null ? [] : [rec.user]),
      ...rec.proxies.flatMap((p) => (p.user === null ? [] : [p.user])),
    ];
    for (const month of months(localMonth(START_MS), thisMonth)) {
      const day = `${month}-05`;
      const open = at(day, '08:30');
      if (open < START_MS) continue;
      const current = month === thisMonth;
      const festival = holidays.some((h) => h >= day && h < `${addMonths(month, 1)}-05`) ? 1 : 0;
      for (const rec of roster) {
        if (rec.created > open || (rec.left !== null && rec.left < open)) continue;
        const to = contacts(rec);
        const c = r.digits(6);
        // codes are made for the reminders (linked people), and printed for everyone this month
        if (to.length || current) code({ month, recipient_id: rec.id, code: c });
        const tell = (stage: string, ms: number, params: object = {}) => {
          for (const uid of to)
            ctx.deliver({
              ms,
              key: `relief:${stage}:${month}:${rec.id}:${uid}`,
              chatId: uid,
              userId: uid,
              category: 'personal',
              content: { key: `relief.notify.${stage}`, params },
            });
        };
        tell('announce', at(day, '09:00') - 3 * DAY_MS);
        tell('morning', at(day, '08:00'), { code: c });
        if (!(current ? r.chance(0.4) : r.chance(0.93))) {
          if (current) continue;
          tell('evening', at(day, '19:00'));
          if (to.length && r.chance(0.4))
            later({ month, recipient_id: rec.id, user_id: to[0]!, at: iso(at(day, '19:30')) });
          continue;
        }
        const ms = current
          ? open + r.int(0, 89) * MIN
          : r.chance(0.85)
            ? open + r.int(0, 179) * MIN
            : at(day, '09:00') + r.int(1, 3) * DAY_MS + r.int(0, 120) * MIN;
        const byProxy = r.chance(0.2);
        const p = byProxy ? (rec.proxies[0] ?? null) : null;
        const proxyName = byProxy ? (p?.name ?? '家属') : null;
        const staffId = r.pick(ctx.staff);
        const method = to.length && r.chance(0.7) ? 'code' : 'search';
        pickup({
          recipient_id: rec.id,
          month,
          collected_at: iso(ms),
          staff_id: staffId,
          proxy_id: p?.id ?? null,
          proxy_name: proxyName,
          festival_extras: festival,
          method,
        });
        ctx.audit(ms, staffId, 'relief.checkin', `relief_recipient:${rec.id}`, { month, method, proxy: proxyName });
        for (const uid of to)
          ctx.deliver({
            ms,
            key: `relief:collected:${month}:${rec.id}:${uid}`,
            chatId: uid,
            userId: uid,
            category: 'personal',
            content: { key: 'relief.notify.collected', params: {} },
          });
      }
      if (current) continue;
      for (const chat of ctx.staffChats)
        ctx.deliver({
          ms: at(day, '08:30') + DAY_MS,
          key: `relief:summary:${month}:${chat}`,
          chatId: chat,
          userId: chat,
          category: 'staff',
          content: { key: 'relief.notify.summary', params: { month } },
        });
    }
  })();
}
