import type { Generated } from 'kysely';

// Table shapes for relief pickup. Only src/db/schema.ts uses these names; elsewhere use the row aliases.

export interface ReliefRecipientsTable {
  id: Generated<number>;
  name: string;
  category: string; // dibao | tekun | disabled | elderly_alone | other
  phone: string | null;
  notes: string | null;
  active: Generated<number>; // 0/1
  user_id: number | null; // linked Telegram account
  community_id: number | null; // the 社区 the office's list puts them in; null = not recorded
  created_at: string;
  updated_at: string;
}

export interface ReliefProxiesTable {
  id: Generated<number>;
  recipient_id: number;
  name: string;
  user_id: number | null; // set when the proxy opens their link
  active: Generated<number>;
  created_by: number | null;
  created_at: string;
}

export interface ReliefLinksTable {
  code: string;
  recipient_id: number;
  proxy_id: number | null;
  created_by: number;
  created_at: string;
  expires_at: string;
  used_by: number | null;
  used_at: string | null;
}

export interface ReliefCodesTable {
  month: string; // YYYY-MM
  recipient_id: number;
  code: string; // 6 digits
}

export interface ReliefPickupsTable {
  id: Generated<number>;
  recipient_id: number;
  month: string;
  collected_at: string;
  staff_id: number;
  proxy_id: number | null;
  proxy_name: string | null; // null = collected by the recipient themself
  festival_extras: Generated<number>;
  method: string; // code | search
}

export interface ReliefLaterTable {
  month: string;
  recipient_id: number;
  user_id: number;
  at: string;
}

export interface ReliefSettingsTable {
  id: number;
  pickup_day: number;
  hours_from: string;
  hours_to: string;
  place_zh: string;
  place_en: string;
  makeup_days: number;
  address_zh: Generated<string>;
  address_en: Generated<string>;
  /** Comma-separated fields someone has set (day, hours, place, address, makeup); the rest are defaults. */
  set_fields: Generated<string>;
  updated_at: string;
  updated_by: number | null;
}

export interface ReliefHolidaysTable {
  id: Generated<number>;
  date: string;
  name_zh: string;
  name_en: string;
  extras_zh: string;
  extras_en: string;
}

/** Someone not on the roster asked staff to contact them about the pickup. */
export interface ReliefInquiriesTable {
  id: Generated<number>;
  user_id: number;
  asked_at: string;
  /** When and by whom staff marked it answered; null while it waits. */
  answered_at: string | null;
  answered_by: number | null;
}

/** A stage of a month's cycle (announce, morning, …) that was queued, so a later run does not build it again. */
export interface ReliefCycleRunsTable {
  month: string;
  stage: string;
  queued_at: string;
  messages: number;
}

export interface ReliefTables {
  relief_recipients: ReliefRecipientsTable;
  relief_proxies: ReliefProxiesTable;
  relief_links: ReliefLinksTable;
  relief_codes: ReliefCodesTable;
  relief_pickups: ReliefPickupsTable;
  relief_later: ReliefLaterTable;
  relief_settings: ReliefSettingsTable;
  relief_holidays: ReliefHolidaysTable;
  relief_inquiries: ReliefInquiriesTable;
  relief_cycle_runs: ReliefCycleRunsTable;
}
