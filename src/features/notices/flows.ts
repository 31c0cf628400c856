import { z } from 'zod';
import { defineFlow } from '../../identity';

const entity = z.object({
  type: z.string(),
  offset: z.number().int(),
  length: z.number().int(),
  url: z.string().optional(),
  language: z.string().optional(),
});

/**
 * /broadcast: the text (or photo), then the audience, optionally a time, then the confirmation. The draft is kept
 * here, so a restart loses nothing; at the first step it is still empty (stored as `{}` by older versions).
 */
export const composeFlow = defineFlow(
  'notices.compose',
  ['text', 'audience', 'when', 'confirm'],
  z.object({
    key: z.string().default(''),
    text: z.string().default(''),
    entities: z.array(entity).default([]),
    photo: z.string().nullable().default(null),
    /** The chosen audience's code (audience.ts). */
    audience: z.string().optional(),
    /** ISO instant of a scheduled broadcast. */
    sendAt: z.string().optional(),
  }),
);

export type ComposeData = z.infer<typeof composeFlow.schema>;
export type ComposeStep = (typeof composeFlow.steps)[number];

/** The compose flow before anything is written. */
export const emptyDraft: ComposeData = { key: '', text: '', entities: [], photo: null };
