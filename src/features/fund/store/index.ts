// The fund's tables: the ledger, monthly pledges, statement subscribers and queued statements.
export * from './entries';
export * from './pledges';
export * from './statements';
