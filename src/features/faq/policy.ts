import type { Config } from '../../config';
import { type OfficeHours, parseOfficeHours } from '../../core/office-hours';

/** The categories entries are filed under; each has a label in faq.categories.<code>. */
export const CATEGORIES = [
  'market',
  'relief',
  'fund',
  'volunteer',
  'classes',
  'safety',
  'petitions',
  'office',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (s: unknown): s is Category => (CATEGORIES as readonly unknown[]).includes(s);

/** Lengths in characters (a Chinese character is one): [min, max], or a max. */
export const ENTRY_LIMITS = {
  question: [2, 200],
  answer: [2, 3000],
  phrasing: 200,
  phrasings: 20,
  keyword: 40,
  keywords: 30,
} as const;

/** A question longer than this is a letter, not a question: staff would rather get it through petitions. */
export const MAX_QUESTION = 500;

/** Open questions one resident may have waiting: staff are few, and a stuck key must not fill their inbox. */
export const MAX_OPEN_PER_RESIDENT = 5;

/** What the hand-off rules depend on, read once from config. */
export interface FaqPolicy {
  officeHours: OfficeHours;
  /** The staff group chat handed-off questions go to; without one, every staff member and admin gets them. */
  staffChatId?: number;
  /** An open question is reminded to staff after this many working hours, and again after each as many. */
  remindHours: number;
}

export const faqPolicy = (config: Config): FaqPolicy => ({
  officeHours: parseOfficeHours(config.OFFICE_HOURS, config.TIMEZONE),
  staffChatId: config.STAFF_CHAT_ID,
  remindHours: config.HANDOFF_REMIND_HOURS,
});
