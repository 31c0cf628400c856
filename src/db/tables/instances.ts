/** What several instances share (issue 19): the updates claimed or handled, so that each is handled once. */
export interface HandledUpdatesTable {
  update_id: number;
  state: 'handling' | 'done';
  claimed_at: string;
}

export interface InstancesTables {
  handled_updates: HandledUpdatesTable;
}
