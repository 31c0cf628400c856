// Table shapes for the setup area. Only src/db/schema.ts uses these names; the setup store maps rows to objects.

/** Someone who wrote before the sub-district was set up: told it is being prepared, greeted when it is ready. */
export interface SetupWaitingTable {
  user_id: number;
  since: string;
}

export interface SetupTables {
  setup_waiting: SetupWaitingTable;
}
