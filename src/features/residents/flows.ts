import { z } from 'zod';
import { defineFlow } from '../../identity';

/** Asking for the resident's own phone number (a contact card), during onboarding or from /me. */
export const phoneFlow = defineFlow('residents.phone', ['ask'], z.object({}));

/** The admin types the sub-district's name (setting it up, or changing it). */
export const subdistrictFlow = defineFlow('residents.subdistrict', ['name'], z.object({}));

/**
 * The admin adds or edits a place: a community's two names; a compound's two names, its address and its point on
 * the map. `mode` says whether the answers make a new place (saved at the last step) or change the one named.
 */
export const placeFlow = defineFlow(
  'residents.place',
  ['communityZh', 'communityEn', 'compoundZh', 'compoundEn', 'address', 'location'],
  z.object({
    mode: z.enum(['add', 'edit']),
    communityId: z.number().int().optional(),
    compoundId: z.number().int().optional(),
    nameZh: z.string().optional(),
    nameEn: z.string().optional(),
    address: z.string().nullable().optional(),
  }),
);
export type PlaceDraft = z.infer<typeof placeFlow.schema>;

/** The admin looks for a person by name or phone tail; the last query is kept for paging and coming back. */
export const peopleFlow = defineFlow('residents.people', ['query'], z.object({ query: z.string().optional() }));
