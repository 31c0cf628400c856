// The FAQ's tables, as domain objects: the only place a column name is read.
export * from './entries';
export * from './handoffs';
export * from './queries';
