/** What several instances share (issue 19): the updates claimed or handled, so that each is handled once. */
export interface HandledUpdatesTable {
  update_id: number;
  state: 'handling' | 'done';
  claimed_at: string;
  /** PostgreSQL: the instance handling it (src/db/locks.ts member()); null on SQLite. */
  claimed_by: number | null;
  /** Set (to the claim's time) by the handler's own transaction with the update's effect (src/db/update-scope.ts). */
  committed_at: string | null;
}

/** The one row of the shared send schedule: the next free send slot, epoch milliseconds (fractional). */
export interface DeliveryBudgetTable {
  id: number;
  next_slot: number;
}

/** When each chat may next be sent to, epoch milliseconds; rows in the past are stale and pruned. */
export interface DeliveryChatsTable {
  chat_id: number;
  next_at: number;
}

export interface InstancesTables {
  handled_updates: HandledUpdatesTable;
  delivery_budget: DeliveryBudgetTable;
  delivery_chats: DeliveryChatsTable;
}
