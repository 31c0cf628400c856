import { z } from 'zod';
import { defineFlow } from '../../identity';

// Names and steps are those stored for flows in progress before they were typed: an upgrade keeps them working.

const id = z.object({ id: z.number().int() });

/** Staff add an entry: language → category (buttons) → question → answer → phrasings → keywords. */
const draft = z.object({
  lang: z.enum(['zh-CN', 'en']).optional(),
  category: z.string().optional(),
  /** Set when the entry is the other language version of an existing one. */
  key: z.string().optional(),
  question: z.string().optional(),
  answer: z.string().optional(),
  phrasings: z.array(z.string()).optional(),
});
/** An entry being added, as far as the steps so far have filled it in (the keywords are its last step). */
export type EntryDraft = z.infer<typeof draft>;

export const addFlow = defineFlow(
  'faq.add',
  ['lang', 'category', 'question', 'answer', 'phrasings', 'keywords'],
  draft,
);

/** Staff change one field of an entry; the step is the field. */
export const editFlow = defineFlow('faq.edit', ['question', 'answer', 'phrasings', 'keywords'], id);

/** Staff type the answer to a handed-off question. */
export const replyFlow = defineFlow('faq.reply', ['text'], id);

/**
 * Staff make an answered question an entry: they word the question the way residents will ask it, then review the
 * entry (the personal details in it pointed out), change the question, the answer or the category, and save.
 * The answer is kept here only once staff changed it; until then it is the one they sent.
 */
export const fromHandoffFlow = defineFlow(
  'faq.fromHandoff',
  ['question', 'answer', 'review'],
  id.extend({ question: z.string().optional(), answer: z.string().optional(), category: z.string().optional() }),
);

/** An admin sets office hours by tapping: the weekdays (toggled), the opening time, the closing time. */
export const officeHoursFlow = defineFlow(
  'faq.officeHours',
  ['days', 'open', 'close'],
  z.object({ days: z.array(z.number().int().min(0).max(6)), open: z.string().optional() }),
);

export const faqFlows = [addFlow, editFlow, replyFlow, fromHandoffFlow, officeHoursFlow] as const;
