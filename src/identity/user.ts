import type { Selectable } from 'kysely';
import type { Locale } from '../config';
import type { UsersTable } from '../db/tables/core';

/** A person known to the bot: their Telegram profile, their own choices and what onboarding asked. */
export interface User {
  id: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  /** What Telegram reported. */
  tgLanguage: string | null;
  /** What they chose with /lang; null = follow Telegram. */
  language: Locale | null;
  phone: string | null;
  communityId: number | null;
  compoundId: number | null;
  onboarded: boolean;
  noticesOptOut: boolean;
  /** False after Telegram said 403 (they blocked the bot). */
  reachable: boolean;
  createdAt: string;
  seenAt: string;
}

/** The sender of an update as Telegram describes them (kept structural: identity knows nothing of grammY). */
export interface TelegramProfile {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

const asLocale = (s: string | null): Locale | null => (s === 'zh-CN' || s === 'en' ? s : null);

export const toUser = (r: Selectable<UsersTable>): User => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  username: r.username,
  tgLanguage: r.tg_language,
  language: asLocale(r.language),
  phone: r.phone,
  communityId: r.community_id,
  compoundId: r.compound_id,
  onboarded: r.onboarded === 1,
  noticesOptOut: r.notices_opt_out === 1,
  reachable: r.reachable === 1,
  createdAt: r.created_at,
  seenAt: r.seen_at,
});
