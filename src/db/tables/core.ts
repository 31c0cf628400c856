import type { Generated } from 'kysely';

// Table shapes for the foundation. Only src/db/schema.ts uses these names; elsewhere use the row aliases.

export interface UsersTable {
  id: number; // Telegram user id
  first_name: string;
  last_name: string | null;
  username: string | null;
  tg_language: string | null; // what Telegram reported
  language: string | null; // what the user chose with /lang; null = follow Telegram
  phone: string | null;
  community_id: number | null;
  compound_id: number | null;
  onboarded: Generated<number>; // 0/1: finished (or skipped) the welcome questions
  notices_opt_out: Generated<number>; // 0/1: no general broadcasts
  reachable: Generated<number>; // 0 after Telegram said 403 (blocked)
  created_at: string;
  seen_at: string;
}

export interface RolesTable {
  user_id: number;
  role: string;
  granted_by: number | null;
  granted_at: string;
}

export interface InvitationsTable {
  code: string;
  role: string;
  created_by: number;
  created_at: string;
  expires_at: string;
  used_by: number | null;
  used_at: string | null;
  /** JSON: what comes with the role (a deputy's areas), read by the area it concerns; null for none. */
  scope: string | null;
}

export interface CommunitiesTable {
  id: Generated<number>;
  subdistrict: string;
  name_zh: string;
  name_en: string;
  retired: Generated<number>; // 0/1: no longer offered; kept for everything that refers to it
}

export interface CompoundsTable {
  id: Generated<number>;
  community_id: number;
  name_zh: string;
  name_en: string;
  rotation_order: number;
  address: string | null;
  latitude: number | null; // a point on the map, if the admin sent one
  longitude: number | null;
  retired: Generated<number>; // 0/1
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  action: string;
  subject: string | null;
  details: string; // JSON
}

/** A multi-step flow in progress, one per user, so a restart loses nothing the user typed. */
export interface FlowsTable {
  user_id: number;
  name: string;
  step: string;
  data: string; // JSON
  updated_at: string;
}

export interface DeliveriesTable {
  id: Generated<number>;
  dedupe_key: string;
  chat_id: number;
  user_id: number | null;
  category: string; // notice | personal | staff
  content: string | null; // JSON, see features/delivery/content.ts; null when shared (content_id)
  content_id: number | null;
  state: Generated<string>; // queued | sending | sent | failed | skipped
  reason: string | null;
  attempts: Generated<number>;
  next_attempt_at: string;
  tg_message_id: number | null;
  broadcast_id: number | null;
  created_at: string;
  updated_at: string;
  /** PostgreSQL: the instance sending it (state `sending`), so a dead instance's rows can be told from live ones. */
  claimed_by: number | null;
}

export interface DeliveryContentsTable {
  id: Generated<number>;
  content: string;
}

export interface CoreTables {
  delivery_contents: DeliveryContentsTable;
  users: UsersTable;
  roles: RolesTable;
  invitations: InvitationsTable;
  communities: CommunitiesTable;
  compounds: CompoundsTable;
  audit_log: AuditLogTable;
  flows: FlowsTable;
  deliveries: DeliveriesTable;
  storage_snapshots: StorageSnapshotsTable;
  settings: SettingsTable;
}

/** A day's size of each table and index (issue 20): `cli stats` reports growth from these. */
export interface StorageSnapshotsTable {
  taken_on: string; // YYYY-MM-DD
  name: string;
  bytes: number;
  row_count: number | null;
}

/** A deployment setting made in the chat (issue 15): the value as JSON, checked against its schema when read. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: number | null;
}
