import { z } from 'zod';
import { defineFlow } from '../../identity';
import { AUDIENCES, KINDS } from './policy';

// The activities area's conversations. Their names and steps never change: a flow in progress during an upgrade
// carries on.

const id = z.number().int().positive();

/** A guardian signs a child up: name → age. `series`: for every session still ahead. */
export const childFlow = defineFlow(
  'activities.child',
  ['name', 'age'],
  z.object({ activityId: id, series: z.boolean(), name: z.string().optional(), card: id.optional() }),
);

/** A few words after the stars. */
export const commentFlow = defineFlow('activities.comment', ['text'], z.object({ signupId: id }));

/** At the desk: staff type a code, a phone's last four digits or part of a name; or a walk-in's name. */
export const deskFlow = defineFlow('activities.desk', ['find', 'walkIn'], z.object({ activityId: id }));

/** A drill's outcome: how many took part → how long it took. */
export const drillFlow = defineFlow(
  'activities.drill',
  ['people', 'time'],
  z.object({ activityId: id, people: z.number().int().positive().optional() }),
);

/** What a new activity needs, collected one step at a time. */
const draft = z.object({
  kind: z.enum(KINDS),
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  descriptionZh: z.string(),
  descriptionEn: z.string().nullable(),
  partnerId: id.nullable(),
  compoundId: id.nullable(),
  placeZh: z.string(),
  placeEn: z.string().nullable(),
  // A point on the map (sent as a location or a venue, or lent by the compound) and a venue's address; drafts
  // begun before these were asked have none.
  placeAddress: z.string().nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  sessions: z.number().int().min(1),
  audience: z.enum(AUDIENCES),
  audienceId: id.nullable(),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  capacity: z.number().int().nullable(),
  signupNeeded: z.boolean(),
  bringZh: z.string().nullable(),
  bringEn: z.string().nullable(),
});
export type Draft = z.infer<typeof draft>;

/**
 * Staff create an activity: kind → organiser → title → description → date → hours → repeat → place → audience
 * (→ ages) → capacity → what to bring → save. `card`: the question with buttons now open.
 */
export const createFlow = defineFlow(
  'activities.create',
  [
    'kind',
    'organiser',
    'title',
    'description',
    'date',
    'hours',
    'repeat',
    'sessions',
    'place',
    'placeText',
    'audience',
    'ages',
    'capacity',
    'bring',
    'save',
  ],
  draft.partial().extend({ card: id.optional() }),
);

export const completeDraft = (d: Partial<Draft>): Draft | null => {
  const r = draft.safeParse(d);
  return r.success ? r.data : null;
};

/** Staff change one thing: d date · h hours · p place · c capacity. */
export const editFlow = defineFlow('activities.edit', ['d', 'h', 'p', 'c'], z.object({ activityId: id }));

export const activitiesFlows = [childFlow, commentFlow, deskFlow, drillFlow, createFlow, editFlow] as const;
