// TRANSITION (issue 12): the community report's figures from the areas' legacy functions. As each area moves, its
// engineer replaces its part with a call to the area's service (see ReportSources in fund/report.ts); the file goes
// when the last part does. The market's part is its service's `marketDays`, wired in features/index.ts.
import type { DbOrTx } from '../db/schema';
import type { ReportSources } from './fund/report';
import { responsiveness } from './petitions/stats';
import { monthReport } from './relief/report';

export const legacyReportSources = (db: DbOrTx): Omit<ReportSources, 'marketDays'> => ({
  async reliefMonth(month) {
    const r = await monthReport(db, month);
    return { expected: r.total, collected: r.collectedSelf + r.collectedByProxy, festivalExtras: r.festivalExtras };
  },
  petitionRates: async (fromIso, toIso, now) => (await responsiveness(db, fromIso, toIso, now)).overall,
});
