// The partners area's rules: what a team, a shift and a message may be, and how hours are counted.

export const PARTNER_TYPES = ['individual', 'business', 'group', 'association', 'property', 'new_economy'] as const;
export const OFFER_KINDS = ['service', 'discount', 'space', 'money'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export type OfferKind = (typeof OFFER_KINDS)[number];
export const isPartnerType = (s: string): s is PartnerType => (PARTNER_TYPES as readonly string[]).includes(s);
export const isOfferKind = (s: string): s is OfferKind => (OFFER_KINDS as readonly string[]).includes(s);

export const partnersPolicy = {
  partnerName: { max: 80 },
  partnerDescription: { max: 500 },
  partnerContact: { max: 200 },
  offerDetail: { max: 200 },
  teamName: { min: 2, max: 40 },
  teamDescription: { max: 300 },
  teamMessage: { max: 3000 },
  shiftDescription: { min: 2, max: 200 },
  /** A quarter of an hour to a whole day. */
  shiftMinutes: { min: 15, max: 1440 },
  shiftSlots: { min: 1, max: 100 },
  /** Partners shown on one page of a type's list. */
  directoryPage: 8,
  /** Applications shown on the staff desk at once. */
  deskApplications: 20,
  /** Recent hours shown to a volunteer. */
  recentHours: 10,
  /** How far ahead the example date in the shift prompt is. */
  exampleDaysAhead: 7,
} as const;

/** 90 → '1.5': hours with at most one decimal, the way volunteer certificates count them. */
export const formatHours = (minutes: number) => String(Math.round(minutes / 6) / 10);

/** '3', '2.5', '2。5' → minutes; null unless it is hours with at most one decimal, within the shift limits. */
export function parseShiftHours(text: string): number | null {
  const m = /^(\d{1,2})(?:[.。](\d))?$/.exec(text.trim());
  const minutes = m ? Number(m[1]) * 60 + Number(m[2] ?? 0) * 6 : 0;
  const { min, max } = partnersPolicy.shiftMinutes;
  return minutes >= min && minutes <= max ? minutes : null;
}

/** '4' → 4; null unless it is a whole number of places within the limits. */
export function parseSlots(text: string): number | null {
  const t = text.trim();
  const slots = /^\d{1,3}$/.test(t) ? Number(t) : 0;
  const { min, max } = partnersPolicy.shiftSlots;
  return slots >= min && slots <= max ? slots : null;
}

/** A new team as staff type it: the name on the first line, a description below; null if the name does not fit. */
export function parseTeam(text: string): { name: string; description: string } | null {
  const [first, ...rest] = text.trim().split('\n');
  const name = first?.trim() ?? '';
  const { min, max } = partnersPolicy.teamName;
  return name.length >= min && name.length <= max ? { name, description: rest.join('\n') } : null;
}
