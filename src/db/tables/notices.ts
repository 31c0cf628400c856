import type { Generated } from 'kysely';

/** One staff broadcast; its recipients are outbox rows (deliveries.broadcast_id). */
export interface NoticeBroadcastsTable {
  id: Generated<number>;
  draft_key: string;
  created_by: number;
  created_at: string;
  /** all | community:<id> | compound:<id> | role:<staff|deputy|partner> | x:<area audience key> */
  audience: string;
  category: string; // notice | personal | staff: what the recipients' outbox rows carry
  text: string;
  entities: Generated<string>; // JSON MessageEntity[]
  photo: string | null; // Telegram file_id
  send_at: string;
  state: Generated<string>; // active | cancelled | done
  recipients: number;
  progress_message_id: number | null;
  stopped_by: number | null;
  stopped_at: string | null;
  finished_at: string | null;
  sent: number | null;
  failed: number | null;
  unreachable: number | null;
  skipped: number | null;
  /** Live counters of its outbox rows, kept by triggers on deliveries (migration 0013). */
  n_queued: Generated<number>;
  n_sending: Generated<number>;
  n_sent: Generated<number>;
  n_failed: Generated<number>;
  n_unreachable: Generated<number>;
  n_skipped: Generated<number>;
  /** Recipients are expanded into outbox rows in batches: users with ids in (expand_after, expand_upto]. */
  expand_after: Generated<number>;
  expand_upto: number | null;
  /** Set once every recipient has a row (or the broadcast was stopped before). */
  expanded_at: string | null;
}

export interface NoticesTables {
  notice_broadcasts: NoticeBroadcastsTable;
}
