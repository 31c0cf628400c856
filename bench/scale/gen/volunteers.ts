// Volunteer teams (the demo's three and five more), members, a shift a week per team, and the hours logged.
import { ANCHOR_MS, type Ctx, DAY_MS, iso, localDate, type Person, SIZE, START_MS } from '../world';
import { inserter } from './sql';

export function volunteers(ctx: Ctx) {
  const { db, r } = ctx;
  const team = inserter(db, 'volunteer_teams');
  const member = inserter(db, 'volunteer_members', { orIgnore: true });
  const shift = inserter(db, 'volunteer_shifts');
  const taker = inserter(db, 'volunteer_shift_takers', { orIgnore: true });
  const hours = inserter(db, 'volunteer_hours', { orIgnore: true });
  db.transaction(() => {
    for (let i = 0; i < SIZE.volunteerTeamsExtra; i++)
      team({
        name: `${r.pick(['青年', '银发', '巾帼', '红马甲', '护河'])}志愿队${i + 1}`,
        description: '社区志愿服务',
        active: 1,
        created_by: r.pick(ctx.staff),
        created_at: iso(START_MS + i * 90 * DAY_MS),
      });
    const teams = (db.prepare('select id from volunteer_teams').all() as { id: number }[]).map((t) => t.id);
    for (const t of teams) {
      const members: Person[] = [];
      for (let k = r.int(40, 120); k > 0; k--) {
        const p = ctx.residentBefore(ANCHOR_MS);
        const applied = p.created + Math.floor((ANCHOR_MS - p.created) * r.next());
        const status = r.pick(['approved', 'approved', 'approved', 'approved', 'pending', 'rejected', 'left']);
        const decided = status !== 'pending';
        const added = member({
          team_id: t,
          user_id: p.id,
          status,
          applied_at: iso(applied),
          decided_by: decided ? r.pick(ctx.staff) : null,
          decided_at: decided ? iso(applied + DAY_MS) : null,
        });
        if (added && status === 'approved') members.push(p);
      }
      for (let ms = START_MS + r.int(0, 30) * DAY_MS; ms < ANCHOR_MS + 14 * DAY_MS; ms += 7 * DAY_MS) {
        const date = localDate(ms);
        const past = ms < ANCHOR_MS;
        const minutes = r.pick([60, 90, 120, 180]);
        const staffId = r.pick(ctx.staff);
        const sid = shift({
          team_id: t,
          date,
          description: r.pick(['市集日服务', '慈善超市理货', '走访独居老人', '环境清洁']),
          minutes,
          slots: r.int(3, 10),
          status: past ? 'logged' : 'open',
          created_by: staffId,
          created_at: iso(ms - 5 * DAY_MS),
        });
        if (!past) continue;
        ctx.audit(ms - 5 * DAY_MS, staffId, 'volunteers.shift.offer', `shift:${sid}`, {});
        const takers = members.filter((m) => m.created < ms && r.chance(0.08)).slice(0, 10);
        for (const m of takers) {
          taker({ shift_id: sid, user_id: m.id, taken_at: iso(ms - r.int(1, 4) * DAY_MS) });
          hours({
            user_id: m.id,
            team_id: t,
            shift_id: sid,
            date,
            minutes,
            note: '',
            logged_by: staffId,
            logged_at: iso(ms + DAY_MS),
          });
        }
        if (takers.length)
          ctx.audit(ms + DAY_MS, staffId, 'volunteers.shift.log', `shift:${sid}`, { n: takers.length });
      }
    }
  })();
}
