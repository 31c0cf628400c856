import { localDate, zonedToUtc } from '../../../core/time';
import { nextMonth, rates } from '../rates';
import * as store from '../store';
import type { Parts } from './parts';

// Read-only, for the community report (fund/report.ts, issue 18): the petitions filed in a period counted month by
// month (each month's rates and counts add up to the period's), with each month's categories and communities.

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

const tally = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

export function reportFigures({ db, clock, residents, policy }: Parts) {
  return {
    /** Petitions filed in [fromIso, toIso), as of `now`, from one read. */
    async reportFigures(fromIso: string, toIso: string, now = clock.now()): Promise<PetitionReportFigures> {
      const ps = await store.petitionFiguresBetween(db, fromIso, toIso);
      const byMonth = new Map<string, typeof ps>();
      // Each local month's start as a UTC instant, found once (a time-zone lookup per petition costs ~30 µs each).
      const starts: [string, string][] = [];
      for (let m = localDate(new Date(fromIso), policy.timezone).slice(0, 7); ; m = nextMonth(m)) {
        const at = zonedToUtc(`${m}-01`, '00:00', policy.timezone).toISOString();
        if (at >= toIso) break;
        starts.push([m, at]);
      }
      let i = 0;
      for (const p of ps.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) {
        while (i + 1 < starts.length && p.createdAt >= starts[i + 1]![1]) i++;
        const month = starts[i]?.[0] ?? localDate(new Date(p.createdAt), policy.timezone).slice(0, 7);
        const list = byMonth.get(month);
        if (list) list.push(p);
        else byMonth.set(month, [p]);
      }
      const names = new Map((await residents.communities()).map((c) => [c.id, c]));
      const months = [...byMonth].map(([month, mine]): PetitionMonth => {
        const r = rates(mine, now);
        const ratingSum = mine.reduce((s, p) => s + (p.satisfaction ?? 0), 0);
        const { filed, ackedInTime, ackDue, resolved, answerDue, satisfied, rated } = r;
        const categories = new Map<string, number>();
        const categoryNames = new Map(mine.map((p) => [p.category, p.categoryName]));
        const communities = new Map<number | null, number>();
        for (const p of mine) {
          tally(categories, p.category);
          tally(communities, p.communityId);
        }
        return {
          month,
          ...{ filed, ackedInTime, ackDue, resolved, answerDue, satisfied, rated, ratingSum },
          byCategory: [...categories].map(([category, count]) => {
            const n = categoryNames.get(category);
            return { category, nameZh: n?.nameZh ?? category, nameEn: n?.nameEn ?? category, count };
          }),
          byCommunity: [...communities].map(([communityId, count]) => {
            const c = communityId === null ? undefined : names.get(communityId);
            return { communityId, nameZh: c?.nameZh ?? '', nameEn: c?.nameEn ?? '', count };
          }),
        };
      });
      return { months: months.sort((a, b) => (a.month < b.month ? -1 : 1)) };
    },
  };
}
