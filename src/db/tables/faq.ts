import type { Generated } from 'kysely';

/** One answer in one language; the zh-CN and en versions of the same answer share `key`. */
export interface FaqEntriesTable {
  id: Generated<number>;
  key: string;
  lang: string; // zh-CN | en
  category: string;
  question: string;
  phrasings: Generated<string>; // JSON string[]
  keywords: Generated<string>; // JSON string[]
  answer: string;
  hits: Generated<number>;
  helpful: Generated<number>;
  unhelpful: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One row (id 1) whose counter the database bumps whenever searchable entry content changes. */
export interface FaqRevisionTable {
  id: number;
  n: number;
}

export interface FaqQueriesTable {
  id: Generated<number>;
  user_id: number;
  text: string;
  lang: string;
  outcome: string; // answer | choices | none
  entry_id: number | null;
  feedback: string | null; // up | down
  handoff_id: number | null;
  created_at: string;
}

export interface FaqHandoffsTable {
  id: Generated<number>;
  user_id: number;
  query_id: number | null;
  question: string;
  lang: string;
  state: Generated<string>; // open | answered
  taken_by: number | null;
  taken_at: string | null;
  answered_by: number | null;
  answered_at: string | null;
  entry_id: number | null;
  created_at: string;
  /** The last reminder round queued to staff (0: none yet). */
  reminded_round: Generated<number>;
}

export interface FaqHandoffMessagesTable {
  id: Generated<number>;
  handoff_id: number;
  author_id: number;
  side: string; // resident | staff
  text: string;
  created_at: string;
}

export interface FaqTables {
  faq_entries: FaqEntriesTable;
  faq_revision: FaqRevisionTable;
  faq_queries: FaqQueriesTable;
  faq_handoffs: FaqHandoffsTable;
  faq_handoff_messages: FaqHandoffMessagesTable;
}
