import { z } from 'zod';
import type { Config } from '../../config';
import { type OfficeHours, parseOfficeHours } from '../../core/office-hours';
import { defineSetting, type SettingSpec, type Settings } from '../../settings';

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

const HH_MM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** When staff answer, as set in the chat: the weekdays open (0 = Sunday … 6 = Saturday) and the hours. */
export const officeHoursSchema = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    open: HH_MM,
    close: HH_MM,
  })
  .refine((v) => v.open < v.close, 'opens before it closes');
export type OfficeHoursValue = z.infer<typeof officeHoursSchema>;

/** The times offered as buttons when office hours are set up (the current ones are added if missing). */
export const OPEN_TIMES = ['07:00', '07:30', '08:00', '08:30', '09:00', '09:30', '10:00'] as const;
export const CLOSE_TIMES = ['16:00', '16:30', '17:00', '17:30', '18:00', '18:30', '19:00', '20:00'] as const;

/** Office hours: a setting (issue 15) whose fallback is OFFICE_HOURS, so a deployment configured by it keeps working. */
export const officeHoursSetting = (config: Config): SettingSpec<OfficeHoursValue> =>
  defineSetting('faq.officeHours', officeHoursSchema, () => {
    const oh = parseOfficeHours(config.OFFICE_HOURS, config.TIMEZONE);
    return { days: [...oh.days].sort((a, b) => a - b), open: oh.open, close: oh.close };
  });

/** What the hand-off rules depend on: configuration read once, office hours read when used (they can change). */
export interface FaqPolicy {
  officeHours(): OfficeHours;
  /** The staff group chat handed-off questions go to; without one, every staff member and admin gets them. */
  staffChatId?: number;
  /** An open question is reminded to staff after this many working hours, and again after each as many. */
  remindHours: number;
}

export function faqPolicy(config: Config, settings: Pick<Settings, 'get'>): FaqPolicy {
  const spec = officeHoursSetting(config);
  return {
    officeHours: () => {
      const v = settings.get(spec);
      return { days: new Set(v.days), open: v.open, close: v.close, tz: config.TIMEZONE };
    },
    staffChatId: config.STAFF_CHAT_ID,
    remindHours: config.HANDOFF_REMIND_HOURS,
  };
}
