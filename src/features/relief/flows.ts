import { z } from 'zod';
import { defineFlow } from '../../identity';
import { SETTING_FIELDS, SUPERMARKET_FIELDS } from './policy';
import { CATEGORIES, EDITABLE_FIELDS } from './recipients';

// Names, steps and data shapes are what users' stored flows already hold: they must not change.

const id = z.number().int().positive();

/**
 * The desk: `query` takes one code, phone tail or name after another; `proxyName` asks who collected, for the
 * person on the desk card `card` (its message, edited once the pickup is recorded). Back at `query`, `last` is the
 * pickup that name recorded, so the same name arriving again is recognised.
 */
export const checkinFlow = defineFlow(
  'relief.checkin',
  ['query', 'proxyName'],
  z.object({
    rid: id.optional(),
    method: z.enum(['c', 's']).optional(),
    card: z.number().int().optional(),
    last: z.object({ proxyName: z.string(), name: z.string(), at: z.string() }).optional(),
  }),
);

/** A linked recipient names someone to collect for them. */
export const proxyFlow = defineFlow('relief.proxy', ['name'], z.object({ rid: id }));

/** Someone opened a staff link: are they the person (`who`), or family who give their name (`proxyName`)? */
export const linkFlow = defineFlow('relief.link', ['who', 'proxyName'], z.object({ code: z.string().min(1) }));

/** Staff add a recipient, one answer per step; the data grows as they answer. */
export const addFlow = defineFlow(
  'relief.add',
  ['name', 'category', 'phone', 'notes'],
  z.object({
    name: z.string().optional(),
    category: z.enum(CATEGORIES).optional(),
    phone: z.string().nullable().optional(),
  }),
);

/** Staff change one field of a recipient. */
export const editFlow = defineFlow('relief.edit', ['value'], z.object({ rid: id, field: z.enum(EDITABLE_FIELDS) }));

/** Staff change one pickup setting. */
export const settingsFlow = defineFlow('relief.settings', ['value'], z.object({ field: z.enum(SETTING_FIELDS) }));

/** Staff add a festival to the table. */
export const holidayFlow = defineFlow('relief.holiday', ['add'], z.object({}));

/**
 * The charity supermarket's set-up step (issue 15): name, address, day and hours, one question each, written together
 * after the last. `setup`: started by the set-up walk-through, whose next step the last message then offers.
 */
export const supermarketFlow = defineFlow(
  'relief.supermarket',
  SUPERMARKET_FIELDS,
  z.object({
    setup: z.boolean(),
    placeZh: z.string().optional(),
    placeEn: z.string().optional(),
    addressZh: z.string().optional(),
    addressEn: z.string().optional(),
    pickupDay: z.number().int().optional(),
    hoursFrom: z.string().optional(),
    hoursTo: z.string().optional(),
  }),
);

export const reliefFlows = [
  checkinFlow,
  proxyFlow,
  linkFlow,
  addFlow,
  editFlow,
  settingsFlow,
  holidayFlow,
  supermarketFlow,
] as const;
