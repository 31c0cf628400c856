import { randomBytes } from 'node:crypto';
import {
  InvalidAnswer,
  InvalidCategory,
  InvalidKey,
  InvalidKeywords,
  InvalidLanguage,
  InvalidPhrasings,
  InvalidQuestion,
} from './errors';
import { ENTRY_LIMITS, isCategory } from './policy';
import { isFaqLang } from './searchable';
import type { NewEntry } from './store';

// What staff type, or an import file holds, checked into an entry. Each check throws the named error its reply
// explains (with an example), so a flow step can simply ask again.

/** An entry as written by a person. A field a flow has not reached yet is missing; the checks refuse it. */
export interface EntryInput {
  /** Links the language versions of one answer; generated when absent. */
  key?: string;
  lang?: string;
  category?: string;
  question?: string;
  answer?: string;
  phrasings?: string[];
  keywords?: string[];
}

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();
const length = (s: string) => [...s].length;
const inRange = (s: string, [min, max]: readonly [number, number]) => length(s) >= min && length(s) <= max;
const distinct = (list: string[]) => [...new Set(list.map((p) => p.trim()).filter(Boolean))];

/** Phrasings as staff type them: one per line. */
export const splitPhrasings = (text: string) =>
  text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Keywords as staff type them: separated by commas (either width), 、, semicolons or lines. */
export const splitKeywords = (text: string) =>
  text
    .split(/[,，、;；\n|]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function validQuestion(s: string): string {
  const q = clean(s).replace(/\s+/g, ' ');
  if (!inRange(q, ENTRY_LIMITS.question)) throw new InvalidQuestion();
  return q;
}

export function validAnswer(s: string): string {
  const a = clean(s);
  if (!inRange(a, ENTRY_LIMITS.answer)) throw new InvalidAnswer();
  return a;
}

export function validPhrasings(list: string[]): string[] {
  const out = distinct(list);
  if (out.length > ENTRY_LIMITS.phrasings || out.some((p) => length(p) > ENTRY_LIMITS.phrasing))
    throw new InvalidPhrasings();
  return out;
}

export function validKeywords(list: string[]): string[] {
  const out = distinct(list);
  if (out.length > ENTRY_LIMITS.keywords || out.some((p) => length(p) > ENTRY_LIMITS.keyword))
    throw new InvalidKeywords();
  return out;
}

function validKey(s: string | undefined): string {
  if (s === undefined || s.trim() === '') return `k-${randomBytes(5).toString('hex')}`;
  if (!/^[\w-]{1,60}$/.test(s.trim())) throw new InvalidKey();
  return s.trim();
}

/** Every rule an entry must meet, as the entry to write. */
export function validEntry(input: EntryInput, now: Date, actorId: number | null): NewEntry {
  if (!isFaqLang(input.lang)) throw new InvalidLanguage();
  if (!isCategory(input.category)) throw new InvalidCategory();
  const at = now.toISOString();
  return {
    key: validKey(input.key),
    lang: input.lang,
    category: input.category,
    question: validQuestion(input.question ?? ''),
    answer: validAnswer(input.answer ?? ''),
    phrasings: validPhrasings(input.phrasings ?? []),
    keywords: validKeywords(input.keywords ?? []),
    createdBy: actorId,
    createdAt: at,
    updatedAt: at,
  };
}
