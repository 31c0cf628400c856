import { localDate, zonedToUtc } from '../../../core/time';
import { nextMonth } from '../rates';
import * as store from '../store';
import type { Parts } from './parts';

// Read-only, for the community report (fund/report.ts, issue 18): the petitions filed in a period counted month by
// month (each month's rates and counts add up to the period's), with each month's categories and communities. The
// database counts them (rates.ts counts the same one petition at a time; a test holds the two together).

export interface PetitionMonth {
  /** 'YYYY-MM' in the deployment's time zone. */
  month: string;
  filed: number;
  ackedInTime: number;
  ackDue: number;
  resolved: number;
  answerDue: number;
  satisfied: number;
  rated: number;
  ratingSum: number;
  /** Each category with the name its petitions were filed under. */
  byCategory: { category: string; nameZh: string; nameEn: string; count: number }[];
  byCommunity: { communityId: number | null; nameZh: string; nameEn: string; count: number }[];
}

export interface PetitionReportFigures {
  months: PetitionMonth[];
}

/** Adds `n` to a key's count, remembering when the key first appeared (the order the month's lists are in). */
function add<K>(m: Map<K, { count: number; firstAt: string }>, k: K, n: number, firstAt: string) {
  const have = m.get(k);
  if (!have) m.set(k, { count: n, firstAt });
  else {
    have.count += n;
    if (firstAt < have.firstAt) have.firstAt = firstAt;
  }
}
const inOrder = <K>(m: Map<K, { count: number; firstAt: string }>) =>
  [...m].sort((a, b) => (a[1].firstAt < b[1].firstAt ? -1 : a[1].firstAt > b[1].firstAt ? 1 : 0));

export function reportFigures({ db, reads, clock, residents, policy }: Parts) {
  return {
    /** Petitions filed in [fromIso, toIso), as of `now`, counted by the database (store/month-tallies.ts). */
    async reportFigures(fromIso: string, toIso: string, now = clock.now()): Promise<PetitionReportFigures> {
      // Each local month's start as a UTC instant, found once: the database buckets petitions by them.
      const starts: [string, string][] = [];
      for (let m = localDate(new Date(fromIso), policy.timezone).slice(0, 7); ; m = nextMonth(m)) {
        const at = zonedToUtc(`${m}-01`, '00:00', policy.timezone).toISOString();
        if (at >= toIso) break;
        starts.push([m, at]);
      }
      const tallies = await store.monthTallies(db, reads, fromIso, toIso, starts, now.toISOString());
      const names = new Map((await residents.communities()).map((c) => [c.id, c]));
      const byMonth = new Map<string, typeof tallies>();
      for (const t of tallies) {
        const list = byMonth.get(t.month);
        if (list) list.push(t);
        else byMonth.set(t.month, [t]);
      }
      const months = [...byMonth].map(([month, mine]): PetitionMonth => {
        const sum = (k: 'filed' | 'ackedInTime' | 'ackDue' | 'resolved' | 'answerDue' | 'satisfied' | 'rated') =>
          mine.reduce((n, t) => n + t[k], 0);
        const categories = new Map<string, { count: number; firstAt: string }>();
        const communities = new Map<number | null, { count: number; firstAt: string }>();
        // A category is named as its latest petition of the month was filed.
        const latest = new Map<string, (typeof mine)[number]>();
        for (const t of mine) {
          add(categories, t.category, t.filed, t.firstAt);
          add(communities, t.communityId, t.filed, t.firstAt);
          const l = latest.get(t.category);
          if (!l || t.lastAt > l.lastAt) latest.set(t.category, t);
        }
        return {
          month,
          filed: sum('filed'),
          ackedInTime: sum('ackedInTime'),
          ackDue: sum('ackDue'),
          resolved: sum('resolved'),
          answerDue: sum('answerDue'),
          satisfied: sum('satisfied'),
          rated: sum('rated'),
          ratingSum: mine.reduce((n, t) => n + t.satisfactionSum, 0),
          byCategory: inOrder(categories).map(([category, { count }]) => {
            const n = latest.get(category);
            const nameZh = n?.categoryZh ?? category;
            return { category, nameZh, nameEn: n?.categoryEn ?? nameZh, count };
          }),
          byCommunity: inOrder(communities).map(([communityId, { count }]) => {
            const c = communityId === null ? undefined : names.get(communityId);
            return { communityId, nameZh: c?.nameZh ?? '', nameEn: c?.nameEn ?? '', count };
          }),
        };
      });
      return { months: months.sort((a, b) => (a.month < b.month ? -1 : 1)) };
    },
  };
}
