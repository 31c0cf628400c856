import { z } from 'zod';
import { defineFlow } from '../../identity';
import { SERVICE_GROUPS } from './store/types';

// The market's conversations. Names and steps are as they were before typed flows: a flow in progress during an
// upgrade carries on.

const id = z.number().int().positive();

/**
 * A resident books (or joins the waitlist for) a service that needs a description or a photo: details → photo (each
 * only if the service asks for it). `full`: the last place went while they typed, so what they typed is kept for
 * joining the line.
 */
export const bookFlow = defineFlow(
  'market.book',
  ['details', 'photo', 'full'],
  z.object({
    offerId: id,
    mode: z.enum(['book', 'wait']),
    details: z.string().nullable().optional(),
    photo: z.string().nullable().optional(),
    /** Whether a photo is asked for after the description (absent in flows saved before it was a choice: asked). */
    askPhoto: z.boolean().optional(),
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
  venueId: id,
  services: z.array(id),
  /** service id (as a JSON key) → places, only those staff changed from the catalogue's default. */
  capacities: z.record(z.string(), z.number().int()),
});
export type MarketDraft = z.infer<typeof draft>;

/**
 * Staff schedule a market day: date → hours → venue (buttons) → services → capacity. `card`: the question with
 * buttons now open, whose buttons go once it is answered. (A flow saved before venues, at a step that is gone, ends
 * politely.)
 */
export const newMarketFlow = defineFlow(
  'market.new',
  ['date', 'hours', 'venue', 'services', 'capacity'],
  draft.partial().extend({ card: id.optional() }),
);

/** The finished draft, or null if a step's answer is missing (a flow saved by an older version). */
export const completeDraft = (d: Partial<MarketDraft>): MarketDraft | null => {
  const r = draft.safeParse(d);
  return r.success ? r.data : null;
};

/** Staff change one thing about a market day by typing: d date · h hours (the place is picked with buttons). */
export const editFlow = defineFlow(
  'market.edit',
  ['d', 'h'],
  z.object({ marketId: id, /** the panel the change began on, edited to the new state */ card: id.optional() }),
);

/** Staff send new places per service for a market day. */
export const capacityFlow = defineFlow(
  'market.capacity',
  ['lines'],
  z.object({ marketId: id, /** the panel the change began on */ card: id.optional() }),
);

/** Staff add a service to the catalogue: names → group → places → minutes per ticket → what residents are asked. */
export const serviceFlow = defineFlow(
  'market.service',
  ['name', 'group', 'capacity', 'minutes', 'needs'],
  z.object({
    nameZh: z.string().optional(),
    nameEn: z.string().optional(),
    groupKey: z.enum(SERVICE_GROUPS).optional(),
    defaultCapacity: z.number().int().optional(),
    minutesPerTicket: z.number().int().optional(),
    /** the question with buttons now open */
    card: id.optional(),
  }),
);

/** What a finished add-service flow keeps: the service, so a confirmation arriving again finds it. */
export const serviceResult = z.object({ serviceId: id });

/** Staff change one thing about a service by typing: n names · c places · m minutes per ticket. */
export const serviceEditFlow = defineFlow(
  'market.serviceEdit',
  ['n', 'c', 'm'],
  z.object({ serviceId: id, /** the service card the change began on */ card: id.optional() }),
);

/**
 * Staff add a venue: compound (buttons) → name → address → map location (or skip). `setup`: started by the set-up
 * walk-through, so the last message offers its next step.
 */
export const venueFlow = defineFlow(
  'market.venue',
  ['compound', 'name', 'address', 'map'],
  z.object({
    compoundId: id.optional(),
    nameZh: z.string().optional(),
    nameEn: z.string().nullable().optional(),
    address: z.string().optional(),
    setup: z.boolean().optional(),
    card: id.optional(),
  }),
);

/** What a finished add-venue flow keeps: the venue, and whether it was the set-up's. */
export const venueResult = z.object({ venueId: id, setup: z.boolean().optional() });

/** Staff change one thing about a venue: n name · a address · l map location · c compound (buttons). */
export const venueEditFlow = defineFlow(
  'market.venueEdit',
  ['n', 'a', 'l', 'c'],
  z.object({ venueId: id, /** the venue card the change began on */ card: id.optional() }),
);

export const marketFlows = [
  bookFlow,
  changeFlow,
  noteFlow,
  newMarketFlow,
  editFlow,
  capacityFlow,
  serviceFlow,
  serviceEditFlow,
  venueFlow,
  venueEditFlow,
] as const;
