import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';

/**
 * Locks shared by every instance on one database (issue 19). On PostgreSQL they are advisory locks, each held on a
 * connection of a small pool of their own, so that a handler holding its user's lock never waits for a connection
 * that lock-holders took from the query pool. On SQLite there is one instance: in-process ordering is enough.
 */
export interface InstanceLocks {
  /** Runs `fn` while no other instance runs anything under the same key (a user's updates, one after another). */
  hold<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Whether this instance leads (runs the scheduler): takes the leadership if it is free, checks it if held. */
  lead(): Promise<boolean>;
  /**
   * This instance's id among the live ones, held as a lock for as long as its database session lives: the outbox
   * rows it claims carry it, so others can tell a dead instance's rows from a live one's. null: the only instance.
   */
  member(): Promise<number | null>;
  close(): Promise<void>;
}

export const singleInstance: InstanceLocks = {
  hold: (_key, fn) => fn(),
  lead: async () => true,
  member: async () => null,
  close: async () => {},
};

/** (1, 1) in PostgreSQL's two-key space, which never meets the one-key space of users' ids. */
const LEADER = 'pg_try_advisory_lock(1, 1)';
/** (3, id): a live instance's membership, held for as long as its database session lives. */
const MEMBER = 'select pg_try_advisory_lock(3, $1::int) as ok';

/** The ids of the instances alive on this database (PostgreSQL): a claim by any other id belongs to one that died. */
export const liveMembers = sql`select objid::bigint from pg_locks where locktype = 'advisory' and classid = 3
  and objsubid = 2 and granted and database = (select oid from pg_database where datname = current_database())`;

export function postgresLocks(url: string, size = 16): InstanceLocks {
  const pool = new pg.Pool({ connectionString: url, max: size });
  pool.on('error', () => {});
  let leader: pg.PoolClient | undefined;
  let leading = false;
  const dropLeader = (err?: Error) => {
    leader?.release(err ?? true);
    leader = undefined;
    leading = false;
  };
  let member: Promise<{ client: pg.PoolClient; id: number; gone: () => void }> | undefined;
  const join = async () => {
    const client = await pool.connect();
    let released = false;
    const gone = () => {
      member = undefined;
      if (!released) client.release(true);
      released = true;
    };
    client.on('error', gone);
    try {
      for (;;) {
        const id = randomInt(1, 2 ** 31 - 1);
        if ((await client.query<{ ok: boolean }>(MEMBER, [id])).rows[0]?.ok) return { client, id, gone };
      }
    } catch (err) {
      gone();
      throw err;
    }
  };
  return {
    async member() {
      // A session that ended (a network blip) took the lock with it: the next claim joins again under a new id.
      member ??= join();
      return (await member).id;
    },
    async hold(key, fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('select pg_advisory_lock($1::bigint)', [key]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1::bigint)', [key]).catch((e: Error) => {
          broken = e;
        });
        // A connection whose unlock failed may still hold the lock: it is closed, never reused.
        client.release(broken);
      }
    },
    async lead() {
      try {
        if (!leader) {
          leader = await pool.connect();
          leader.on('error', (e) => dropLeader(e));
        }
        // Held: the session is alive, so the lock is still ours. Not held: try to take it.
        if (leading) await leader.query('select 1');
        else leading = (await leader.query<{ ok: boolean }>(`select ${LEADER} as ok`)).rows[0]?.ok === true;
        return leading;
      } catch (err) {
        dropLeader(err as Error);
        return false;
      }
    },
    async close() {
      dropLeader();
      const m = await member?.catch(() => undefined);
      member = undefined;
      m?.gone();
      if (!pool.ended) await pool.end();
    },
  };
}
