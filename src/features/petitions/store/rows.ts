import type { Selectable, Updateable } from 'kysely';
import type { Database } from '../../../db/schema';
import type { Category, PetitionStatus, Solved } from '../policy';

// The area's domain objects and the one place rows become them. The CHECK constraints of migration 0006 keep status
// and solved within their lists, and only this area writes event kinds, which is why the narrowing casts below are
// safe.

/** A resident's petition to their deputies, with its time limits and the petitioner's feedback. */
export interface Petition {
  id: number;
  petitionerId: number;
  communityId: number | null;
  compoundId: number | null;
  category: Category;
  /** The category's names as they were when it was filed (a later rename does not change what it shows). */
  categoryName: { nameZh: string; nameEn: string };
  place: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  /** The petitioner's name is visible to co-signers and in public views. */
  showName: boolean;
  status: PetitionStatus;
  departmentId: number | null;
  /** Why it cannot be solved, or what was done. */
  statusNote: string | null;
  createdAt: string;
  updatedAt: string;
  ackDueAt: string;
  answerDueAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: number | null;
  answeredAt: string | null;
  answeredBy: number | null;
  /** +1 each time the petitioner reopens it; reminders are per round. */
  round: number;
  occurrences: number;
  solved: Solved | null;
  satisfaction: number | null;
  feedbackAt: string | null;
  /** The next moment the deadlines job looks at it (a reminder or a limit ahead); null when nothing more is due. */
  alertDueAt: string | null;
}

/** The petitioner (owner) or a neighbour who co-signed: both follow the petition. */
export interface Follower {
  petitionId: number;
  userId: number;
  kind: 'owner' | 'cosigner';
  showName: boolean;
  lastNoticeAt: string | null;
  digestAt: string | null;
  /** The hourly digest pending for this follower: a later change in the same hour updates it in place. */
  digestKey: string | null;
  createdAt: string;
}

export type EventKind =
  | 'filed'
  | 'cosigned'
  | 'acknowledged'
  | 'status'
  | 'info_request'
  | 'info'
  | 'reply'
  | 'meeting'
  | 'occurrence'
  | 'chase'
  | 'feedback';

/** One step on the timeline. */
export interface PetitionEvent {
  id: number;
  petitionId: number;
  at: string;
  actorId: number | null;
  kind: EventKind;
  status: string | null;
  departmentId: number | null;
  text: string | null;
  occurredOn: string | null;
  photoFileId: string | null;
  meetingId: number | null;
}

/** A government department petitions are transferred to; a retired one is no longer offered. */
export interface Department {
  id: number;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

/** What residents may petition about; a retired one is no longer offered, and petitions filed under it keep it. */
export interface PetitionCategory {
  id: number;
  code: Category;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

/** A deputy answers for a community, for every category (category null) or one of them. */
export interface Assignment {
  id: number;
  userId: number;
  communityId: number;
  category: Category | null;
}

export const toPetition = (r: Selectable<Database['petitions']>): Petition => ({
  id: r.id,
  petitionerId: r.petitioner_id,
  communityId: r.community_id,
  compoundId: r.compound_id,
  category: r.category,
  categoryName: { nameZh: r.category_zh ?? r.category, nameEn: r.category_en ?? r.category_zh ?? r.category },
  place: r.place,
  latitude: r.latitude,
  longitude: r.longitude,
  description: r.description,
  showName: r.show_name === 1,
  status: r.status as PetitionStatus,
  departmentId: r.department_id,
  statusNote: r.status_note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ackDueAt: r.ack_due_at,
  answerDueAt: r.answer_due_at,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
  round: r.round,
  occurrences: r.occurrences,
  solved: r.solved as Solved | null,
  satisfaction: r.satisfaction,
  feedbackAt: r.feedback_at,
  alertDueAt: r.alert_due_at,
});

/** A change to a petition, in domain terms. */
export type PetitionPatch = Partial<
  Pick<
    Petition,
    | 'status'
    | 'departmentId'
    | 'statusNote'
    | 'updatedAt'
    | 'answerDueAt'
    | 'acknowledgedAt'
    | 'acknowledgedBy'
    | 'answeredAt'
    | 'answeredBy'
    | 'round'
    | 'solved'
    | 'satisfaction'
    | 'feedbackAt'
    | 'alertDueAt'
  >
>;

const PATCH_COLUMNS = {
  status: 'status',
  departmentId: 'department_id',
  statusNote: 'status_note',
  updatedAt: 'updated_at',
  answerDueAt: 'answer_due_at',
  acknowledgedAt: 'acknowledged_at',
  acknowledgedBy: 'acknowledged_by',
  answeredAt: 'answered_at',
  answeredBy: 'answered_by',
  round: 'round',
  solved: 'solved',
  satisfaction: 'satisfaction',
  feedbackAt: 'feedback_at',
  alertDueAt: 'alert_due_at',
} as const satisfies Record<keyof PetitionPatch, keyof Database['petitions']>;

export function patchColumns(patch: PetitionPatch): Updateable<Database['petitions']> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[PATCH_COLUMNS[k as keyof PetitionPatch]] = v;
  return out;
}

export const toFollower = (r: Selectable<Database['petition_followers']>): Follower => ({
  petitionId: r.petition_id,
  userId: r.user_id,
  kind: r.kind === 'owner' ? 'owner' : 'cosigner',
  showName: r.show_name === 1,
  lastNoticeAt: r.last_notice_at,
  digestAt: r.digest_at,
  digestKey: r.digest_key,
  createdAt: r.created_at,
});

export const toEvent = (r: Selectable<Database['petition_events']>): PetitionEvent => ({
  id: r.id,
  petitionId: r.petition_id,
  at: r.at,
  actorId: r.actor_id,
  kind: r.kind as EventKind,
  status: r.status,
  departmentId: r.department_id,
  text: r.text,
  occurredOn: r.occurred_on,
  photoFileId: r.photo_file_id,
  meetingId: r.meeting_id,
});

export const toDepartment = (r: Selectable<Database['petition_departments']>): Department => ({
  id: r.id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  active: r.active === 1,
});

export const toCategory = (r: Selectable<Database['petition_categories']>): PetitionCategory => ({
  id: r.id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  active: r.active === 1,
});

export const toAssignment = (r: Selectable<Database['petition_deputies']>): Assignment => ({
  id: r.id,
  userId: r.user_id,
  communityId: r.community_id,
  category: r.category,
});
