import type { Role } from '../identity';
import { hasAny } from '../identity';
import { MAX_UPLOAD_BYTES } from '../telegram/files';

/** The staff console's rules, in one place. */
export const consolePolicy = {
  /** Telegram's Mini App signature is trusted for an hour after Telegram made it (issue 16). */
  initDataMaxAgeSec: 3600,
  /** A signature dated this far ahead of our clock is a forgery or a broken clock, not a fresh one. */
  initDataSkewSec: 300,
  /** initData is a few hundred bytes; anything much longer is not from Telegram. */
  initDataMaxChars: 4096,
  /** The same limit as a file sent to the chat workbench. */
  maxUploadBytes: MAX_UPLOAD_BYTES,
  /** A petition's photo as Telegram keeps it is a few hundred KB; the Bot API serves files up to 20 MB. */
  maxPhotoBytes: 20 * 1024 * 1024,
  /** Rows on one page of a table. */
  pageSize: 50,
  /** Refusals nobody can be named for (a forged signature) are audited at most this often: a flood stays a trickle. */
  anonymousAuditsPerMinute: 30,
  /** The dashboard's figures are read at most this often (they are month and year totals, not a live feed). */
  dashboardTtlMs: 60_000,
} as const;

/** Who may open the console at all: the people with work in it. Residents and partners are refused. */
export const CONSOLE_ROLES: Role[] = ['staff', 'deputy'];

/** A resident's phone number is shown to staff (and admins), who call people; nowhere else. */
export const maySeePhones = (roles: ReadonlySet<Role>) => hasAny(roles, ['staff']);

/** A deputy without a staff role sees only their own petitions, as in the chat. */
export const onlyDeputy = (roles: ReadonlySet<Role>) => roles.has('deputy') && !hasAny(roles, ['staff']);
