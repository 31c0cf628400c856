import type { DbOrTx } from '../../../db/schema';
import { recordUpdate } from '../../../db/update-scope';

// The market's queries: each takes db or a transaction first and returns camelCase domain objects.
export * from './bookings';
export * from './catalogue';
export * from './markets';
export * from './report-counts';
export * from './subscriptions';
export * from './types';
export * from './venues';

/**
 * Runs `fn` in a transaction, joining the caller's if there is one (SQLite has one writer; this keeps it one step); a
 * webhook update's own transaction records the update with its effect (src/db/update-scope.ts).
 */
export const atomically = <T>(db: DbOrTx, fn: (trx: DbOrTx) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute((trx) => recordUpdate(trx).then(() => fn(trx)));
