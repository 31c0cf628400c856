import { csvCell } from '../../../core/csv';
import { displayName } from '../../../core/names';
import { localDate } from '../../../core/time';
import { monthStart, nextMonth, num, pct, previousMonth, type Rates, rates } from '../rates';
import * as store from '../store';
import type { Parts } from './parts';

export interface Responsiveness {
  overall: Rates;
  deputies: { userId: number; name: string; rates: Rates }[];
}

const CSV_HEADER = [
  'id',
  'created_at',
  'community',
  'compound',
  'category',
  'place',
  'latitude',
  'longitude',
  'description',
  'status',
  'department',
  'status_note',
  'ack_due_at',
  'acknowledged_at',
  'answer_due_at',
  'answered_at',
  'round',
  'cosigners',
  'occurrences',
  'solved',
  'satisfaction',
];

/** How well petitions are answered (the three rates), the monthly figures to staff, and the office's CSV. */
export function stats({ db, clock, identity, residents, policy, notify }: Parts) {
  /** Per deputy (over the petitions of their assignments) and overall, for petitions filed in [from, to). */
  async function responsiveness(from: string, to: string, now = clock.now()): Promise<Responsiveness> {
    const ps = await store.petitionsFiledBetween(db, from, to);
    const byDeputy = new Map<number, { communityId: number; category: string | null }[]>();
    for (const a of await store.listAssignments(db)) byDeputy.set(a.userId, [...(byDeputy.get(a.userId) ?? []), a]);
    const users = new Map((await identity.users([...byDeputy.keys()])).map((u) => [u.id, u]));
    const deputies = [...byDeputy].map(([userId, scope]) => {
      const mine = ps.filter((p) =>
        scope.some((s) => s.communityId === p.communityId && (s.category === null || s.category === p.category)),
      );
      const u = users.get(userId);
      return { userId, name: u ? displayName(u) : String(userId), rates: rates(mine, now) };
    });
    return { overall: rates(ps, now), deputies };
  }

  /** A calendar month ('YYYY-MM', default: last month) in the deployment time zone. */
  async function month(m?: string, now = clock.now()) {
    const month = m ?? previousMonth(localDate(now, policy.timezone).slice(0, 7));
    const r = await responsiveness(
      monthStart(month, policy.timezone),
      monthStart(nextMonth(month), policy.timezone),
      now,
    );
    return { month, ...r };
  }

  return {
    responsiveness,
    month,
    /** /petitionstats: this month so far, and all time (with each deputy). */
    async current() {
      const now = clock.now();
      const m = localDate(now, policy.timezone).slice(0, 7);
      return {
        month: m,
        thisMonth: await responsiveness(monthStart(m, policy.timezone), now.toISOString(), now),
        all: await responsiveness('0000', '9999', now),
      };
    },
    /**
     * The figures the community report prints: filed, resolution (with what it counts: `resolved` of `answerDue`),
     * satisfaction (see fund/report.ts).
     */
    async reportRates(fromIso: string, toIso: string, now: Date) {
      const r = (await responsiveness(fromIso, toIso, now)).overall;
      const { filed, resolutionRate, resolved, answerDue, satisfaction, rated } = r;
      return { filed, resolutionRate, resolved, answerDue, satisfaction, rated };
    },

    /**
     * Last month's three rates to staff, once: the month is recorded when its figures go out (or when there were
     * none), so the daily catch-up after that is one lookup and never sends again, whatever the outbox has pruned.
     */
    async sendMonthlyStats(now = clock.now()): Promise<void> {
      const last = previousMonth(localDate(now, policy.timezone).slice(0, 7));
      if (await store.monthReported(db, last)) return;
      const { month: m, overall: r } = await month(last, now);
      const share = (n: number, d: number) =>
        d === 0
          ? { $t: 'petitions.stats.none.cases' }
          : { $t: 'petitions.stats.share.cases', params: { pct: pct(n / d), n, d } };
      const params = {
        month: m,
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
          await notify.toStaff(trx, `petitions:monthly:${m}`, { key: 'petitions.stats.monthly', params }, now);
        await store.recordMonth(trx, m, r.filed, now.toISOString());
      });
    },

    /** Every petition as CSV for the office. No phone numbers: those stay with the handlers in the bot. */
    async exportCsv(): Promise<string> {
      const communities = new Map((await residents.communities()).map((c) => [c.id, c.nameZh]));
      const compounds = new Map((await residents.compounds()).map((c) => [c.id, c.nameZh]));
      const departments = new Map((await store.listDepartments(db)).map((d) => [d.id, d.nameZh]));
      const lines = [CSV_HEADER.join(',')];
      for (const p of await store.listPetitions(db, {})) {
        const row = [
          p.id,
          p.createdAt,
          communities.get(p.communityId ?? -1) ?? '',
          compounds.get(p.compoundId ?? -1) ?? '',
          p.category,
          p.place,
          p.latitude,
          p.longitude,
          p.description,
          p.status,
          departments.get(p.departmentId ?? -1) ?? '',
          p.statusNote,
          p.ackDueAt,
          p.acknowledgedAt,
          p.answerDueAt,
          p.answeredAt,
          p.round,
          await store.countCosigners(db, p.id),
          p.occurrences,
          p.solved,
          p.satisfaction,
        ];
        lines.push(row.map(csvCell).join(','));
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
