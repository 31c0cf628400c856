import type { Platform } from '../../../platform';
import { communityReport, type Period, type ReportSources } from '../report';
import { createBooksService } from './books';
import { createLedgerService } from './ledger';
import { createPledgesService } from './pledges';
import type { FundPartners } from './ports';
import { createStatementService } from './statement';

export type { Done } from './ledger';
export type { FundPartners, NamedPartner } from './ports';

export interface FundDeps {
  /** The partners area's service: the directory donors come from, and volunteer hours for the report. */
  partners: FundPartners;
  /** The other areas' figures for the community report. */
  sources: ReportSources;
}

/** The community fund: ledger, pledges, statements, the books as files, and the community report. */
export type FundService = ReturnType<typeof createFundService>;

export function createFundService(platform: Platform, { partners, sources }: FundDeps) {
  const ledger = createLedgerService(platform, partners);
  return {
    ...ledger,
    ...createPledgesService(platform, ledger, partners),
    ...createStatementService(platform, ledger),
    ...createBooksService(platform, ledger, partners),
    /** The community report of a month, a quarter or a year, as of now. */
    report: (period: Period) =>
      communityReport(
        sources,
        { fundBooks: () => ledger.books(), volunteerHours: (from, to) => partners.volunteerHours(from, to) },
        period,
        platform.clock.now(),
        platform.config.TIMEZONE,
      ),
  };
}
