import { z } from 'zod';
import { defineFlow } from '../../identity';
import { DONOR_KINDS, type EntryInput, INCOME_KINDS, PURPOSES } from './ledger';

/**
 * Staff record an entry. Income: kind → donor (partner, or a resident's name, then consent; or anonymous) →
 * restriction; expense: purpose. Then amount → date → note → review and save.
 */
export const addFlow = defineFlow(
  'fund.add',
  [
    'direction',
    'kind',
    'donor',
    'partner',
    'donorName',
    'consent',
    'restrict',
    'purpose',
    'amount',
    'date',
    'note',
    'confirm',
  ],
  z.object({
    direction: z.enum(['income', 'expense']).optional(),
    kind: z.enum(INCOME_KINDS).optional(),
    /** Income: what it is restricted to (null: free to use); expense: what it pays for. */
    purpose: z.enum(PURPOSES).nullable().optional(),
    donorKind: z.enum(DONOR_KINDS).optional(),
    partnerId: z.number().int().optional(),
    donorName: z.string().optional(),
    public: z.boolean().optional(),
    amountFen: z.number().int().optional(),
    date: z.string().optional(),
    note: z.string().optional(),
  }),
);
export type Draft = z.infer<typeof addFlow.schema>;

/** The entry a finished draft describes; null if something is missing (a flow saved by an older version). */
export function entryOfDraft(d: Draft): EntryInput | null {
  const { amountFen, date, note = '' } = d;
  if (amountFen === undefined || date === undefined) return null;
  if (d.direction === 'expense')
    return d.purpose ? { direction: 'expense', purpose: d.purpose, amountFen, date, note } : null;
  if (d.direction !== 'income' || d.kind === undefined) return null;
  const isPublic = d.public === true;
  const donor =
    d.donorKind === 'partner'
      ? d.partnerId === undefined
        ? null
        : { kind: 'partner' as const, partnerId: d.partnerId, public: isPublic }
      : d.donorKind === 'resident'
        ? { kind: 'resident' as const, name: d.donorName ?? null, userId: null, public: isPublic }
        : { kind: 'anonymous' as const };
  if (!donor) return null;
  return { direction: 'income', kind: d.kind, amountFen, date, donor, restrictedTo: d.purpose ?? null, note };
}

/** Staff correct an entry: the reason, then a confirmation. */
export const reverseFlow = defineFlow(
  'fund.reverse',
  ['reason', 'confirm'],
  z.object({ id: z.number().int(), reason: z.string().optional() }),
);

/** A resident pledges monthly giving: the amount, the day to be reminded, whether to be named. */
export const pledgeFlow = defineFlow(
  'fund.pledge',
  ['amount', 'day', 'name'],
  z.object({ amountFen: z.number().int().optional(), day: z.number().int().optional() }),
);
