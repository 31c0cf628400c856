import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';
import { HOUR_MS, MINUTE_MS } from '../core/time';
import type { Db, DbOrTx } from '../db/schema';
import { recordAudit } from './audit';
import { LoginLinkExpired, LoginLinkNotFound, LoginLinkUsed } from './errors';

/** A login link works once, for ten minutes: long enough to open it on the office PC, short enough to go stale. */
export const LOGIN_LINK_MS = 10 * MINUTE_MS;
/** A session lasts a working day; the next day starts with a new link. */
export const WEB_SESSION_MS = 10 * HOUR_MS;

/** A signed-in browser: who, the token its forms carry, and until when. */
export interface WebSession {
  userId: number;
  csrf: string;
  expiresAt: string;
}

const newToken = () => randomBytes(24).toString('base64url');
/** Only this is stored: a copy of the database must not open anyone's console. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Marks the link used only if nobody used it first (the WHERE makes a double click harmless). */
const claim = async (db: DbOrTx, hash: string, at: string) =>
  (
    await db
      .updateTable('console_login_links')
      .set({ used_at: at })
      .where('token_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

/**
 * The staff console's browser sign-in: /console in the bot makes a one-time link, the link opens a session (an
 * HttpOnly cookie holds its token), logout ends every session of that person. Audited like every privileged step.
 */
export function createWebLogins(db: Db, clock: Clock) {
  return {
    async createLink(userId: number): Promise<{ token: string; expiresAt: string }> {
      const now = clock.now();
      const token = newToken();
      const expiresAt = new Date(now.getTime() + LOGIN_LINK_MS).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('console_login_links')
          .values({
            token_hash: tokenHash(token),
            user_id: userId,
            created_at: now.toISOString(),
            expires_at: expiresAt,
          })
          .execute();
        await recordAudit(trx, { actorId: userId, action: 'console.link', subject: `user:${userId}` }, now);
      });
      return { token, expiresAt };
    },

    /** Uses a link: a session for its owner, or LoginLinkNotFound / LoginLinkUsed / LoginLinkExpired. */
    async openSession(linkToken: string): Promise<{ token: string; session: WebSession }> {
      const now = clock.now();
      const at = now.toISOString();
      const hash = tokenHash(linkToken);
      return db.transaction().execute(async (trx) => {
        const link = await trx
          .selectFrom('console_login_links')
          .selectAll()
          .where('token_hash', '=', hash)
          .executeTakeFirst();
        if (!link) throw new LoginLinkNotFound();
        if (link.used_at !== null) throw new LoginLinkUsed();
        if (link.expires_at <= at) throw new LoginLinkExpired();
        if (!(await claim(trx, hash, at))) throw new LoginLinkUsed();
        const token = newToken();
        const session = {
          userId: link.user_id,
          csrf: newToken(),
          expiresAt: new Date(now.getTime() + WEB_SESSION_MS).toISOString(),
        };
        await trx
          .insertInto('console_sessions')
          .values({
            token_hash: tokenHash(token),
            user_id: session.userId,
            csrf: session.csrf,
            created_at: at,
            expires_at: session.expiresAt,
          })
          .execute();
        await recordAudit(trx, { actorId: link.user_id, action: 'console.login', subject: 'link' }, now);
        return { token, session };
      });
    },

    /** The session a cookie names, while it lasts. */
    async session(token: string): Promise<WebSession | undefined> {
      const r = await db
        .selectFrom('console_sessions')
        .select(['user_id', 'csrf', 'expires_at'])
        .where('token_hash', '=', tokenHash(token))
        .where('ended_at', 'is', null)
        .where('expires_at', '>', clock.now().toISOString())
        .executeTakeFirst();
      return r && { userId: r.user_id, csrf: r.csrf, expiresAt: r.expires_at };
    },

    /** Logout: every open session of the person ends, on every browser. Returns how many were open. */
    async endAll(userId: number): Promise<number> {
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('console_sessions')
          .set({ ended_at: at })
          .where('user_id', '=', userId)
          .where('ended_at', 'is', null)
          .where('expires_at', '>', at)
          .executeTakeFirst();
        const ended = Number(r.numUpdatedRows);
        await recordAudit(trx, { actorId: userId, action: 'console.logout', details: { sessions: ended } }, now);
        return ended;
      });
    },

    /** Links and sessions over for a day are of no further use (the audit log keeps who signed in when). */
    async prune(): Promise<number> {
      const before = new Date(clock.now().getTime() - 24 * HOUR_MS).toISOString();
      const links = await db.deleteFrom('console_login_links').where('expires_at', '<', before).executeTakeFirst();
      const sessions = await db.deleteFrom('console_sessions').where('expires_at', '<', before).executeTakeFirst();
      return Number(links.numDeletedRows) + Number(sessions.numDeletedRows);
    },
  };
}

export type WebLogins = ReturnType<typeof createWebLogins>;
