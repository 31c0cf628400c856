import { z } from 'zod';
import { defineFlow } from '../../identity';

/** Asking for the resident's own phone number (a contact card), during onboarding or from /me. */
export const phoneFlow = defineFlow('residents.phone', ['ask'], z.object({}));
