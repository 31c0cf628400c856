import { textsFor } from '../../i18n/match';
import { InvalidInput } from './errors';

// Who is on the roster: the groups of people in special need, and what a name, phone number and notes may be.

export const CATEGORIES = ['dibao', 'tekun', 'disabled', 'elderly_alone', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The labels on the office's own lists; the import accepts them (and common aliases), the exports write them. */
export const CATEGORY_ZH: Record<Category, string> = {
  dibao: '低保',
  tekun: '特困',
  disabled: '残疾',
  elderly_alone: '独居老人',
  other: '其他',
};
const ALIASES: Record<string, Category> = {
  低保户: 'dibao',
  特困供养: 'tekun',
  特困人员: 'tekun',
  残疾人: 'disabled',
  独居: 'elderly_alone',
  空巢老人: 'elderly_alone',
};

export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);

/** The code, the Chinese label, a common alias, or the label in any language (an export read back). */
export function parseCategory(s: string): Category | undefined {
  const v = s.trim();
  if (isCategory(v)) return v;
  const lower = v.toLowerCase();
  return (
    CATEGORIES.find((c) => CATEGORY_ZH[c] === v) ??
    ALIASES[v] ??
    CATEGORIES.find((c) => textsFor(`relief.category.${c}`).some((l) => l.toLowerCase() === lower))
  );
}

export const NAME_MAX = 30;
export const NOTES_MAX = 200;

/** Spaces tidied; 1 to NAME_MAX characters, no control characters or < > (names end up in staff messages). */
export function cleanName(s: string): string | undefined {
  const v = s.trim().replace(/\s+/g, ' ');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  return v.length >= 1 && v.length <= NAME_MAX && !/[\u0000-\u001f<>]/.test(v) ? v : undefined;
}

/** Digits only (a leading +86 or spaces and dashes are fine); 7 to 15 digits. */
export function cleanPhone(s: string): string | undefined {
  const digits = s.trim().replace(/^\+86/, '').replace(/[\s-]/g, '');
  return /^\d{7,15}$/.test(digits) ? digits : undefined;
}

/** A recipient's name as staff type it; re-asked when it does not fit. */
export function parseName(s: string): string {
  const name = cleanName(s);
  if (!name) throw new InvalidInput('Name');
  return name;
}

/** The name of someone collecting for a recipient (typed by them, the recipient or the desk). */
export function parseProxyName(s: string): string {
  const name = cleanName(s);
  if (!name) throw new InvalidInput('ProxyName');
  return name;
}

export function parsePhone(s: string): string {
  const phone = cleanPhone(s);
  if (phone === undefined) throw new InvalidInput('Phone');
  return phone;
}

/** What staff change of a recipient in the bot, one field at a time. */
export const EDITABLE_FIELDS = ['name', 'category', 'phone', 'notes'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface RecipientInput {
  name: string;
  category: Category;
  phone: string | null;
  notes: string | null;
}

/** One person on the roster: the same name and phone (or both without one) twice is the same person entered twice. */
export const personKey = (name: string, phone: string | null) => `${name}|${phone ?? ''}`;

/** A recipient as it is stored: tidied, checked; an empty phone or notes is none. */
export function validRecipient(input: RecipientInput): RecipientInput {
  const name = parseName(input.name);
  if (!isCategory(input.category)) throw new InvalidInput('Category');
  const phone = input.phone === null || input.phone.trim() === '' ? null : parsePhone(input.phone);
  const notes = input.notes?.trim() ? input.notes.trim().slice(0, NOTES_MAX) : null;
  return { name, category: input.category, phone, notes };
}
