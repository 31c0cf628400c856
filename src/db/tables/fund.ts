import type { Generated } from 'kysely';

// Table shapes for the community fund, partners and volunteers. Only src/db/schema.ts uses these names;
// elsewhere use the row aliases in src/features/fund/store.ts and src/features/partners/store.ts.

export interface PartnersTable {
  id: Generated<number>;
  name: string;
  type: string; // individual | business | group | association | property | new_economy
  description: Generated<string>;
  contact: Generated<string>; // staff only
  user_id: number | null;
  active: Generated<number>;
  created_at: string;
}

export interface PartnerOffersTable {
  id: Generated<number>;
  partner_id: number;
  kind: string; // service | discount | space | money
  detail: Generated<string>;
}

/** Immutable: corrections are reversing entries (negative mirror, reverses_id set). */
export interface FundEntriesTable {
  id: Generated<number>;
  entry_date: string;
  direction: string; // income | expense
  kind: string | null; // income: directed | consumption | monthly | service | shop | other
  purpose: string | null; // relief | facilities | groups | other — income: restricted to; expense: paid for
  amount_fen: number;
  donor_kind: string | null; // partner | resident | anonymous (income only)
  partner_id: number | null;
  donor_user_id: number | null;
  donor_name: string | null;
  donor_public: Generated<number>;
  note: Generated<string>;
  ref: string | null;
  pledge_id: number | null;
  reverses_id: number | null;
  source: string; // bot | import | seed | pledge
  recorded_by: number | null;
  recorded_at: string;
}

export interface FundPledgesTable {
  id: Generated<number>;
  user_id: number;
  partner_id: number | null;
  amount_fen: number;
  day_of_month: number;
  show_name: Generated<number>;
  start_month: string;
  status: Generated<string>; // active | cancelled
  created_at: string;
  cancelled_at: string | null;
}

export interface FundPledgeMonthsTable {
  pledge_id: number;
  month: string;
  reminded_at: string;
  entry_id: number | null;
  confirmed_by: number | null;
  confirmed_at: string | null;
}

export interface FundSubscribersTable {
  user_id: number;
  subscribed_at: string;
}

export interface FundStatementsTable {
  month: string;
  queued_at: string;
  recipients: number;
}

export interface VolunteerTeamsTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  partner_id: number | null;
  active: Generated<number>;
  created_by: number | null;
  created_at: string;
}

export interface VolunteerMembersTable {
  team_id: number;
  user_id: number;
  status: string; // pending | approved | rejected | left
  applied_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

export interface VolunteerTeamMessagesTable {
  id: Generated<number>;
  team_id: number;
  text: string;
  sent_by: number;
  sent_at: string;
  recipients: number;
}

export interface VolunteerShiftsTable {
  id: Generated<number>;
  team_id: number;
  date: string;
  description: string;
  minutes: number;
  slots: number;
  status: Generated<string>; // open | cancelled | logged
  created_by: number | null;
  created_at: string;
}

export interface VolunteerShiftTakersTable {
  shift_id: number;
  user_id: number;
  taken_at: string;
}

export interface VolunteerHoursTable {
  id: Generated<number>;
  user_id: number;
  team_id: number;
  shift_id: number | null;
  date: string;
  minutes: number;
  note: Generated<string>;
  logged_by: number | null;
  logged_at: string;
  /** What earned hours credited from another area (`activity:<session>:<user>`), once; null for a shift's. */
  source: string | null;
}

/** Sums of the ledger by calendar month, kept by a trigger on insert (0020); '' where kind or purpose is none. */
export interface FundMonthTotalsTable {
  month: string; // YYYY-MM
  direction: string;
  kind: string;
  purpose: string;
  fen: number;
  entries: number;
}

export interface FundTables {
  partners: PartnersTable;
  partner_offers: PartnerOffersTable;
  fund_entries: FundEntriesTable;
  fund_month_totals: FundMonthTotalsTable;
  fund_pledges: FundPledgesTable;
  fund_pledge_months: FundPledgeMonthsTable;
  fund_subscribers: FundSubscribersTable;
  fund_statements: FundStatementsTable;
  volunteer_teams: VolunteerTeamsTable;
  volunteer_members: VolunteerMembersTable;
  volunteer_team_messages: VolunteerTeamMessagesTable;
  volunteer_shifts: VolunteerShiftsTable;
  volunteer_shift_takers: VolunteerShiftTakersTable;
  volunteer_hours: VolunteerHoursTable;
}
