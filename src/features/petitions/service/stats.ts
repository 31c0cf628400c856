import { displayName } from '../../../core/names';
import { localDate } from '../../../core/time';
import type { StatsPeriod } from '../policy';
import { addTallies, num, pct, periodRange, previousMonth, type Rates, ratesOf } from '../rates';
import type { Area, AreaTally, Duration } from '../store';
import * as store from '../store';
import type { Parts } from './parts';

export interface Responsiveness {
  overall: Rates;
  deputies: { userId: number; name: string; rates: Rates }[];
}

/** A period's figures broken down: per category (by code) and per community (null: residents who named none). */
export interface Breakdown {
  categories: { code: string; nameZh: string; nameEn: string; rates: Rates }[];
  communities: { communityId: number | null; nameZh: string; nameEn: string; rates: Rates }[];
}

const inArea = (areas: Area[]) => (x: { communityId: number | null; category: string }) =>
  areas.some((a) => a.communityId === x.communityId && (a.category === null || a.category === x.category));

/** How well petitions are answered (the three rates), counted by SQLite; the monthly figures to staff. */
export function stats({ db, clock, identity, residents, policy, notify }: Parts) {
  const tz = () => policy.timezone;

  const range = (p: StatsPeriod) => periodRange(p, tz());

  async function figures(from: string, to: string, now: Date) {
    const tallies = await store.tallies(db, from, to, now.toISOString());
    return { tallies, durations: await store.durations(db, from, to) };
  }

  const ratesWhere = (t: AreaTally[], d: Duration[], keep: (x: Area & { category: string }) => boolean) =>
    ratesOf(addTallies(t.filter(keep)), d.filter(keep));

  /** Per deputy (over the petitions of their assignments) and overall, for petitions filed in [from, to). */
  async function responsiveness(from: string, to: string, now = clock.now()): Promise<Responsiveness> {
    return perDeputy(await figures(from, to, now));
  }

  async function perDeputy({ tallies, durations }: Awaited<ReturnType<typeof figures>>): Promise<Responsiveness> {
    const byDeputy = new Map<number, Area[]>();
    for (const a of await store.listAssignments(db)) byDeputy.set(a.userId, [...(byDeputy.get(a.userId) ?? []), a]);
    const users = new Map((await identity.users([...byDeputy.keys()])).map((u) => [u.id, u]));
    const deputies = [...byDeputy].map(([userId, areas]) => {
      const u = users.get(userId);
      return {
        userId,
        name: u ? displayName(u) : String(userId),
        rates: ratesWhere(tallies, durations, inArea(areas)),
      };
    });
    return { overall: ratesOf(addTallies(tallies), durations), deputies };
  }

  /** A period's figures per category and per community, named in both languages. */
  async function breakdownOf({ tallies, durations }: Awaited<ReturnType<typeof figures>>): Promise<Breakdown> {
    const categories = await store.listCategories(db, { retired: true });
    const communities = await residents.communities();
    const codes = [...new Set(tallies.map((t) => t.category))];
    const places = [...new Set(tallies.map((t) => t.communityId))];
    return {
      categories: codes.map((code) => {
        const c = categories.find((x) => x.code === code);
        const rates = ratesWhere(tallies, durations, (x) => x.category === code);
        return { code, nameZh: c?.nameZh ?? code, nameEn: c?.nameEn ?? code, rates };
      }),
      communities: places.map((id) => {
        const c = communities.find((x) => x.id === id);
        const rates = ratesWhere(tallies, durations, (x) => x.communityId === id);
        return { communityId: id, nameZh: c?.nameZh ?? '—', nameEn: c?.nameEn ?? '—', rates };
      }),
    };
  }

  /** A calendar month ('YYYY-MM', default: last month) in the deployment time zone. */
  async function month(m?: string, now = clock.now()) {
    const month = m ?? previousMonth(localDate(now, tz()).slice(0, 7));
    return { month, ...(await responsiveness(...range({ kind: 'month', month }), now)) };
  }

  return {
    responsiveness,
    month,
    /** This month, where the deployment is: what /petitionstats opens with. */
    thisMonth: (): StatsPeriod => ({ kind: 'month', month: localDate(clock.now(), tz()).slice(0, 7) }),
    /** The three rates of a month or a year, overall and per deputy. */
    periodRates: (p: StatsPeriod) => responsiveness(...range(p), clock.now()),

    /**
     * The three rates per deputy and per community, from one read of the period's petitions (the console's rates
     * page: reading them once per breakdown cost a year on the scale database 78 ms of CPU a request, once 52).
     */
    async ratesBy(p: StatsPeriod): Promise<Responsiveness & Pick<Breakdown, 'communities'>> {
      const f = await figures(...range(p), clock.now());
      return { ...(await perDeputy(f)), communities: (await breakdownOf(f)).communities };
    },

    /** The same period per category and per community, named in both languages. */
    breakdown: async (p: StatsPeriod): Promise<Breakdown> => breakdownOf(await figures(...range(p), clock.now())),

    /**
     * The figures the community report prints: filed, resolution (with what it counts: `resolved` of `answerDue`),
     * satisfaction (see fund/report.ts). Counted in one aggregate query: no medians, no petitions loaded.
     */
    async reportRates(fromIso: string, toIso: string, now: Date) {
      const t = addTallies(await store.tallies(db, fromIso, toIso, now.toISOString()));
      const { filed, resolutionRate, resolved, answerDue, satisfaction, rated } = ratesOf(t, []);
      return { filed, resolutionRate, resolved, answerDue, satisfaction, rated };
    },

    /**
     * Last month's three rates to staff, once: the month is recorded when its figures go out (or when there were
     * none), so the daily catch-up after that is one lookup and never sends again, whatever the outbox has pruned.
     */
    async sendMonthlyStats(now = clock.now()): Promise<void> {
      const last = previousMonth(localDate(now, tz()).slice(0, 7));
      if (await store.monthReported(db, last)) return;
      const { tallies, durations } = await figures(...range({ kind: 'month', month: last }), now);
      const r = ratesOf(addTallies(tallies), durations);
      const share = (n: number, d: number) =>
        d === 0
          ? { $t: 'petitions.stats.none.cases' }
          : { $t: 'petitions.stats.share.cases', params: { pct: pct(n / d), n, d } };
      const params = {
        month: last,
        filed: r.filed,
        response: share(r.ackedInTime, r.ackDue),
        resolution: share(r.resolved, r.answerDue),
        satisfaction: num(r.satisfaction),
        rated: r.rated,
        ackHours: num(r.medianAckHours),
        resolveDays: num(r.medianResolveDays),
        overdue: r.overdue,
      };
      await db.transaction().execute(async (trx) => {
        if (r.filed > 0)
          await notify.toStaff(trx, `petitions:monthly:${last}`, { key: 'petitions.stats.monthly', params }, now);
        await store.recordMonth(trx, last, r.filed, now.toISOString());
      });
    },
  };
}
