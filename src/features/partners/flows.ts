import { z } from 'zod';
import { defineFlow } from '../../identity';

/** Staff write to every member of a team: the text, then a preview to send. */
export const messageFlow = defineFlow(
  'partners.message',
  ['text', 'confirm'],
  z.object({ teamId: z.number().int(), text: z.string().optional() }),
);

/** Staff offer a shift to a team: date → what to do → hours → places → preview. */
export const shiftFlow = defineFlow(
  'partners.shift',
  ['date', 'description', 'hours', 'slots', 'confirm'],
  z.object({
    teamId: z.number().int(),
    date: z.string().optional(),
    description: z.string().optional(),
    minutes: z.number().int().optional(),
    slots: z.number().int().optional(),
  }),
);

/** Staff found a new team: its name (and a description below it). */
export const teamFlow = defineFlow('partners.team', ['name'], z.object({}));

/** Staff add a partner: the name typed, the type picked, the contact and a description typed (or skipped). */
export const partnerFlow = defineFlow(
  'partners.partner',
  ['name', 'type', 'contact', 'description'],
  z.object({ name: z.string().optional(), type: z.string().optional(), contact: z.string().optional() }),
);

/** Staff change a partner's contact or description: the new text. */
export const partnerEditFlow = defineFlow(
  'partners.partnerEdit',
  ['value'],
  z.object({ id: z.number().int(), field: z.enum(['contact', 'description']) }),
);

export type ShiftDraft = z.infer<typeof shiftFlow.schema>;

/** The shift a completed draft describes; null if a field is missing (a flow saved by an older version). */
export function shiftOf(d: ShiftDraft) {
  const { teamId, date, description, minutes, slots } = d;
  if (date === undefined || description === undefined || minutes === undefined || slots === undefined) return null;
  return { teamId, date, description, minutes, slots };
}
