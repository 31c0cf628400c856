import { z } from 'zod';
import { defineFlow } from '../../identity';

// Flow and step names are stored with users' flows in progress: they stay as they are across upgrades.

/** Filing a petition: category → place → location → description → (similar?) → photos → name → confirm. */
export const filingFlow = defineFlow(
  'petitions.new',
  ['category', 'place', 'location', 'describe', 'similar', 'photos', 'name', 'confirm', 'emergency'],
  z.object({
    /** A category's code (one of the six of old, or one added since). */
    category: z.string().optional(),
    place: z.string().optional(),
    latitude: z.number().nullable().optional(),
    longitude: z.number().nullable().optional(),
    description: z.string().optional(),
    photos: z.array(z.string()).optional(),
    showName: z.boolean().optional(),
    /** The photo prompt that holds the "done" button now (older ones lose it). */
    promptId: z.number().int().optional(),
    /** Text that read as an emergency, kept in case the resident says it is not one. */
    pending: z.string().optional(),
    pendingStep: z.enum(['place', 'describe']).optional(),
  }),
);
export type FilingData = z.infer<typeof filingFlow.schema>;

const onePetition = z.object({ id: z.number().int() });

/** "It happened again": one photo or text about a petition the user follows. */
export const againFlow = defineFlow('petitions.again', ['note'], onePetition);
/** The petitioner's answer to a deputy's question. */
export const moreFlow = defineFlow('petitions.more', ['note'], onePetition);

/**
 * A handler's text about a petition: a question, a reply, what was done, why it cannot be done. `messageId`: the
 * card the handler started from, shown in its new state once the text is in.
 */
export const actFlow = defineFlow(
  'petitions.act',
  ['info', 'reply', 'resolve', 'unresolvable'],
  onePetition.extend({ messageId: z.number().int().optional() }),
);

/**
 * 代表·局长面对面: date → departments present → petitions discussed (picked from buttons) → outcome → preview, then
 * sent. ('items' once took typed numbers; a flow saved there now gets the buttons.)
 */
export const meetingFlow = defineFlow(
  'petitions.meeting',
  ['date', 'departments', 'items', 'outcome', 'preview'],
  z.object({
    date: z.string().optional(),
    departments: z.array(z.number().int()).optional(),
    items: z.array(z.number().int()).optional(),
    outcome: z.string().optional(),
  }),
);

/**
 * Staff name a category or a department: a new one (Chinese name, then English), or one name of one that exists
 * (`id` and `lang`). `messageId`: the catalogue card to show again once the name is in.
 */
export const catalogueFlow = defineFlow(
  'petitions.catalogue',
  ['nameZh', 'nameEn', 'rename'],
  z.object({
    kind: z.enum(['category', 'department']),
    id: z.number().int().optional(),
    lang: z.enum(['zh', 'en']).optional(),
    nameZh: z.string().optional(),
  }),
);

/** A deputy's invitation: the communities picked, then (optionally) the categories, then the link. */
export const inviteFlow = defineFlow(
  'petitions.invite',
  ['communities', 'categories'],
  z.object({ communities: z.array(z.number().int()), categories: z.array(z.string()) }),
);

/** The time limits (set-up, ⚙️): days to acknowledge, then days to answer; a button or a typed number each. */
export const limitsFlow = defineFlow(
  'petitions.limits',
  ['ack', 'answer'],
  z.object({ ackDays: z.number().optional() }),
);

export const petitionFlows = [
  filingFlow,
  againFlow,
  moreFlow,
  actFlow,
  meetingFlow,
  catalogueFlow,
  inviteFlow,
  limitsFlow,
] as const;
