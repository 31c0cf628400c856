// The fund's tables: the ledger and its sums by month, monthly pledges, statement subscribers and queued statements.
export * from './books';
export * from './entries';
export * from './pledges';
export * from './statements';
