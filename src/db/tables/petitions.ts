import type { Generated } from 'kysely';

// Table shapes for petitions to deputies. Only src/db/schema.ts uses these names; elsewhere use row aliases.

export interface PetitionDepartmentsTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string;
  active: Generated<number>;
}

/** What residents may petition about, managed in the chat; `code` is what petitions and deputies' areas refer to. */
export interface PetitionCategoriesTable {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string;
  active: Generated<number>;
  created_at: string;
}

/** An area whose petitions go to staff for want of a deputy, as the admins were told (category '*': all of it). */
export interface PetitionUncoveredTable {
  community_id: number;
  category: string;
  told_at: string;
}

/** A deputy answers for a community, for every category (category null) or one of them. */
export interface PetitionDeputiesTable {
  id: Generated<number>;
  user_id: number;
  community_id: number;
  category: string | null;
  created_at: string;
}

export interface PetitionsTable {
  id: Generated<number>;
  petitioner_id: number;
  community_id: number | null;
  compound_id: number | null;
  category: string; // a petition_categories code
  /** The category's names as they were when the petition was filed. */
  category_zh: string | null;
  category_en: string | null;
  place: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  show_name: Generated<number>; // 0/1: petitioner's name visible to co-signers and in public views
  status: Generated<string>; // submitted | accepted | investigating | transferred | reopened | resolved | unresolvable
  department_id: number | null;
  status_note: string | null; // reason for 无法解决, or what was done for 已解决
  created_at: string;
  updated_at: string;
  ack_due_at: string;
  answer_due_at: string;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
  answered_at: string | null;
  answered_by: number | null;
  round: Generated<number>; // +1 each time the petitioner reopens it; reminders are per round
  occurrences: Generated<number>;
  solved: string | null; // yes | partly | no
  satisfaction: number | null; // 1–5
  feedback_at: string | null;
  /** The next moment the deadlines job has something to look at (a reminder or a limit); null: nothing more. */
  alert_due_at: string | null;
}

export interface PetitionFollowersTable {
  petition_id: number;
  user_id: number;
  kind: string; // owner | cosigner
  show_name: Generated<number>;
  created_at: string;
  last_notice_at: string | null;
  digest_at: string | null;
  /** The dedupe key of the hourly digest pending for this follower, which a later change updates in place. */
  digest_key: string | null;
}

/** The timeline: every step anyone took on a petition. */
export interface PetitionEventsTable {
  id: Generated<number>;
  petition_id: number;
  at: string;
  actor_id: number | null;
  // filed | cosigned | acknowledged | status | info_request | info | reply | meeting | occurrence | chase | feedback
  kind: string;
  status: string | null;
  department_id: number | null;
  text: string | null;
  occurred_on: string | null;
  photo_file_id: string | null;
  meeting_id: number | null;
}

export interface PetitionPhotosTable {
  id: Generated<number>;
  petition_id: number;
  file_id: string;
  created_at: string;
}

/** 代表·局长面对面: a deputy's face-to-face session with bureau chiefs. */
export interface PetitionMeetingsTable {
  id: Generated<number>;
  deputy_id: number;
  held_on: string; // YYYY-MM-DD
  outcome: string;
  created_at: string;
}

export interface PetitionMeetingDepartmentsTable {
  meeting_id: number;
  department_id: number;
}

export interface PetitionMeetingItemsTable {
  meeting_id: number;
  petition_id: number;
}

/** A reminder or escalation queued for a petition in a round (remind-ack, late-ack, remind-answer, late-answer). */
export interface PetitionAlertsTable {
  petition_id: number;
  round: number;
  kind: string;
  queued_at: string;
}

/** A month whose figures went to staff (YYYY-MM). */
export interface PetitionMonthlyReportsTable {
  month: string;
  filed: number;
  sent_at: string;
}

export interface PetitionsTables {
  petition_categories: PetitionCategoriesTable;
  petition_departments: PetitionDepartmentsTable;
  petition_deputies: PetitionDeputiesTable;
  petitions: PetitionsTable;
  petition_followers: PetitionFollowersTable;
  petition_events: PetitionEventsTable;
  petition_photos: PetitionPhotosTable;
  petition_meetings: PetitionMeetingsTable;
  petition_meeting_departments: PetitionMeetingDepartmentsTable;
  petition_meeting_items: PetitionMeetingItemsTable;
  petition_alerts: PetitionAlertsTable;
  petition_monthly_reports: PetitionMonthlyReportsTable;
  petition_uncovered: PetitionUncoveredTable;
}
