// Five years of each area's history for the scale benchmark's database (see ../generate.ts). Shapes follow what the
// areas write themselves: statuses, events, the dedupe keys of the outbox rows the catch-up jobs look for, audit
// actions. Each area fills its tables in one transaction (or a few).
import { ANCHOR_MS, type Ctx, DAY_MS, iso, SIZE, START_MS } from '../world';
import { faq } from './faq';
import { fund } from './fund';
import { market } from './market';
import { notices } from './notices';
import { petitions } from './petitions';
import { relief } from './relief';
import { inserter } from './sql';
import { volunteers } from './volunteers';

const HOUR = 3_600_000;

export function areas(ctx: Ctx, log: (s: string) => void, t0: number): void {
  const step = (name: string, f: (ctx: Ctx) => void) => {
    f(ctx);
    log(`  ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  step('market', market);
  step('relief', relief);
  step('petitions', petitions);
  step('fund', fund);
  step('faq', faq);
  step('partners and volunteers', volunteers);
  step('notices and their outbox rows', notices);
  step('the rest', rest);
}

/** Alarms typed, invitations, and conversations left half-done. */
function rest(ctx: Ctx) {
  const { db, r } = ctx;
  const alert = inserter(db, 'emergency_alerts');
  const invitation = inserter(db, 'invitations');
  const flow = inserter(db, 'flows', { orIgnore: true });
  const situations = [
    ['fire', '楼下着火了'],
    ['medical', '我爸晕倒了'],
    ['gas', '闻到很大的煤气味'],
    ['crime', '有人在撬门'],
  ] as const;
  db.transaction(() => {
    for (let ms = START_MS; ms < ANCHOR_MS; ms += r.int(6, 18) * HOUR) {
      const p = ctx.residentBefore(ms);
      const [kind, text] = r.pick(situations);
      alert({
        user_id: p.id,
        chat_id: p.id,
        kind,
        text,
        in_flow: r.chance(0.1) ? 1 : 0,
        created_at: iso(ms),
        notified_at: iso(ms + 1000),
      });
    }
    for (let i = 0; i < 65; i++) {
      const ms = r.ramp();
      const used = i < 60;
      invitation({
        code: `inv${r.digits(12)}`,
        role: r.pick(['staff', 'deputy', 'partner']),
        created_by: ctx.admins[0]!,
        created_at: iso(ms),
        expires_at: iso(ms + 7 * DAY_MS),
        used_by: used ? r.pick(ctx.staff) : null,
        used_at: used ? iso(ms + DAY_MS) : null,
      });
    }
    // The benchmark never acts as these residents (see hasStaleFlow).
    for (let i = 3; i < Math.min(SIZE.residents, ctx.residents.length); i += 40) {
      const p = ctx.residents[i]!;
      const at = iso(ANCHOR_MS - r.int(1, 60) * DAY_MS);
      if (r.chance(0.5))
        flow({ user_id: p.id, name: 'petitions.new', step: 'place', data: '{"category":"roads"}', updated_at: at });
      else
        flow({
          user_id: p.id,
          name: 'market.book',
          step: 'details',
          data: '{"offerId":1,"mode":"book"}',
          updated_at: at,
        });
    }
  })();
}
