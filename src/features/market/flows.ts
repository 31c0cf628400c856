import { z } from 'zod';
import { defineFlow } from '../../identity';

// The market's conversations. Names and steps are as they were before typed flows: a flow in progress during an
// upgrade carries on.

const id = z.number().int().positive();

/**
 * A resident books (or joins the waitlist for) a service that needs a description: details → photo. `full`: the
 * last place went while they typed, so what they typed is kept for joining the line.
 */
export const bookFlow = defineFlow(
  'market.book',
  ['details', 'photo', 'full'],
  z.object({
    offerId: id,
    mode: z.enum(['book', 'wait']),
    details: z.string().nullable().optional(),
    photo: z.string().nullable().optional(),
    /** The market card the booking began on, refreshed when it is done (its places, the resident's ticket). */
    card: id.optional(),
    /** The photo question, whose button goes once the photo is sent or skipped. */
    photoCard: id.optional(),
  }),
);

/** What a finished booking flow keeps: the service, so a confirmation arriving again finds the ticket. */
export const bookResult = z.object({ offerId: id });

/** A resident gives a new description of the item they booked for. */
export const changeFlow = defineFlow('market.change', ['details'], z.object({ bookingId: id }));

/** Staff note on a repair (which part is needed) after recording its result. */
export const noteFlow = defineFlow(
  'market.note',
  ['text'],
  z.object({ bookingId: id, /** the ticket card asking for it, shown with the note once saved */ card: id.optional() }),
);

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);

/** What a whole new market day needs; the flow collects it one step at a time. */
const draft = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  start: hhmm,
  end: hhmm,
  compoundId: id,
  location: z.string(),
  locationEn: z.string().nullable().optional(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  services: z.array(id),
  /** service id (as a JSON key) → places, only those staff changed from the catalogue's default. */
  capacities: z.record(z.string(), z.number().int()),
});
export type MarketDraft = z.infer<typeof draft>;

/**
 * Staff schedule a market day: date → hours → compound → location → map → services → capacity. `card`: the question
 * with buttons now open, whose buttons go once it is answered.
 */
export const newMarketFlow = defineFlow(
  'market.new',
  ['date', 'hours', 'compound', 'location', 'map', 'services', 'capacity'],
  draft.partial().extend({ card: id.optional() }),
);

/** The finished draft, or null if a step's answer is missing (a flow saved by an older version). */
export const completeDraft = (d: Partial<MarketDraft>): MarketDraft | null => {
  const r = draft.safeParse(d);
  return r.success ? r.data : null;
};

/** Staff change one thing about a market day: d date · h hours · l place (text or a map location). */
export const editFlow = defineFlow(
  'market.edit',
  ['d', 'h', 'l'],
  z.object({ marketId: id, /** the panel the change began on, edited to the new state */ card: id.optional() }),
);

/** Staff send new places per service for a market day. */
export const capacityFlow = defineFlow(
  'market.capacity',
  ['lines'],
  z.object({ marketId: id, /** the panel the change began on */ card: id.optional() }),
);

export const marketFlows = [bookFlow, changeFlow, noteFlow, newMarketFlow, editFlow, capacityFlow] as const;
