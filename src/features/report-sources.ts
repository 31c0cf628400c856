// TRANSITION (issue 12): the community report's figures from the areas' legacy functions. As each area moves, its
// engineer replaces its part with a call to the area's service (see ReportSources in fund/report.ts); the file goes
// when the last part does.
import type { DbOrTx } from '../db/schema';
import type { ReportSources } from './fund/report';
import { summary as marketSummary } from './market/day';
import { recentMarkets } from './market/service';

export const legacyReportSources = (db: DbOrTx): Omit<ReportSources, 'petitionRates' | 'reliefMonth'> => ({
  async marketDays(from, to, today) {
    const out = { held: 0, served: 0, residents: 0, solved: 0 };
    for (const m of await recentMarkets(db, 500)) {
      if (m.date < from || m.date >= to || m.date > today || m.status !== 'published') continue;
      const s = await marketSummary(db, m.id);
      out.held++;
      out.served += s.served;
      out.residents += s.residents;
      out.solved += s.solved;
    }
    return out;
  },
});
