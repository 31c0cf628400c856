import type { Generated } from 'kysely';

// Table shapes for the safety area. Only src/db/schema.ts uses these names; the safety store maps rows to objects.

export interface EmergencyAlertsTable {
  id: Generated<number>;
  user_id: number;
  chat_id: number;
  kind: string; // EmergencyKind
  text: string;
  message: string | null; // JSON of the Telegram message, kept while a flow may want it back
  in_flow: Generated<number>; // 0/1
  created_at: string;
  notified_at: string | null;
  continued_at: string | null;
}

export interface SafetyTables {
  emergency_alerts: EmergencyAlertsTable;
}
