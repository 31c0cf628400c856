import { z } from 'zod';
import type { Config } from '../../config';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { defineSetting, type Settings } from '../../settings';

/**
 * What residents may petition about: the code of a managed category (petition_categories). The six of the old fixed
 * list keep their codes (roads, safety, sanitation, noise, facilities, other); one added in the chat gets `k<id>`.
 */
export type Category = string;
/** The shape of a code, as callback data and deputies' areas carry it. */
export const CATEGORY_CODE = '[a-z][a-z0-9_]{0,15}';
export const isCategoryCode = (s: string) => new RegExp(`^${CATEGORY_CODE}$`).test(s);

/** The two catalogues staff manage in the chat. */
export type CatalogueKind = 'category' | 'department';

/** A period figures are for, picked with buttons: a month ('YYYY-MM') or a year. */
export type StatsPeriod = { kind: 'month'; month: string } | { kind: 'year'; year: string };

export const STATUSES = [
  'submitted',
  'accepted',
  'investigating',
  'transferred',
  'reopened',
  'resolved',
  'unresolvable',
] as const;
export type PetitionStatus = (typeof STATUSES)[number];
export const OPEN_STATUSES = ['submitted', 'accepted', 'investigating', 'transferred', 'reopened'] as const;
/** What a handler may set by hand; `submitted` and `reopened` only happen to a petition. */
export type SettableStatus = 'accepted' | 'investigating' | 'transferred' | 'resolved' | 'unresolvable';
export type Solved = 'yes' | 'partly' | 'no';

export const isOpen = (p: { status: string }) => (OPEN_STATUSES as readonly string[]).includes(p.status);

/** What a handler may do with a petition now: the buttons under every card, and what the service accepts. */
export type HandlerAction = 'ack' | 'askInfo' | 'status' | 'reply';
export function handlerActions(p: { status: string; acknowledgedAt: string | null }): HandlerAction[] {
  if (!isOpen(p)) return [];
  return [...(p.acknowledgedAt === null ? (['ack'] as const) : []), 'askInfo', 'status', 'reply'];
}

const WORKING: SettableStatus[] = ['investigating', 'transferred', 'resolved', 'unresolvable'];
/** The statuses a handler may set from the current one; "transferred" again means to another department. */
export function nextStatuses(p: { status: string }): SettableStatus[] {
  if (p.status === 'submitted') return ['accepted', ...WORKING];
  if (p.status === 'accepted' || p.status === 'transferred' || p.status === 'reopened') return WORKING;
  if (p.status === 'investigating') return WORKING.filter((s) => s !== 'investigating');
  return [];
}

/** Which limit has passed without an answer, if any: first the acknowledgement, then the answer. */
export function overdue(
  p: {
    status: string;
    acknowledgedAt: string | null;
    ackDueAt: string;
    answeredAt: string | null;
    answerDueAt: string;
  },
  now: Date,
): 'ack' | 'answer' | null {
  if (!isOpen(p)) return null;
  const at = now.toISOString();
  if (p.acknowledgedAt === null && p.ackDueAt <= at) return 'ack';
  if (p.answeredAt === null && p.answerDueAt <= at) return 'answer';
  return null;
}

/** The area's rules (tests may pass their own, fixed). The time limits are read when used: admins change them. */
export interface PetitionsPolicy {
  readonly ackDays: number;
  readonly answerDays: number;
  /** New petitions one resident may file per calendar day. */
  dailyLimit: number;
  timezone: string;
  staffChatId?: number;
}

// Not in config yet: three a day stops a flood without stopping a real complainant.
export const DEFAULT_DAILY_LIMIT = 3;

/** The time limits' bounds: an acknowledgement within two months, an answer within a year (as configuration). */
export const LIMIT_BOUNDS = { ack: [1, 60], answer: [1, 365] } as const;

/**
 * Days to acknowledge and to answer a petition: set by an admin in the chat (set-up, ⚙️), PETITION_ACK_DAYS and
 * PETITION_ANSWER_DAYS until then.
 */
export const limitSettings = (config: Pick<Config, 'PETITION_ACK_DAYS' | 'PETITION_ANSWER_DAYS'>) => ({
  ackDays: defineSetting('petitions.ackDays', z.number().int().min(1).max(LIMIT_BOUNDS.ack[1]), () => {
    return config.PETITION_ACK_DAYS;
  }),
  answerDays: defineSetting('petitions.answerDays', z.number().int().min(1).max(LIMIT_BOUNDS.answer[1]), () => {
    return config.PETITION_ANSWER_DAYS;
  }),
});

export function petitionsPolicy(config: Config, settings?: Settings): PetitionsPolicy {
  const limits = limitSettings(config);
  return {
    get ackDays() {
      return settings ? settings.get(limits.ackDays) : config.PETITION_ACK_DAYS;
    },
    get answerDays() {
      return settings ? settings.get(limits.answerDays) : config.PETITION_ANSWER_DAYS;
    },
    dailyLimit: DEFAULT_DAILY_LIMIT,
    timezone: config.TIMEZONE,
    staffChatId: config.STAFF_CHAT_ID,
  };
}

export const MAX_PHOTOS = 5;
/** "It happened again" is forwarded to the deputies: a few a day per person says it all without flooding them. */
export const OCCURRENCES_PER_DAY = 3;
/** Status changes to one follower closer together than this are folded into one digest message. */
export const DIGEST_MS = HOUR_MS;
/** Deputies are reminded this long before each limit. */
export const REMIND_BEFORE_MS = { ack: DAY_MS, answer: 3 * DAY_MS } as const;

/** Lengths (in characters) of what people type, [min, max]. */
export const TEXT_LIMITS = {
  place: [2, 100],
  description: [5, 1000],
  /** A deputy's question, reply, resolution note or meeting outcome. */
  handler: [2, 1000],
} as const;
/** "It happened again" and "more information" notes. */
export const NOTE_MAX = 500;

/** True when the text's length (in characters, not UTF-16 units) is within [min, max]. */
export const fits = (text: string, [min, max]: readonly [number, number]) =>
  [...text].length >= min && [...text].length <= max;
