// Table shapes for the staff console's sign-in. Only src/db/schema.ts uses these names; elsewhere use the row aliases.

/** A one-time link /console sends: single use, ten minutes. */
export interface ConsoleLoginLinksTable {
  token_hash: string; // SHA-256 of the token in the link, hex
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A browser's session, opened by a login link; ended by logout (every session of the person) or by time. */
export interface ConsoleSessionsTable {
  token_hash: string; // SHA-256 of the cookie's value, hex
  user_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
}

export interface ConsoleTables {
  console_login_links: ConsoleLoginLinksTable;
  console_sessions: ConsoleSessionsTable;
}
