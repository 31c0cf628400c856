import type { DbOrTx } from '../../../db/schema';

export * from './activities';
export * from './figures';
export * from './people';
export * from './signups';
export * from './types';

/** Runs `fn` in the caller's transaction, or in a new one. */
export const atomically = <T>(db: DbOrTx, fn: (trx: DbOrTx) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);
